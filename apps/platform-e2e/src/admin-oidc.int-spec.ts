// The admin app's sign-in with an académie's identity provider (issue 26), in Debian's Chromium: a local OpenID
// provider (oidc-provider, tools/oidc/test-provider.mjs) in a process of its own, the platform's gateway verifying its
// tokens (JWKS, issuer, audience, the académie's claims mapped by AUTH_CLAIMS) with no development issuer; the
// authorization code flow with PKCE, the caller read back from the gateway, the token renewed before it expires.
import './e2e-environment';
import AxeBuilder from '@axe-core/playwright';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, chromium, Request } from 'playwright-core';
import { PLATFORM_SERVICES, RunningApp, startPlatform, stopPlatform } from './app-process';
import { run } from './e2e-environment';

const ACADEMY = 'nantes';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = process.env.FORMA_SCREENSHOTS_DIR ?? join(tmpdir(), `forma-screens-${run}`);
/** The access token lives 40 s: the app renews it 30 s before it expires, so within the test. */
const ACCESS_TOKEN_TTL = 40;
const ACCOUNT = 'camille.oidc';

describe('the admin app signs in with the académie’s identity provider (code flow with PKCE)', () => {
  const apps: RunningApp[] = [];
  let provider: ChildProcess;
  let issuer = '';
  let gateway = '';
  let browser: Browser;

  beforeAll(async () => {
    provider = spawn(process.execPath, [resolve(__dirname, '../../../tools/oidc/test-provider.mjs')], {
      env: {
        ...process.env,
        PORT: '0',
        ACCESS_TOKEN_TTL: String(ACCESS_TOKEN_TTL),
        FORMA_OIDC_ACCOUNTS: JSON.stringify({
          [ACCOUNT]: {
            email: `camille.oidc.${run}@ac-exemple.fr`,
            name: 'Camille Fictive',
            roles: ['GRP_DAFPEN'],
            forma_level: 'academie',
            forma_code: ACADEMY,
            forma_academy: ACADEMY,
          },
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    issuer = await new Promise<string>((found, failed) => {
      let output = '';
      provider.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /^issuer (\S+)$/m.exec(output);
        if (match) found(match[1]);
      });
      provider.once('exit', (code) => failed(new Error(`the provider exited (${code}): ${output}`)));
    });
    const platform = await startPlatform(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s, {}])), {
      AUTH_DEV_ISSUER_ENABLED: 'false',
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_JWT_ISSUER: issuer,
      AUTH_JWT_AUDIENCE: 'forma-api',
      // the académie's own names: its group for the DAFPEN, its scope in three claims
      AUTH_CLAIMS: JSON.stringify({
        roles: 'roles',
        roleNames: { GRP_DAFPEN: 'dafpen-admin' },
        scopeLevel: 'forma_level',
        scopeCode: 'forma_code',
        academy: 'forma_academy',
      }),
      ADMIN_OIDC_CLIENT_ID: 'forma-admin',
    });
    apps.push(...platform.apps);
    gateway = platform.gateway;
    // the app's public client, registered now that the gateway's address is known (dynamic registration)
    const registered = await fetch(`${issuer}/reg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: [`${gateway}/connexion/retour`, `${gateway}/connexion/fenetre`],
        post_logout_redirect_uris: [`${gateway}/`],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      }),
    });
    expect([registered.status, ((await registered.json()) as { client_id: string }).client_id]).toEqual([
      201,
      'forma-admin',
    ]);
    await mkdir(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=fr-FR'] });
  }, 420000);

  afterAll(async () => {
    await browser?.close();
    provider?.kill();
    await stopPlatform(apps);
  }, 120000);

  it('signs in at the provider, comes back signed in as the gateway reads the token, and renews it', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR', bypassCSP: true })
    ).newPage();
    page.setDefaultTimeout(120000);
    const bearers: string[] = [];
    page.on('request', (request: Request) => {
      const bearer = request.headers().authorization;
      if (request.url().startsWith(`${gateway}/api/`) && bearer && !bearers.includes(bearer)) bearers.push(bearer);
    });
    // what the page and the provider said, told when the renewal is not seen (a CI run under load once saw none)
    const journal: string[] = [];
    const at = () => new Date().toISOString().slice(11, 23);
    page.on('console', (message) => journal.push(`${at()} console.${message.type()}: ${message.text()}`));
    page.on('requestfailed', (request) =>
      journal.push(`${at()} failed ${request.url()}: ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => {
      if (response.url().startsWith(issuer) || response.status() >= 400)
        journal.push(`${at()} ${response.status()} ${response.request().method()} ${response.url()}`);
    });
    const told = <T>(what: string, wait: Promise<T>) =>
      wait.catch((error: Error) => {
        throw new Error(`${what}: ${error.message}\n${journal.join('\n')}`);
      });
    await page.goto(gateway);
    await page.getByRole('button', { name: 'Se connecter avec mon compte académique' }).waitFor();
    // no development issuer here: its form is not offered
    expect(await page.getByRole('heading', { name: 'Se connecter (développement)' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'admin-sign-in-provider-desktop.png'), fullPage: true });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.getByRole('button', { name: 'Se connecter avec mon compte académique' }).click();
    // the provider's own pages: the authorization request carried a PKCE challenge
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.locator('input[name="login"]').fill(ACCOUNT);
    await page.locator('input[name="password"]').fill('mot-de-passe-fictif');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: /continue/i }).click();
    // back in the app, signed in as the provider's claims say: the DAFPEN of Nantes
    await page.waitForURL(`${gateway}/`);
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('heading', { name: 'Offre de formation' }).waitFor();
    expect(await page.getByRole('link', { name: 'Bilans' }).count()).toBe(1);
    // tokens in memory only: nothing of them in the browser's storage
    expect(await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })')).not.toMatch(
      /access_token|refresh_token/,
    );

    // the token renewed with the refresh token before it expires, and the API takes the new one
    const renewal = await told(
      'no renewal',
      page.waitForResponse(
        (response) =>
          response.url() === `${issuer}/token` &&
          (response.request().postData() ?? '').includes('grant_type=refresh_token'),
        { timeout: ACCESS_TOKEN_TTL * 1000 + 60000 },
      ),
    );
    expect(renewal.status()).toBe(200);
    // then the page's data read again with a renewed token (perhaps already: nothing awaits between the check and
    // the wait), and the next page asked with one (tokens of 40 s renew every 10 s: not always the first renewal's)
    const firstToken = bearers[0];
    const renewedUse = (request: Request) =>
      request.url().startsWith(`${gateway}/api/`) &&
      !!request.headers().authorization &&
      request.headers().authorization !== firstToken;
    if (!bearers.some((bearer) => bearer !== firstToken))
      await told(
        'no request with a renewed token',
        page.waitForRequest(renewedUse, { timeout: ACCESS_TOKEN_TTL * 1000 + 60000 }),
      );
    const bilan = page.waitForRequest((request) => request.url().includes('/api/v1/reports/bilan'));
    await page.getByRole('link', { name: 'Bilans' }).click();
    expect(renewedUse(await bilan)).toBe(true);
    await page.getByRole('heading', { name: /^Bilan — / }).waitFor();
    await page.context().close();
  }, 300000);

  it('signs in again in a window of its own after a 401, the form kept; signs out at the provider too', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'fr-FR',
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(120000);
    await page.goto(gateway);
    await page.getByRole('button', { name: 'Se connecter avec mon compte académique' }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.locator('input[name="login"]').fill(ACCOUNT);
    await page.locator('input[name="password"]').fill('mot-de-passe-fictif');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: /continue/i }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    // a module being typed when the API answers 401 (a token revoked: the test stands in for the provider)
    await page.getByRole('link', { name: 'Nouveau module' }).click();
    const typed = `Module gardé pendant la reconnexion ${run}`;
    await page.getByLabel('Titre', { exact: true }).fill(typed);
    await page.route('**/api/v1/modules', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'unauthenticated', status: 401, code: 'unauthenticated' }),
      }),
    );
    await page.getByRole('button', { name: 'Créer le module' }).click();
    await page.getByText('Session expirée').waitFor();
    await page.unroute('**/api/v1/modules');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'admin-sign-in-again-provider-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(SHOTS, 'admin-sign-in-again-provider-desktop.png'), fullPage: true });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // the provider in a window of its own (its session still open: perhaps only the consent), which then closes
    const opened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Se reconnecter dans une nouvelle fenêtre' }).click();
    const popup = await opened;
    const closed = popup.waitForEvent('close', { timeout: 120000 });
    await Promise.race([
      closed,
      popup
        .getByRole('button', { name: /continue/i })
        .click()
        .catch(() => undefined), // the window closed first: nothing was asked
    ]);
    await closed;
    await page.getByText('Session expirée').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Titre', { exact: true }).inputValue()).toBe(typed);
    await page.getByRole('button', { name: 'Créer le module' }).click();
    await page.getByText(`« ${typed} » est dans l’offre.`).waitFor();

    // signing out ends the session at the provider: the next sign-in asks the account again
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.getByRole('button', { name: /sign me out/i }).click();
    await page.waitForURL(`${gateway}/`);
    await page.getByRole('button', { name: 'Se connecter avec mon compte académique' }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.locator('input[name="login"]').waitFor();
    await context.close();
  }, 300000);

  it('lets the page call the provider, and no other origin', async () => {
    const answer = await fetch(`${gateway}/`);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${issuer.replace(/[.:/]/g, '\\$&')}(;|$)`));
    expect(csp.replaceAll(issuer, '')).not.toMatch(/https?:\/\//);
    const config = (await (await fetch(`${gateway}/admin-config.json`)).json()) as object;
    expect(config).toEqual({
      devSignIn: false,
      oidc: { authority: issuer, clientId: 'forma-admin', scope: 'openid profile email api' },
    });
  });
});
