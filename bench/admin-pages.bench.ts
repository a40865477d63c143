// The admin app's page budgets (issue 26): each page of the journeys usable within 1 s of navigation on this machine
// with the platform running, and a session of 10,000 registrations paged by the server. The whole platform runs
// compiled (every service and the gateway, each its own process, on the real broker and PostgreSQL); a module, a
// session and `registrations` people imported into it (a Mailexport file through the import job) are set up through
// the gateway; then Debian's Chromium (never a downloaded browser) signs a DAFPEN in and, `rounds` times:
//   - clicks each page of the navigation and times it from the click until the page is usable: its title shown and
//     nothing on it still loading (« Chargement… »);
//   - on « Inscriptions », times the session's first page of registrations after choosing it, then each next page.
// Ratios: the slowest page's p95 over the 1,000 ms budget, the registrations' p95 over it, and over the same pages
// asked of the API directly in the same run (the floor).
//   npm run bench:pages [registrations] [rounds]        defaults 10,000 and 5
import { platformBenchEnvironment, run } from './bench-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { formaClient, importParticipants } from '@forma/api-client';
import { chromium, Page } from 'playwright-core';
import { PLATFORM_SERVICES, RunningApp, startPlatform, stopPlatform } from '../apps/platform-e2e/src/app-process';
import { Caller, gatewayClient, uai } from '../apps/platform-e2e/src/gateway-client';
import { writeFigures } from './figures';

platformBenchEnvironment();

const REGISTRATIONS = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const BUDGET_MS = 1000;
const ACADEMY = 'corse';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.95 * values.length) - 1];
const ms = (v: number) => Math.round(v);

/** From an action until the page's title shows and nothing on it still loads. */
async function usable(page: Page, act: () => Promise<void>, title: RegExp | string): Promise<number> {
  const t0 = performance.now();
  await act();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page
    .getByText(/Chargement/)
    .first()
    .waitFor({ state: 'detached' });
  return performance.now() - t0;
}

