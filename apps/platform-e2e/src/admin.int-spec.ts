// The admin app (issue 26, first screens) in Debian's Chromium driven by Playwright, served by the gateway of a
// platform of its own: the development sign-in, the offer with its search, the bilan, what a role may not do not
// offered (and still refused by the API), axe's audit at desktop and phone widths, and screenshots to look at.
import './e2e-environment';
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { PLATFORM_SERVICES, RunningApp, startPlatform, stopPlatform } from './app-process';
import { run } from './e2e-environment';
import { Caller, gatewayClient } from './gateway-client';

const ACADEMY = 'nantes';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the screenshots go: docs/screens when asked (FORMA_SCREENSHOTS_DIR), a temporary folder otherwise. */
const SHOTS = process.env.FORMA_SCREENSHOTS_DIR ?? join(tmpdir(), `forma-screens-${run}`);
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

describe('the admin app in a browser, against the real platform', () => {
  const apps: RunningApp[] = [];
  let gateway = '';
  let browser: Browser;
  const { api } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
  const title = `Module fictif de l’écran ${run}`;

  beforeAll(async () => {
    const platform = await startPlatform(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s, {}])));
    apps.push(...platform.apps);
    gateway = platform.gateway;
    const created = await api(
      'post',
      '/modules',
      {
        title,
        kind: 'module',
        category: 'pedagogical-use-1',
        modality: 'face-to-face',
        status: 'published',
        targetProfiles: ['teacher'],
        durations: { faceToFaceHours: 3, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
        origin: 'canope',
      },
      admin,
    );
    expect(created.status).toBe(201);
    await mkdir(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await stopPlatform(apps);
  }, 120000);

  async function signIn(page: Page, role: string): Promise<void> {
    // a loaded CI machine (six apps, the broker, PostgreSQL and Chromium on two cores) renders slowly: Playwright's
    // waits follow the page, with room
    page.setDefaultTimeout(120000);
    await page.goto(gateway);
    await page.getByRole('heading', { name: 'Se connecter (développement)' }).waitFor();
    await page.getByLabel('Rôle').selectOption(role);
    await page.getByLabel('Académie (code)').fill(ACADEMY);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  async function audit(page: Page, name: string): Promise<void> {
    for (const [width, size] of Object.entries(WIDTHS)) {
      await page.setViewportSize(size);
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  }

  it('signs a DAFPEN in, shows the offer and finds a module by its words', async () => {
    // axe is injected into the page: the test lets it past the app's content security policy (tested below)
    const page = await (
      await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR', bypassCSP: true })
    ).newPage();
    page.setDefaultTimeout(120000);
    await page.goto(gateway);
    await page.getByRole('heading', { name: 'Se connecter (développement)' }).waitFor();
    await audit(page, 'admin-sign-in');
    await page.setViewportSize(WIDTHS.desktop);
    await signIn(page, 'dafpen-admin');
    await page.getByRole('heading', { name: 'Offre de formation' }).waitFor();
    await page.getByRole('cell', { name: title }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un module' }).fill('introuvable');
    await page.getByRole('searchbox', { name: 'Rechercher un module' }).press('Enter');
    await page.getByText('0 module(s)').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un module' }).fill(run);
    await page.getByRole('searchbox', { name: 'Rechercher un module' }).press('Enter');
    await page.getByText('1 module(s)').waitFor();
    await audit(page, 'admin-offer');
    await page.setViewportSize(WIDTHS.desktop);
    await page.getByRole('link', { name: 'Bilans' }).click();
    await page.getByRole('heading', { name: /^Bilan — / }).waitFor();
    await audit(page, 'admin-bilan');
    await page.context().close();
  }, 300000);

  it('creates a module: the API’s refusal shown next to its field, the form kept, then the module in the offer', async () => {
    const page = await (
      await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR', bypassCSP: true })
    ).newPage();
    await signIn(page, 'dafpen-admin');
    await page.getByRole('link', { name: 'Nouveau module' }).click();
    await page.getByRole('heading', { name: 'Nouveau module' }).waitFor();
    const created = `Module saisi à l’écran ${run}`;
    await page.getByLabel('Titre', { exact: true }).fill(created);
    await page.getByLabel('Heures en présence').fill('500');
    await page.getByRole('button', { name: 'Créer le module' }).click();
    // the API's message (durations at most 200 h), next to the field it names; the title typed is still there
    await page.locator('.fr-input-group--error').first().waitFor();
    expect(await page.locator('.fr-input-group--error').count()).toBe(1);
    expect(await page.locator('.fr-input-group--error').textContent()).toContain('Heures en présence');
    expect(await page.getByLabel('Titre', { exact: true }).inputValue()).toBe(created);
    await audit(page, 'admin-module-refused');
    await page.setViewportSize(WIDTHS.desktop);
    await page.getByLabel('Heures en présence').fill('3');
    await page.getByRole('button', { name: 'Créer le module' }).click();
    await page.getByText(`« ${created} » est dans l’offre.`).waitFor();
    await page.getByRole('cell', { name: created }).waitFor();
    await page.context().close();
  }, 300000);

  it('offers a trainer the offer but not the bilans, which the API refuses them too', async () => {
    const page = await (await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' })).newPage();
    await signIn(page, 'trainer');
    await page.getByRole('heading', { name: 'Offre de formation' }).waitFor();
    expect(await page.getByRole('link', { name: 'Offre' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Bilans' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Nouveau module' }).count()).toBe(0);
    const refused = await api('get', `/reports/bilan?level=academie&code=${ACADEMY}`, undefined, {
      role: 'trainer',
      academy: ACADEMY,
    });
    expect(refused.status).toBe(403);
    await page.context().close();
  }, 300000);

  it('serves the app under a content security policy that names no other origin', async () => {
    const answer = await fetch(`${gateway}/une/page/de/l-app`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('<div id="root">');
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect((await fetch(`${gateway}/api/v1/nothing-here`)).status).not.toBe(200);
  });
});
