// Signing in with the académie's identity provider (issue 26): the authorization code flow with PKCE by oidc-client-ts
// (OpenID Foundation certified relying-party library), for the app's public client. Tokens are kept in memory only
// (a reload signs in again); only the flow's short-lived state (the PKCE verifier) waits in sessionStorage across the
// provider's redirect. Tokens are renewed with the refresh token before they expire. Signing in again after a 401
// happens in a window of its own, so the page and its form stay; signing out ends the session at the provider too.
import { InMemoryWebStorage, Log, UserManager, WebStorageStateStore } from 'oidc-client-ts';

// a renewal that fails says why in the browser's console (what a support team asks for), and nothing more
Log.setLogger(console);
Log.setLevel(Log.WARN);

/** How this gateway signs people in (`/admin-config.json`, apps/gateway/src/edge/admin-app.ts). */
export interface AdminConfig {
  devSignIn: boolean;
  oidc: { authority: string; clientId: string; scope: string } | null;
  /** The page opened without a network (from the service worker): signing in waits for the network. */
  offline?: boolean;
}

/** Where the provider sends the browser back with its code. */
export const CALLBACK_PATH = '/connexion/retour';
/**
 * Where it sends back the window of a sign-in again (a session expired mid-task): the page underneath, and what was
 * typed in it, stays as it was.
 */
export const POPUP_CALLBACK_PATH = '/connexion/fenetre';

export async function loadConfig(): Promise<AdminConfig> {
  const answer = await fetch('/admin-config.json').catch(() => undefined);
  if (!answer) return { devSignIn: false, oidc: null, offline: true };
  return answer.ok ? ((await answer.json()) as AdminConfig) : { devSignIn: false, oidc: null };
}

/** One client per provider and page load: the session's effect may run again, its renewals must reach it. */
let managed: { key: string; manager: UserManager } | undefined;

/**
 * The académie's provider's client, the same instance for the same settings: a second instance would not hold the
 * signed-in user (tokens in memory), its renewals would go unheard, and the first would renew on its own.
 */
export function userManager(oidc: NonNullable<AdminConfig['oidc']>): UserManager {
  const key = `${oidc.authority} ${oidc.clientId} ${oidc.scope}`;
  if (managed?.key !== key) managed = { key, manager: newUserManager(oidc) };
  return managed.manager;
}

function newUserManager(oidc: NonNullable<AdminConfig['oidc']>): UserManager {
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    response_type: 'code',
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    popup_redirect_uri: `${window.location.origin}${POPUP_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    // a loaded provider may take more than the default 10 s to answer a refresh
    silentRequestTimeoutInSeconds: 30,
    accessTokenExpiringNotificationTimeInSeconds: 30,
  });
}
