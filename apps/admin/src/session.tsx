// Who is signed in: the token kept in memory only (never in storage), with the role and scope it was asked for.
import { formaClient, FormaClient } from '@forma/api-client';
import { createContext, ReactNode, useContext, useMemo, useState } from 'react';

export interface Caller {
  role: string;
  academy: string;
  level: 'academie' | 'department' | 'district' | 'school';
  code: string;
  mail?: string;
}

interface Session {
  caller?: Caller;
  client: FormaClient;
  signIn: (caller: Caller, token: string) => void;
  signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [signed, setSigned] = useState<{ caller: Caller; token: string }>();
  const value = useMemo<Session>(
    () => ({
      caller: signed?.caller,
      client: formaClient(window.location.origin, signed?.token),
      signIn: (caller, token) => setSigned({ caller, token }),
      signOut: () => setSigned(undefined),
    }),
    [signed],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
