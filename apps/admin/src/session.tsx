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
  /** The API answered 401 to this caller's token (expired or revoked): they sign in again, their page kept. */
  expired: boolean;
  client: FormaClient;
  signIn: (caller: Caller, token: string) => void;
  signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [signed, setSigned] = useState<{ caller: Caller; token: string }>();
  const [expired, setExpired] = useState(false);
  const value = useMemo<Session>(() => {
    const client = formaClient(window.location.origin, signed?.token);
    client.use({
      onResponse: ({ response }) => {
        if (response.status === 401 && signed) setExpired(true);
      },
    });
    return {
      caller: signed?.caller,
      expired,
      client,
      signIn: (caller, token) => {
        setSigned({ caller, token });
        setExpired(false);
      },
      signOut: () => {
        setSigned(undefined);
        setExpired(false);
      },
    };
  }, [signed, expired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