async function main(): Promise<void> {
  let apps: RunningApp[] = [];
  let gateway = '';
  const { api, bearer } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=fr-FR'] });
  try {
    const platform = await startPlatform(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s, {}])));
    apps = platform.apps;
    gateway = platform.gateway;
    const school = uai('6200902');
    const put = await api('put', `/reference/schools/${school}`, { name: 'École fictive du banc' }, admin);
    if (put.status !== 200) throw new Error(`school: ${put.status}`);
    const title = `Banc des écrans ${run}`;
    const module = await api('post', '/modules', { ...CANOPROF_M1_EXAMPLE, title }, admin);
    if (module.status !== 201) throw new Error(`module: ${module.status} ${JSON.stringify(module.body)}`);
    const session = await api(
      'post',
      `/modules/${module.body.id}/sessions`,
      {
        slots: [{ date: '2027-02-02', start: '09:00', end: '12:00', kind: 'face-to-face' }],
        placeUai: school,
        capacity: 12,
        trainers: [{ name: 'Alix Formatrice', role: 'trainer' }],
      },
      admin,
    );
    if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
    // the session known to enrolment before its people are imported into it
    const client = formaClient(gateway, (await bearer(admin)).replace(/^Bearer /, ''));
    for (let tries = 0; ; tries += 1) {
      const { data } = await client.GET('/api/v1/registrations/search', {
        params: { query: { sessionId: session.body.id, limit: 1 } },
      });
      if (data) break;
      if (tries > 600) throw new Error('the session never reached enrolment');
      await new Promise((resolve) => setImmediate(resolve));
    }
    const lines = ['Nom;Mail;Fonction;Grade'];
    for (let i = 0; i < REGISTRATIONS; i += 1)
      lines.push(`BANC-${i} Camille;banc.${run}.${i}@ac-exemple.fr;ENS;P ECOLE CN`);
    const imported = await importParticipants(client, lines.join('\r\n'), {
      sessionId: session.body.id,
      format: 'mailexport',
      fileName: 'banc.csv',
    });
    if (imported.job.accepted !== REGISTRATIONS) throw new Error(`import: ${JSON.stringify(imported.job)}`);

    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' })
    ).newPage();
    page.setDefaultTimeout(60000);
    await page.goto(gateway);
    await page.getByLabel('Rôle').selectOption('dafpen-admin');
    await page.getByLabel('Académie (code)').fill(ACADEMY);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await nav.getByRole('link').first().waitFor();
    const labels = await nav.getByRole('link').allTextContents();
    const pages: Record<string, number[]> = Object.fromEntries(labels.map((l) => [l, []]));
    const firstPage: number[] = [];
    const nextPage: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const label of labels) {
        const link = nav.getByRole('link', { name: label, exact: true });
        pages[label].push(await usable(page, () => link.click(), /./));
      }
      // a session of 10,000 registrations: its first page once chosen, then the next ones
      await nav.getByRole('link', { name: 'Inscriptions', exact: true }).click();
      await page.getByRole('combobox', { name: 'Module' }).selectOption({ label: title });
      const option = page.getByRole('combobox', { name: 'Session' }).locator('option', { hasText: '2 février 2027' });
      await option.waitFor({ state: 'attached' });
      const value = (await option.getAttribute('value')) as string;
      const t0 = performance.now();
      await page.getByRole('combobox', { name: 'Session' }).selectOption(value);
      await page.getByText(new RegExp(`^${REGISTRATIONS} inscription\\(s\\) · page 1 sur`)).waitFor();
      firstPage.push(performance.now() - t0);
      for (let n = 2; n <= 4; n += 1) {
        const t1 = performance.now();
        await page.getByRole('link', { name: 'Page suivante' }).click();
        await page.getByText(new RegExp(`inscription\\(s\\) · page ${n} sur`)).waitFor();
        nextPage.push(performance.now() - t1);
      }
    }
    // the floor: the same pages of registrations asked of the API directly, in the same run
    const apiPage: number[] = [];
    for (let i = 0; i < ROUNDS * 4; i += 1) {
      const t0 = performance.now();
      const { data } = await client.GET('/api/v1/registrations/search', {
        params: { query: { sessionId: session.body.id, limit: 20, offset: 20 * (i % 4) } },
      });
      if (data?.total !== REGISTRATIONS) throw new Error(`search: ${JSON.stringify(data)}`);
      apiPage.push(performance.now() - t0);
    }
    const byPage = Object.fromEntries(
      Object.entries(pages).map(([label, times]) => [label, { p95Ms: ms(p95(times)), maxMs: ms(Math.max(...times)) }]),
    );
    const slowest = Math.max(...Object.values(byPage).map((p) => p.p95Ms));
    const registrationsP95 = Math.max(p95(firstPage), p95(nextPage));
    const figures = {
      pages: byPage,
      registrations: {
        total: REGISTRATIONS,
        firstPageP95Ms: ms(p95(firstPage)),
        nextPageP95Ms: ms(p95(nextPage)),
        apiPageP95Ms: ms(p95(apiPage)),
        importSeconds: imported.job.finishedAt
          ? (Date.parse(imported.job.finishedAt) - Date.parse(imported.job.createdAt)) / 1000
          : null,
      },
    };
    console.log(JSON.stringify(figures, null, 2));
    writeFigures({
      bench: 'pages',
      parameters: { registrations: REGISTRATIONS, rounds: ROUNDS },
      ratios: {
        slowestPageOverBudget: {
          value: Math.round((slowest / BUDGET_MS) * 1000) / 1000,
          lowerIsBetter: true,
          meaning: 'the slowest page’s p95 from the click to usable / the 1,000 ms budget: at most 1',
        },
        registrationsPageOverBudget: {
          value: Math.round((registrationsP95 / BUDGET_MS) * 1000) / 1000,
          lowerIsBetter: true,
          meaning: `a page of a session’s ${REGISTRATIONS} registrations, p95 (first or next) / the 1,000 ms budget`,
        },
        registrationsPageOverApi: {
          value: Math.round((registrationsP95 / p95(apiPage)) * 100) / 100,
          lowerIsBetter: true,
          meaning: 'a page of registrations in the browser, p95 / the same page asked of the API directly, p95',
        },
      },
      figures,
    });
    if (slowest > BUDGET_MS || registrationsP95 > BUDGET_MS) process.exitCode = 1;
  } finally {
    await browser.close();
    await stopPlatform(apps);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
