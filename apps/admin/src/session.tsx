// Who is signed in: the token kept in memory only (never in storage), with the role and scope it carries. With the
// académie's provider (auth.ts), the caller is who the gateway reads in the token (`GET /api/v1/me`), and a renewed
// token replaces the old one in place.
import { formaClient, FormaClient } from '@forma/api-client';
import { useQueryClient } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { AdminConfig, CALLBACK_PATH, loadConfig, POPUP_CALLBACK_PATH, userManager } from './auth';

export interface Caller {
  /** The token's subject (what the services record as the author of a request). */
  sub?: string;
  role: string;
  academy: string;
  level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt';
  code: string;
  mail?: string;
  name?: string;
}

interface Session {
  caller?: Caller;
  /** How this gateway signs people in (undefined while it is read). */
  config?: AdminConfig;
  /** The académie's provider's client, when the app signs in with it. */
  provider?: UserManager;
  /** The API answered 401 to this caller's token (expired or revoked): they sign in again, their page kept. */
  expired: boolean;
  /** A sign-in with the provider that failed, said in French. */
  signInProblem?: string;
  client: FormaClient;
  signIn: (caller: Caller, token: string) => void;
  /** Signs in again at the provider in a window of its own: the page and its form stay (a popup blocked throws). */
  signInAgain: () => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** The provider's answer at the sign-in's return, read once per page load (session.tsx's effect may run again). */
let redirectAnswer: ReturnType<UserManager['signinRedirectCallback']> | undefined;

/** Who the token's bearer is, as the gateway reads it. */
async function callerOf(token: string): Promise<Caller> {
  const { data, response } = await formaClient(window.location.origin, token).GET('/api/v1/me');
  if (!data) throw new Error(`la passerelle refuse le jeton du fournisseur (${response.status})`);
  return {
    sub: data.sub,
    role: data.roles[0],
    academy: data.scope.academy,
    level: data.scope.level,
    code: data.scope.code,
    mail: data.mail,
    name: data.name,
  };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [signed, setSigned] = useState<{ caller: Caller; token: string }>();
  // the token every request carries, read when the request leaves: a renewal applies to the next call at once,
  // whichever client object the page's queries hold
  const token = useRef<string | undefined>(undefined);
  token.current = signed?.token;
  const [expired, setExpired] = useState(false);
  const [config, setConfig] = useState<AdminConfig>();
  const [signInProblem, setSignInProblem] = useState<string>();
  const provider = useMemo(() => (config?.oidc ? userManager(config.oidc) : undefined), [config]);
  const signIn = useCallback((caller: Caller, token: string) => {
    setSigned({ caller, token });
    setExpired(false);
  }, []);

  useEffect(() => void loadConfig().then(setConfig), []);
  // opened without a network: how to sign in is read again when the browser says the network is back, and every 3 s
  // meanwhile (a browser may not say it)
  useEffect(() => {
    if (!config?.offline) return;
    const again = () => void loadConfig().then(setConfig);
    window.addEventListener('online', again);
    const timer = window.setTimeout(again, 3000);
    return () => {
      window.removeEventListener('online', again);
      window.clearTimeout(timer);
    };
  }, [config]);
  useEffect(() => {
    if (!provider) return;
    // a renewed token (refresh token) replaces the old one; the caller stays, and what the page shows is read again
    // with it (a refusal seen with the old one would otherwise stay on screen)
    const renewed = (user: { access_token: string }) => {
      if (!token.current) return; // the sign-in itself: its caller is read first (callerOf)
      token.current = user.access_token;
      setSigned((current) => (current ? { ...current, token: user.access_token } : current));
      void queries.invalidateQueries();
    };
    provider.events.addUserLoaded(renewed);
    // a renewal that failed (the provider slow to answer, the network gone a moment) is tried again a few times
    // while the token still holds, rather than leaving the user to a « Session expirée » at its end
    let retry: number | undefined;
    const renewAgain = (attempt: number) => {
      retry = window.setTimeout(() => {
        provider.signinSilent().catch(() => attempt < 5 && renewAgain(attempt + 1));
      }, 5000);
    };
    const failed = () => renewAgain(1);
    provider.events.addSilentRenewError(failed);
    // the window of a sign-in again: it hands the provider's answer to the page that opened it, and closes
    if (window.location.pathname === POPUP_CALLBACK_PATH) {
      void provider
        .signinPopupCallback()
        .catch((error: Error) => setSignInProblem(`Connexion impossible : ${error.message}.`));
      return;
    }
    let active = true;
    if (window.location.pathname === CALLBACK_PATH) {
      // the provider's answer is read once per page load, whatever re-runs this effect: read twice, the second
      // reading finds its state already used (« No matching state found ») and would undo the sign-in
      redirectAnswer ??= provider.signinRedirectCallback();
      redirectAnswer
        .then(async (user) => {
          const caller = await callerOf(user.access_token);
          if (active) signIn(caller, user.access_token);
        })
        .catch((error: Error) => active && setSignInProblem(`Connexion impossible : ${error.message}.`))
        .finally(() => active && window.history.replaceState(null, '', '/'));
    }
    return () => {
      active = false;
      provider.events.removeUserLoaded(renewed);
      provider.events.removeSilentRenewError(failed);
      window.clearTimeout(retry);
    };
  }, [provider, signIn, queries]);

  const value = useMemo<Session>(() => {
    const client = formaClient(window.location.origin);
    client.use({
      onRequest: ({ request }) => {
        if (token.current) request.headers.set('authorization', `Bearer ${token.current}`);
        return request;
      },
      onResponse: ({ response }) => {
        if (response.status === 401 && signed) setExpired(true);
      },
    });
    return {
      caller: signed?.caller,
      config,
      provider,
      expired,
      signInProblem,
      client,
      signIn,
      signInAgain: async () => {
        if (!provider) return;
        const user = await provider.signinPopup();
        signIn(await callerOf(user.access_token), user.access_token);
      },
      signOut: () => {
        token.current = undefined;
        setSigned(undefined);
        setExpired(false);
        // at the provider too (RP-initiated logout): the next sign-in asks the account again
        if (provider) void provider.signoutRedirect().catch(() => provider.removeUser());
      },
    };
  }, [signed, expired, config, provider, signInProblem, signIn]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
