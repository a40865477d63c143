// The admin app (issue 26, first screens) in Debian's Chromium driven by Playwright, served by the gateway of a
// platform of its own: the development sign-in, the offer with its search, the bilan, what a role may not do not
// offered (and still refused by the API), axe's audit at desktop and phone widths, and screenshots to look at.
import './e2e-environment';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { audit, frenchChromium, SHOTS, WIDTHS } from './admin-browser';
import { applied, PLATFORM_SERVICES, queryService, RunningApp, startPlatform, stopPlatform } from './app-process';
import { run } from './e2e-environment';
import { Caller, gatewayClient, uai } from './gateway-client';
import { ROLES } from '@forma/auth';
import { eventuallyWhileProgressing } from '@forma/testing';
import { readFile } from 'node:fs/promises';
import matrix from '@forma/authorisation-matrix';
import { schoolYearOf } from '@forma/domain';

const ACADEMY = 'nantes';
const SCHOOL = uai('0449001');
/** The app's pages and the route each needs (apps/admin/src/App.tsx): a role is offered a page its route allows. */
const PAGES: [string, string | string[]][] = [
  ['Émargement', 'GET /api/v1/attendance/my-sessions'],
  ['Mes formations', 'GET /api/v1/registrations/mine'],
  ['Offre', 'GET /api/v1/offer'],
  ['Nouveau module', 'POST /api/v1/modules'],
  ['Plan', 'GET /api/v1/training-plan/waves'],
  ['Sessions', 'GET /api/v1/modules/{moduleId}/sessions'],
  ['Demandes', 'GET /api/v1/requests'],
  ['Inscriptions', 'GET /api/v1/registrations/search'],
  ['Imports', 'POST /api/v1/enrolment-imports'],
  ['Bilans', 'GET /api/v1/reports/bilan'],
  ['Personnes', 'GET /api/v1/people'],
  [
    'Référentiel',
    [
      'PUT /api/v1/reference/departments/{code}',
      'PUT /api/v1/reference/districts/{code}',
      'PUT /api/v1/reference/schools/{uai}',
      'PUT /api/v1/reference/canope-dts/{code}',
      'PUT /api/v1/attendance/facilitators/{mail}',
    ],
  ],
  ['Flux décisionnel', 'GET /api/v1/bi/v1/facts/{fact}'],
  ['Conventions', 'GET /api/v1/conventions'],
];
/** A Mailexport file as the ENT exports it: three people, and two lines a real file has (no mail, no name). */
const MAILEXPORT = [
  'Nom;Mail;Fonction;Grade',
  'FICTIVE Anne;anne.fictive.ecran@ac-exemple.fr;ENS;P ECOLE CN',
  'EXEMPLE Bruno;bruno.exemple.ecran@ac-exemple.fr;ENS;P ECOLE CN',
  'SANSMAIL Paul;pas-un-mail;ENS;P ECOLE CN',
  'ESSAI Chloé;chloe.essai.ecran@ac-exemple.fr;ENS;P ECOLE CN',
  ';nom.absent.ecran@ac-exemple.fr;ENS;P ECOLE CN',
].join('\r\n');

describe('the admin app in a browser, against the real platform', () => {
  const apps: RunningApp[] = [];
  let gateway = '';
  let browser: Browser;
  const { api, putVersioned } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
  const title = `Module fictif de l’écran ${run}`;
  let moduleId = '';

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
        maxParticipantsPerSession: 15,
        origin: 'canope',
      },
      admin,
    );
    expect(created.status).toBe(201);
    moduleId = created.body.id;
    // a school of the académie and a session of the module there, for the imports
    expect(
      (await api('put', `/reference/schools/${SCHOOL}`, { name: 'École fictive du Port', city: 'Nantes' }, admin))
        .status,
    ).toBe(200);
    const session = await api(
      'post',
      `/modules/${created.body.id}/sessions`,
      {
        slots: [{ date: '2027-01-12', start: '09:00', end: '12:00', kind: 'face-to-face' }],
        placeUai: SCHOOL,
        capacity: 15,
        trainers: [{ name: 'Alix Formatrice', role: 'trainer' }],
      },
      admin,
    );
    expect([session.status, session.body.code]).toEqual([201, undefined]);
    await replicated(session.body.id);
    browser = await frenchChromium();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await stopPlatform(apps);
  }, 120000);

  /** Enrolment knows the session once catalog's event is applied. */
  const replicated = (sessionId: string) =>
    eventuallyWhileProgressing(
      async () =>
        (
          await queryService<{ n: string }>(
            'enrolment',
            'SELECT count(*) AS n FROM session_replica WHERE session_id = $1',
            [sessionId],
          )
        )[0].n === '1',
      applied('enrolment'),
      'the session known to enrolment',
    );

  /** A session of the module at the school, one morning, known to enrolment when returned. */
  const moduleSession = async (date: string, capacity: number) => {
    const session = await api(
      'post',
      `/modules/${moduleId}/sessions`,
      {
        slots: [{ date, start: '09:00', end: '12:00', kind: 'face-to-face' }],
        placeUai: SCHOOL,
        capacity,
        trainers: [{ name: 'Alix Formatrice', role: 'trainer' }],
      },
      admin,
    );
    expect(session.status).toBe(201);
    await replicated(session.body.id);
    return session;
  };

  async function signIn(page: Page, role: string, scope?: { level: string; code: string }): Promise<void> {
    // a loaded CI machine (six apps, the broker, PostgreSQL and Chromium on two cores) renders slowly: Playwright's
    // waits follow the page, with room
    page.setDefaultTimeout(120000);
    await page.goto(gateway);
    await page.getByRole('heading', { name: 'Se connecter (développement)' }).waitFor();
    await page.getByLabel('Rôle').selectOption(role);
    await page.getByLabel('Académie (code)').fill(ACADEMY);
    if (scope) {
      await page.getByLabel('Niveau du périmètre').selectOption(scope.level);
      await page.getByLabel('Code du périmètre').fill(scope.code);
    }
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  /** A page of its own (a French browser at desktop width; axe let past the policy), signed in as `role`. */
  async function openAs(role: string, scope?: { level: string; code: string }): Promise<Page> {
    const context = await browser.newContext({
      viewport: WIDTHS.desktop,
      locale: 'fr-FR',
      bypassCSP: true,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, role, scope);
    return page;
  }

  it('signs a DAFPEN in, shows the offer and finds a module by its words', async () => {
    // axe is injected into the page: the test lets it past the app's content security policy (tested below)
    const page = await (
      await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR', bypassCSP: true, acceptDownloads: true })
    ).newPage();
    page.setDefaultTimeout(120000);
    await page.goto(gateway);
    await page.getByRole('heading', { name: 'Se connecter (développement)' }).waitFor();
    await audit(page, 'admin-sign-in');
    await page.setViewportSize(WIDTHS.desktop);
    await signIn(page, 'dafpen-admin');
    await page.getByRole('heading', { name: 'Offre de formation' }).waitFor();
    await page.getByRole('cell', { name: title, exact: true }).waitFor();
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
    // as it stood on a day, then its CSV through the export job, downloaded and read back
    await page.getByLabel(/^Situation au/).fill('2026-11-30');
    await page.getByText('Situation au lundi 30 novembre 2026').waitFor();
    await audit(page, 'admin-bilan');
    await page.setViewportSize(WIDTHS.desktop);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bilan-academie-${ACADEMY}-au-2026-11-30.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toMatch(/Participants/);
    await page.getByText(`Fichier téléchargé : bilan-academie-${ACADEMY}-au-2026-11-30.csv`).waitFor();
    await page.context().close();
  }, 300000);

  it('reads the bilans a role may: every level for the DAFPEN with the plan set against the realised, an IEN its district', async () => {
    // a department, a district and a school in it, and a wave of the training plan naming the module: the reference
    // and the plan as reporting learns them from catalog's events
    const district = '085-ecran';
    const beach = uai('0859001');
    const wave = `V-${run}`.slice(0, 40);
    for (const [path, body] of [
      ['/reference/departments/085', { name: 'Vendée (fictive)', academy: ACADEMY }],
      [`/reference/districts/${district}`, { name: 'La Plage (fictive)', department: '085' }],
      [`/reference/schools/${beach}`, { name: 'École fictive de la Plage', department: '085', district }],
    ] as const)
      expect((await api('put', path, body, admin)).status).toBe(200);
    const planned = await api(
      'post',
      '/training-plan/waves',
      {
        schoolYear: '2026-2027',
        code: wave,
        label: 'Vague fictive de l’écran',
        startsOn: '2026-09-14',
        endsOn: '2027-06-30',
        trainTheTrainers: false,
        lines: [{ moduleId, profile: 'teacher', headcount: 12, sessions: 2, trainers: 1, hours: '6' }],
      },
      admin,
    );
    expect(planned.status).toBe(201);
    await eventuallyWhileProgressing(
      async () =>
        (
          await queryService<{ n: string }>(
            'reporting',
            `SELECT (SELECT count(*) FROM school_replica WHERE uai = $1 AND district = $2)
                  + (SELECT count(*) FROM plan_wave WHERE code = $3 AND academy = $4) AS n`,
            [beach, district, wave, ACADEMY],
          )
        )[0].n === '2',
      applied('reporting'),
      'the school and the wave known to reporting',
    );
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Bilans' }).click();
    await page.getByRole('heading', { name: /^Bilan — / }).waitFor();
    // the DAFPEN is offered every level; the académie's bilan sets the plan against the realised, by school year
    const levels = page.getByLabel('Niveau');
    expect(await levels.locator('option').allTextContents()).toEqual([
      'Académie',
      'Département',
      'Circonscription',
      'Établissement',
      'Direction territoriale Canopé',
      'Formation (module)',
      'Dispositif',
    ]);
    await page.getByLabel('Année scolaire').selectOption('2026-2027');
    await page.getByRole('heading', { name: 'Plan de formation : prévu et réalisé' }).waitFor();
    const line = page
      .getByRole('row')
      .filter({ hasText: `${wave} · ${title}` })
      .filter({ hasText: 'Enseignants' });
    await line.waitFor();
    expect(await line.getByRole('cell').nth(2).textContent()).toBe('12');
    await page
      .getByText(`${wave} · Vague fictive de l’écran : du lundi 14 septembre 2026 au mercredi 30 juin 2027`)
      .waitFor();
    await audit(page, 'admin-bilan-plan');
    await page.setViewportSize(WIDTHS.desktop);
    // a department of the académie, chosen in the reference
    await levels.selectOption('department');
    await page.getByLabel('Département', { exact: true }).selectOption('085');
    await page.getByRole('heading', { name: /^Bilan — Département / }).waitFor();
    await page.context().close();

    // an IEN: their district and its schools only, their district given; a school elsewhere refused by the API
    const ien = await openAs('ien', { level: 'district', code: district });
    await ien.getByRole('link', { name: 'Bilans' }).click();
    await ien.getByRole('heading', { name: /^Bilan — Circonscription / }).waitFor();
    expect(await ien.getByLabel('Niveau').locator('option').allTextContents()).toEqual([
      'Circonscription',
      'Établissement',
    ]);
    await ien.getByText(`Circonscription : ${district}`).waitFor();
    await audit(ien, 'admin-bilan-ien');
    await ien.setViewportSize(WIDTHS.desktop);
    await ien.getByLabel('Niveau').selectOption('school');
    await ien.getByLabel('UAI de l’établissement').fill(SCHOOL.toLowerCase());
    await ien.getByLabel('UAI de l’établissement').press('Enter');
    await ien.getByText('Bilan indisponible').waitFor();
    await ien.getByLabel('UAI de l’établissement').fill(beach);
    await ien.getByLabel('UAI de l’établissement').press('Enter');
    await ien.getByRole('heading', { name: 'Bilan — École fictive de la Plage' }).waitFor();
    await ien.context().close();
  }, 300000);

  it('plans a wave of the training plan: refusals next to their field and line, then the wave with the realised beside', async () => {
    // the school year of today, as the screen offers it first
    const year = schoolYearOf(new Date().toISOString().slice(0, 10));
    const start = Number(year.slice(0, 4));
    const code = `P-${run}`.slice(0, 40);
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('heading', { name: 'Plan de formation' }).waitFor();
    await page.getByRole('button', { name: 'Planifier une vague' }).click();
    const form = page.getByRole('form', { name: 'Planifier une vague' });
    await form.getByLabel('Code de la vague').fill(code);
    await form.getByLabel('Intitulé').fill('Vague saisie à l’écran');
    // an end before the start, and the same line twice
    await form.getByLabel('Du', { exact: true }).fill(`${start + 1}-09-30`);
    await form.getByLabel('Au', { exact: true }).fill(`${start + 1}-06-30`);
    const line = (n: number) => form.getByRole('group', { name: `Ligne ${n}` });
    for (const n of [1, 2]) {
      if (n === 2) await form.getByRole('button', { name: 'Ajouter une ligne' }).click();
      await line(n).getByLabel('Module').selectOption({ label: title });
      await line(n).getByLabel('Personnes à former').fill('20');
      await line(n).getByLabel('Sessions').fill('2');
      await line(n).getByLabel('Formateurs').fill('1');
      await line(n).getByLabel('Heures').fill('6');
    }
    await form.getByRole('button', { name: 'Planifier la vague' }).click();
    await form
      .locator('.fr-input-group--error')
      .filter({ has: page.getByLabel('Au', { exact: true }) })
      .getByText('La vague se termine')
      .waitFor();
    await line(2).locator('.fr-error-text').getByText('ce module figure déjà dans la vague').waitFor();
    expect(await line(1).locator('.fr-error-text').count()).toBe(0);
    expect(await form.getByLabel('Code de la vague').inputValue()).toBe(code);
    await audit(page, 'admin-plan-refused');
    await page.setViewportSize(WIDTHS.desktop);
    await form.getByLabel('Du', { exact: true }).fill(`${start}-09-14`);
    await form.getByRole('button', { name: 'Retirer la ligne 2' }).click();
    await form.getByRole('button', { name: 'Planifier la vague' }).click();
    await form.getByText(`Vague planifiée : ${code} · Vague saisie à l’écran.`).waitFor();
    // the wave listed, its forecast beside what was realised (nothing yet)
    const table = page.getByRole('region', { name: `Vague ${code} : prévu et réalisé` });
    const row = table.getByRole('row').filter({ hasText: title });
    // the realised comes once reporting has applied the wave's event: the screen asks again until then
    await row.getByRole('cell').nth(3).getByText('0', { exact: true }).waitFor();
    expect((await row.getByRole('cell').allTextContents()).slice(1, 4)).toEqual(['Enseignants', '20', '0']);
    await audit(page, 'admin-plan');
    await page.setViewportSize(WIDTHS.desktop);
    // revised: thirty people instead of twenty, sent with the revision read
    await page.getByRole('button', { name: `Réviser la vague ${code}` }).click();
    const revision = page.getByRole('form', { name: `Réviser la vague ${code}` });
    expect(await revision.getByLabel('Code de la vague').inputValue()).toBe(code);
    await revision.getByRole('group', { name: 'Ligne 1' }).getByLabel('Personnes à former').fill('30');
    await revision.getByRole('button', { name: 'Enregistrer la révision' }).click();
    await page.getByText(`Vague ${code} révisée.`).waitFor();
    await row.getByRole('cell').nth(2).getByText('30', { exact: true }).waitFor();
    await page.context().close();

    // an IEN reads the plan, is offered no form, and does not read the académie's realised
    const ien = await openAs('ien');
    await ien.getByRole('link', { name: 'Plan', exact: true }).click();
    await ien
      .getByRole('region', { name: `Vague ${code} : prévu` })
      .getByRole('row')
      .filter({ hasText: title })
      .waitFor();
    expect(await ien.getByRole('button', { name: 'Planifier une vague' }).count()).toBe(0);
    expect(await ien.getByRole('columnheader', { name: 'Participants' }).count()).toBe(0);
    await ien.context().close();
  }, 300000);

  it('keeps the reference data: departments, districts, schools and DTs, each form offered only to its writers', async () => {
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Référentiel' }).click();
    await page.getByRole('heading', { name: 'Référentiel', level: 1 }).waitFor();
    // a department added, then renamed from its row
    const departments = page.getByRole('tabpanel', { name: 'Départements' });
    const adding = departments.getByRole('form', { name: 'Ajouter' });
    await adding.getByLabel('Code du département').fill('049');
    await adding.getByLabel('Nom').fill('Maine-et-Loire (fictif)');
    await adding.getByRole('button', { name: 'Enregistrer' }).click();
    await departments.getByRole('row').filter({ hasText: 'Maine-et-Loire (fictif)' }).waitFor();
    await departments.getByRole('button', { name: 'Modifier 049' }).click();
    const editing = departments.getByRole('form', { name: 'Modifier 049' });
    await editing.getByLabel('Nom').fill('Maine-et-Loire (fictif, renommé)');
    await editing.getByRole('button', { name: 'Enregistrer' }).click();
    await departments.getByRole('row').filter({ hasText: 'Maine-et-Loire (fictif, renommé)' }).waitFor();
    // a district in a department that does not exist: the API's refusal next to the field
    await page.getByRole('tab', { name: 'Circonscriptions' }).click();
    const districts = page.getByRole('tabpanel', { name: 'Circonscriptions' });
    await districts.getByLabel('Code de la circonscription').fill('049-ecran');
    await districts.getByLabel('Nom', { exact: true }).fill('Angers (fictive)');
    await districts.getByLabel('Département (code)').fill('999');
    await districts.getByRole('button', { name: 'Enregistrer' }).click();
    await districts.locator('.fr-input-group--error').getByText('999 inconnu(e)').waitFor();
    await districts.getByLabel('Département (code)').fill('049');
    await districts.getByRole('button', { name: 'Enregistrer' }).click();
    await districts.getByRole('row').filter({ hasText: 'Angers (fictive)' }).waitFor();
    // a school whose UAI's control letter is wrong, then its right UAI
    await page.getByRole('tab', { name: 'Établissements' }).click();
    const schools = page.getByRole('tabpanel', { name: 'Établissements' });
    const right = uai('0499001');
    const wrong = `${right.slice(0, 7)}${right[7] === 'A' ? 'B' : 'A'}`;
    await schools.getByLabel(/^UAI/).fill(wrong);
    await schools.getByLabel('Nom', { exact: true }).fill('Collège fictif du Château');
    await schools.getByLabel('Circonscription (code, facultatif)').fill('049-ecran');
    await schools.getByRole('button', { name: 'Enregistrer' }).click();
    await schools
      .locator('.fr-input-group--error')
      .filter({ has: page.getByLabel(/^UAI/) })
      .waitFor();
    await audit(page, 'admin-reference-refused');
    await page.setViewportSize(WIDTHS.desktop);
    await schools.getByLabel(/^UAI/).fill(right);
    await schools.getByRole('button', { name: 'Enregistrer' }).click();
    await schools.getByText(`${right} enregistré.`).waitFor();
    await schools.getByRole('searchbox', { name: 'Rechercher un établissement par son nom' }).fill('Château');
    await schools.getByRole('searchbox', { name: 'Rechercher un établissement par son nom' }).press('Enter');
    const row = schools.getByRole('row').filter({ hasText: right });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('049-ecran');
    await page.context().close();

    // an IEN writes their district only: no form for the departments
    const ien = await openAs('ien');
    await ien.getByRole('link', { name: 'Référentiel' }).click();
    await ien
      .getByRole('tabpanel', { name: 'Départements' })
      .getByRole('row')
      .filter({ hasText: 'Maine-et-Loire (fictif, renommé)' })
      .waitFor();
    expect(await ien.getByRole('form', { name: 'Ajouter' }).count()).toBe(0);
    await ien.getByRole('tab', { name: 'Circonscriptions' }).click();
    await ien.getByRole('tabpanel', { name: 'Circonscriptions' }).getByRole('form', { name: 'Ajouter' }).waitFor();
    await audit(ien, 'admin-reference-ien');
    await ien.context().close();
  }, 300000);

  it('shows a BI reader the feed’s addresses, reads a page and the cursor to send next, until up to date', async () => {
    const page = await openAs('bi-reader');
    await page.getByRole('link', { name: 'Flux décisionnel' }).click();
    await page.getByRole('heading', { name: 'Flux décisionnel' }).waitFor();
    await page.getByText(`${gateway}/api/v1/bi/v1/facts/sessions?format=json`, { exact: true }).waitFor();
    // the session made for this suite's module is in the feed: read from the beginning, page after page
    let cursors = 0;
    for (;;) {
      await page.getByRole('button', { name: 'Lire', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: 'changement(s) lu(s)' });
      await status.waitFor();
      const next = await page.getByLabel('Curseur suivant (à renvoyer)').inputValue();
      expect(next).not.toBe('');
      cursors += 1;
      if ((await status.textContent())?.includes('vous êtes à jour')) break;
      expect(cursors).toBeLessThan(50);
      await page.getByRole('button', { name: 'Reprendre depuis ce curseur' }).click();
      expect(await page.getByLabel('Curseur', { exact: true }).inputValue()).toBe(next);
    }
    await audit(page, 'admin-bi-feed');
    // the cursor shown is the API's: sent again, nothing new
    const cursor = await page.getByLabel('Curseur suivant (à renvoyer)').inputValue();
    const again = await api('get', `/bi/v1/facts/sessions?cursor=${encodeURIComponent(cursor)}`, undefined, {
      role: 'bi-reader',
      academy: ACADEMY,
    });
    expect([again.status, again.body.items.length, again.body.nextCursor]).toEqual([200, 0, cursor]);
    await page.context().close();
  }, 300000);

  it('creates a module: the API’s refusal shown next to its field, the form kept, then the module in the offer', async () => {
    const page = await openAs('dafpen-admin');
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
    await page.getByRole('cell', { name: created, exact: true }).waitFor();
    await page.context().close();
  }, 300000);

  it('creates a module with every field, finds it by GAIA number, revises it (a concurrent write shown, the form kept) and sets its prerequisites', async () => {
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Nouveau module' }).click();
    const full = `Parcours complet à l’écran ${run}`;
    const dispositif = `26A${String(run).replace(/\D/g, '').slice(-7).padStart(7, '0')}`;
    await page.getByLabel('Titre', { exact: true }).fill(full);
    await page.getByLabel('Nature', { exact: true }).selectOption('magistere-parcours');
    await page.getByLabel('Modalité', { exact: true }).selectOption('hybrid');
    await page.getByLabel('Heures à distance (en autonomie)').fill('1,5');
    await page.getByLabel('Thèmes abordés (facultatif)').fill('cahier de textes\nmessagerie');
    await page.getByLabel('Type de formateur').selectOption('referent-canope');
    await page.getByLabel('Responsable pédagogique (facultatif)').fill('IEN fictive de la circonscription Nord');
    await page.getByLabel('Dispositif (PAF)').fill(dispositif);
    await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
    await page.getByLabel('Ressource 1 : titre').fill('Guide du formateur');
    await page.getByLabel('Ressource 1 : adresse').fill('https://ressources.example.org/guide.pdf');
    await page.getByRole('button', { name: 'Créer le module' }).click();
    // half a GAIA pair: the API's refusal under « Numéro de module », everything typed kept
    const refused = page.locator('.fr-input-group--error');
    await refused.first().waitFor();
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toContain('Numéro de module');
    expect(await page.getByLabel('Ressource 1 : adresse').inputValue()).toBe(
      'https://ressources.example.org/guide.pdf',
    );
    await page.getByLabel('Numéro de module').fill('91807');
    await page.getByRole('button', { name: 'Créer le module' }).click();
    await page.getByText(`« ${full} » est dans l’offre.`).waitFor();

    // found by its GAIA number, with its kind; opened for a revision with every field read back
    await page.getByLabel('N° GAIA (dispositif ou module)').fill(dispositif.toLowerCase());
    await page.getByText('1 module(s)').waitFor();
    await page.getByRole('cell', { name: `${dispositif} / 91807` }).waitFor();
    await page.getByRole('cell', { name: 'Parcours M@gistère' }).waitFor();
    await page.getByRole('button', { name: `Modifier ${full}` }).click();
    await page.getByRole('heading', { name: `Modifier « ${full} »` }).waitFor();
    expect(await page.getByLabel('Thèmes abordés (facultatif)').inputValue()).toBe('cahier de textes\nmessagerie');
    expect(await page.getByLabel('Heures à distance (en autonomie)').inputValue()).toBe('1,5');
    expect(await page.getByLabel('Type de formateur').inputValue()).toBe('referent-canope');
    expect(await page.getByLabel('Ressource 1 : titre').inputValue()).toBe('Guide du formateur');
    const revised = `${full} (révisé)`;
    await page.getByLabel('Titre', { exact: true }).fill(revised);

    // someone else revises it meanwhile: the app says so, keeps what was typed, and offers the saved version
    const [found] = (await api('get', `/offer?gaia=${dispositif}`, undefined, admin)).body.items as { id: string }[];
    const { body: read } = await api('get', `/modules/${found.id}`, undefined, admin);
    const editable = [
      'kind',
      'category',
      'modality',
      'targetProfiles',
      'durations',
      'themes',
      'origin',
      'resources',
      'trainerType',
      'pedagogicalOwner',
      'gaia',
    ];
    const other = await putVersioned(
      `/modules/${found.id}`,
      `/modules/${found.id}`,
      {
        ...Object.fromEntries(editable.map((k) => [k, read[k]])),
        title: `${full} (autre bureau)`,
      },
      admin,
    );
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Enregistrer la révision' }).click();
    await page.getByText('Module non modifié').waitFor();
    expect(await page.getByLabel('Titre', { exact: true }).inputValue()).toBe(revised);
    await audit(page, 'admin-module-revision-conflict');
    await page.setViewportSize(WIDTHS.desktop);
    await page.getByRole('button', { name: /Charger la version enregistrée/ }).click();
    // the saved version fills the form (its title in the field, not only in the heading)
    await page.waitForFunction(
      `document.querySelector('input[name="title"]')?.value === ${JSON.stringify(`${full} (autre bureau)`)}`,
    );
    await page.getByLabel('Titre', { exact: true }).fill(revised);
    await page.getByRole('button', { name: 'Enregistrer la révision' }).click();
    await page.getByText(`« ${revised} » est enregistré.`).waitFor();
    const stored = await api('get', `/modules/${found.id}`, undefined, admin);
    expect(stored.body).toMatchObject({
      title: revised,
      kind: 'magistere-parcours',
      themes: ['cahier de textes', 'messagerie'],
      pedagogicalOwner: 'IEN fictive de la circonscription Nord',
      gaia: { dispositif, moduleNumber: 91807 },
      resources: [{ title: 'Guide du formateur', url: 'https://ressources.example.org/guide.pdf' }],
    });

    // its prerequisite: the suite's module, chosen by title, saved with the version read
    await page.getByRole('button', { name: `Modifier ${revised}` }).click();
    await page.getByRole('heading', { name: 'Prérequis' }).waitFor();
    await page.getByLabel('Ajouter un prérequis').selectOption({ label: title });
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('button', { name: 'Enregistrer les prérequis' }).click();
    await page.getByText('Prérequis enregistrés.').waitFor();
    await audit(page, 'admin-module-revision');
    expect((await api('get', `/modules/${found.id}`, undefined, admin)).body.prerequisiteModuleIds).toEqual([moduleId]);
    await page.context().close();
  }, 300000);

  it('saves a draft, finds it among the académie’s drafts, and publishes it into the offer', async () => {
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Nouveau module' }).click();
    const draft = `Brouillon saisi à l’écran ${run}`;
    await page.getByLabel('Titre', { exact: true }).fill(draft);
    await page.getByText('Brouillon', { exact: true }).click();
    await page.getByRole('button', { name: 'Créer le module' }).click();
    await page.getByText(`« ${draft} » est enregistré en brouillon`).waitFor();
    // not in the published offer; among the drafts, with « Publier »
    await page.getByRole('searchbox', { name: 'Rechercher un module' }).fill(draft);
    await page.getByRole('searchbox', { name: 'Rechercher un module' }).press('Enter');
    await page.getByText('0 module(s)').waitFor();
    await page.getByText('Brouillons de l’académie', { exact: true }).click();
    await page
      .getByRole('table', { name: 'Brouillons de l’académie' })
      .getByRole('cell', { name: draft, exact: true })
      .waitFor();
    await audit(page, 'admin-offer-drafts');
    await page.setViewportSize(WIDTHS.desktop);
    await page.getByRole('button', { name: `Publier ${draft}` }).click();
    await page.getByText(`« ${draft} » est publié dans l’offre.`).waitFor();
    await page.getByText('0 module(s)').waitFor();
    await page.getByText('Publiés dans l’offre', { exact: true }).click();
    await page
      .getByRole('table', { name: 'Modules de l’offre' })
      .getByRole('cell', { name: draft, exact: true })
      .waitFor();
    await page.context().close();
  }, 300000);

  it('keeps the form through a refusal of the role, an expired session (signed in again) and a network failure', async () => {
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Nouveau module' }).click();
    const typed = `Module gardé à l’écran ${run}`;
    await page.getByLabel('Titre', { exact: true }).fill(typed);
    const create = () => page.getByRole('button', { name: 'Créer le module' }).click();
    const problem = (status: number, code: string, detail: string) => ({
      status,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: code, status, code, detail }),
    });
    // the gateway's answers, as they come when a role is withdrawn or a token expires (the test stands in for time)
    await page.route('**/api/v1/modules', (route) =>
      route.fulfill(problem(403, 'forbidden_role', 'Accès refusé : cette action demande l’un des rôles dafpen-admin.')),
    );
    await create();
    await page.getByText('Votre rôle ne permet pas cette action. Accès refusé').waitFor();
    await page.unroute('**/api/v1/modules');
    await page.route('**/api/v1/modules', (route) => route.fulfill(problem(401, 'unauthenticated', 'jeton expiré')));
    await create();
    await page.getByText('Session expirée').waitFor();
    await page.getByRole('heading', { name: 'Se reconnecter (développement)' }).waitFor();
    expect(await page.getByLabel('Titre', { exact: true }).inputValue()).toBe(typed);
    await page.unroute('**/api/v1/modules');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Session expirée').waitFor({ state: 'detached' });
    // the network drops: the form stays, the app offers to try again
    await page.route('**/api/v1/modules', (route) => route.abort('internetdisconnected'));
    await create();
    await page.getByText('Le service ne répond pas : votre saisie est gardée, réessayez.').waitFor();
    expect(await page.getByLabel('Titre', { exact: true }).inputValue()).toBe(typed);
    await page.unroute('**/api/v1/modules');
    await create();
    await page.getByText(`« ${typed} » est dans l’offre.`).waitFor();
    await page.context().close();
  }, 300000);

  it('offers a trainer their émargement and the offer but not the bilans, which the API refuses them too', async () => {
    const page = await openAs('trainer');
    // a trainer lands on their émargement (issue 27), and finds the offer in the navigation
    await page.getByRole('heading', { name: 'Émargement' }).waitFor();
    await page.getByRole('link', { name: 'Offre' }).click();
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

  it('imports a Mailexport file: its progress, its rejected lines listed and downloaded, then again: nothing changes', async () => {
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { name: 'Importer des participants' }).waitFor();
    await page.getByRole('combobox', { name: 'Module' }).selectOption({ label: title });
    // the session as the screen names it: its group, its first day in French, its place
    const session = page.getByRole('combobox', { name: 'Session' });
    await session.locator('option', { hasText: 'Groupe 01' }).waitFor({ state: 'attached' });
    expect(await session.locator('option', { hasText: 'Groupe 01' }).textContent()).toBe(
      `Groupe 01 — mardi 12 janvier 2027, ${SCHOOL}`,
    );
    await session.selectOption({ index: 1 });
    const file = { name: 'mailexport-ecran.csv', mimeType: 'text/csv', buffer: Buffer.from(MAILEXPORT, 'utf8') };
    await page.getByLabel('Le fichier, tel qu’exporté').setInputFiles(file);
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Import terminé').waitFor();
    expect(await page.getByText(/3 ligne\(s\) acceptée\(s\), 2 refusée\(s\)/).count()).toBe(1);
    await page.getByRole('table', { name: 'Lignes refusées (2)' }).waitFor();
    // the rejected lines by their number in the file (the header is line 1)
    const rows = await page.getByRole('table', { name: 'Lignes refusées (2)' }).locator('tbody tr').allTextContents();
    expect(rows.map((r) => r.match(/^\d+/)?.[0])).toEqual(['4', '6']);
    await audit(page, 'admin-import');
    await page.setViewportSize(WIDTHS.desktop);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger les lignes refusées (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('pas-un-mail');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3); // its header and the two lines
    // the same file again: every line is already there
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Rien n’a changé').waitFor();
    expect(
      await page.getByText('Ce fichier avait déjà été importé : ses 3 ligne(s) acceptée(s) étaient déjà là.').count(),
    ).toBe(1);
    await page.context().close();
  }, 300000);

  it('plans sessions: the planner’s refusal next to its field, its proposal accepted in one action, listed', async () => {
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Module' }).selectOption({ label: title });
    await page.getByText('1 session(s)').waitFor();
    const table = page.getByRole('table', { name: 'Sessions du module' });
    expect(await table.locator('tbody tr').first().textContent()).toContain('mardi 12 janvier 2027');
    // a period that ends before it starts: refused by the planner, next to « Au »
    await page.getByLabel('Participants', { exact: true }).fill('20');
    await page.getByLabel('Du', { exact: true }).fill('2027-03-19');
    await page.getByLabel('Au', { exact: true }).fill('2027-03-08');
    await page.getByLabel('Formateur ou formatrice', { exact: true }).fill('Alix Formatrice');
    await page.getByLabel(/^Lieu \(UAI\)/).fill(SCHOOL);
    await page.getByLabel('Nom du lieu', { exact: true }).fill('École fictive du Port');
    await page.getByRole('button', { name: 'Proposer un plan' }).click();
    await page.locator('.fr-input-group--error').first().waitFor();
    expect(await page.locator('.fr-input-group--error').allTextContents()).toEqual([expect.stringMatching(/^Au/)]);
    await audit(page, 'admin-sessions-refused');
    await page.setViewportSize(WIDTHS.desktop);
    await page.getByLabel('Du', { exact: true }).fill('2027-03-08');
    await page.getByLabel('Au', { exact: true }).fill('2027-03-19');
    await page.getByRole('button', { name: 'Proposer un plan' }).click();
    const proposed = page.getByRole('table', { name: /^Plan proposé/ });
    await proposed.waitFor();
    const count = await proposed.locator('tbody tr').count();
    expect(count).toBeGreaterThan(0);
    await audit(page, 'admin-sessions-plan');
    await page.setViewportSize(WIDTHS.desktop);
    await page.getByRole('button', { name: /^Accepter le plan/ }).click();
    await page.getByText(`${count} session(s) planifiée(s).`).waitFor();
    await page.getByText(`${count + 1} session(s)`, { exact: true }).waitFor();
    // the API holds them: the module's sessions, through the gateway
    const listed = await api('get', `/modules/${moduleId}/sessions`, undefined, admin);
    expect(listed.body).toHaveLength(count + 1);
    await page.context().close();
  }, 300000);

  it('schedules a session by hand (a day off refused under its date), moves it, and cancels it with its reason', async () => {
    const own = `Module des sessions à l’écran ${run}`;
    const created = await api(
      'post',
      '/modules',
      {
        title: own,
        kind: 'workshop',
        category: 'pedagogical-use-1',
        modality: 'face-to-face',
        targetProfiles: ['teacher'],
        durations: { faceToFaceHours: 6, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
      },
      admin,
    );
    expect(created.status).toBe(201);
    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('combobox', { name: 'Module' }).selectOption({ label: own });
    await page.getByText('0 session(s)').waitFor();
    await page.getByRole('button', { name: 'Nouvelle session' }).click();
    const form = page.getByRole('form', { name: 'Nouvelle session' });
    // Sunday 17 January 2027: a day off, refused under the first half-day's date; the second half-day is fine
    await form.getByLabel('Date').fill('2027-01-17');
    await form.getByRole('button', { name: 'Ajouter une demi-journée' }).click();
    await form.getByLabel('Date').nth(1).fill('2027-01-19');
    await form.getByLabel('Places').fill('12');
    await form.getByLabel('Lieu (UAI, facultatif)').fill(SCHOOL);
    await form.getByLabel('Nom du lieu').fill('École fictive du Port');
    await form.getByLabel('Nom', { exact: true }).fill('Alix Formatrice');
    await form.getByRole('button', { name: 'Créer la session' }).click();
    const refused = form.locator('.fr-input-group--error');
    await refused.first().waitFor();
    expect(await refused.allTextContents()).toEqual([expect.stringMatching(/^Date.*tombe pendant/)]);
    await audit(page, 'admin-session-refused');
    await page.setViewportSize(WIDTHS.desktop);
    await form.getByLabel('Date').first().fill('2027-01-18');
    await form.getByRole('button', { name: 'Créer la session' }).click();
    // saved, with the advice it does not follow (one trainer where two are advised)
    await page.getByText('Session créée.').waitFor();
    await page.getByText(/À vérifier : Deux formateurs ou tuteurs par session sont conseillés/).waitFor();
    await page.getByText('1 session(s)').waitFor();
    const [session] = (await api('get', `/modules/${created.body.id}/sessions`, undefined, admin)).body as {
      id: string;
      groupNumber: string;
      capacity: number;
      slots: { date: string }[];
    }[];
    expect([session.capacity, session.slots.map((s) => s.date)]).toEqual([12, ['2027-01-18', '2027-01-19']]);

    // moved a week later, with more seats
    await page.getByRole('button', { name: `Modifier la session ${session.groupNumber}` }).click();
    const moving = page.getByRole('form', { name: `Modifier la session ${session.groupNumber}` });
    expect(await moving.getByLabel('Date').first().inputValue()).toBe('2027-01-18');
    await moving.getByLabel('Date').first().fill('2027-01-25');
    await moving.getByLabel('Date').nth(1).fill('2027-01-26');
    await moving.getByLabel('Places').fill('20');
    await moving.getByRole('button', { name: 'Enregistrer la session' }).click();
    await page.getByText(`Session ${session.groupNumber} modifiée.`).waitFor();
    const moved = (await api('get', `/sessions/${session.id}`, undefined, admin)).body;
    expect([moved.capacity, moved.slots.map((s: { date: string }) => s.date)]).toEqual([
      20,
      ['2027-01-25', '2027-01-26'],
    ]);
    await page.getByRole('cell', { name: /lundi 25 janvier 2027/ }).waitFor();

    // cancelled: without a reason, refused under « Motif »; with one, listed as cancelled with it
    await page.getByRole('button', { name: `Annuler la session ${session.groupNumber}` }).click();
    const cancel = page.getByRole('form', { name: /^Annuler la session/ });
    await cancel.getByRole('button', { name: 'Annuler la session' }).click();
    await cancel.locator('.fr-input-group--error').waitFor();
    expect(await cancel.locator('.fr-input-group--error').textContent()).toContain('Motif de l’annulation');
    await cancel.getByLabel('Motif de l’annulation').fill('Formatrice indisponible, session reportée.');
    await audit(page, 'admin-session-cancel');
    await page.setViewportSize(WIDTHS.desktop);
    await cancel.getByRole('button', { name: 'Annuler la session' }).click();
    await page.getByText(`Session ${session.groupNumber} annulée.`).waitFor();
    await page.getByRole('cell', { name: 'Annulée : Formatrice indisponible, session reportée.' }).waitFor();
    expect((await api('get', `/sessions/${session.id}`, undefined, admin)).body.status).toBe('cancelled');
    await audit(page, 'admin-sessions-managed');
    await page.context().close();
  }, 300000);

  it('lists a school’s registrations across sessions: its head their own school only, an organiser any by UAI', async () => {
    const school = uai('0449002');
    const other = uai('0449003');
    for (const [code, name] of [
      [school, 'École fictive des Quais'],
      [other, 'École fictive du Phare'],
    ])
      expect((await api('put', `/reference/schools/${code}`, { name, city: 'Nantes' }, admin)).status).toBe(200);
    const session = await moduleSession('2027-01-21', 10);
    const person = (i: number, at: string) => ({
      lastName: `QUAIS-${i}`,
      firstName: 'Camille',
      mail: `camille.quais${i}.${run}@ac-exemple.fr`,
      uai: at,
    });
    for (const [i, at] of [
      [1, school],
      [2, school],
      [3, school],
      [4, other],
    ] as const) {
      const registered = await api(
        'post',
        '/registrations',
        { sessionId: session.body.id, kind: 'designated', person: person(i, at) },
        admin,
      );
      expect(registered.status).toBe(201);
    }
    // the school's head: their school given, its three people with the module and the day; the other school's absent
    const page = await openAs('school-head', { level: 'school', code: school });
    await page.getByRole('link', { name: 'Inscriptions' }).click();
    await page.getByText('D’un établissement').click();
    expect(await page.getByLabel('Établissement (UAI)').inputValue()).toBe(school);
    const table = page.getByRole('table', { name: `Inscriptions des personnes de l’établissement ${school}` });
    await page.getByText('3 inscription(s) · page 1 sur 1').waitFor();
    expect(await table.locator('tbody tr').allTextContents()).toEqual(
      [1, 2, 3].map((i) => expect.stringContaining(`QUAIS-${i}`)),
    );
    expect(await table.locator('tbody tr').first().textContent()).toContain(title);
    expect(await table.locator('tbody tr').first().textContent()).toContain('jeudi 21 janvier 2027');
    await audit(page, 'admin-registrations-school');
    await page.context().close();
    // the API lists nothing of another school to that head (absent, as for GET /people?uai)
    const elsewhere = await api('get', `/registrations/by-school?uai=${other}`, undefined, {
      role: 'school-head',
      academy: ACADEMY,
      level: 'school',
      code: school,
    });
    expect([elsewhere.status, elsewhere.body.total]).toEqual([200, 0]);
    // the DAFPEN types the other school's UAI and finds its one person by name
    const office = await openAs('dafpen-admin');
    await office.getByRole('link', { name: 'Inscriptions' }).click();
    await office.getByText('D’un établissement').click();
    await office.getByLabel('Établissement (UAI)').fill(other.toLowerCase());
    await office.getByRole('button', { name: 'Afficher' }).click();
    await office.getByText('1 inscription(s) · page 1 sur 1').waitFor();
    await office.getByRole('cell', { name: 'QUAIS-4' }).waitFor();
    await office.context().close();
  }, 300000);

  it('pages a session’s 25 registrations on the server, seats in view; designates, accepts and cancels', async () => {
    // a session of two seats, and 25 people designated (2 confirmed, 23 waitlisted); one person asks for themself
    const session = await moduleSession('2027-01-14', 2);
    const someone = (i: number) => ({
      lastName: `ECRAN-${String(i).padStart(2, '0')}`,
      firstName: 'Dominique',
      mail: `dominique.ecran${i}.${run}@ac-exemple.fr`,
      uai: SCHOOL,
    });
    for (let i = 1; i <= 25; i += 1) {
      const registered = await api(
        'post',
        '/registrations',
        { sessionId: session.body.id, kind: 'designated', person: someone(i) },
        admin,
      );
      expect(registered.status).toBe(201);
    }
    const asker = someone(26);
    const asked = await api(
      'post',
      '/registrations',
      { sessionId: session.body.id, kind: 'individual', person: asker },
      {
        role: 'participant',
        academy: ACADEMY,
        mail: asker.mail,
      },
    );
    expect([asked.status, asked.body.state]).toEqual([201, 'requested']);

    const page = await openAs('dafpen-admin');
    await page.getByRole('link', { name: 'Inscriptions' }).click();
    await page.getByRole('heading', { name: 'Inscriptions', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Module' }).selectOption({ label: title });
    const sessionChoice = page
      .getByRole('combobox', { name: 'Session' })
      .locator('option', { hasText: 'jeudi 14 janvier 2027' });
    await sessionChoice.waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: 'Session' }).selectOption((await sessionChoice.getAttribute('value'))!);
    const seats = page.getByLabel('Places de la session');
    await page.getByText('26 inscription(s) · page 1 sur 2').waitFor();
    expect(await seats.textContent()).toBe(
      'Places : 2 · confirmées 2 · restantes 0 · en liste d’attente 23 · demandes 1',
    );
    const rows = page.getByRole('table', { name: 'Inscriptions de la session' }).locator('tbody tr');
    expect(await rows.count()).toBe(20);
    await audit(page, 'admin-registrations');
    await page.setViewportSize(WIDTHS.desktop);
    // the second page, from the server
    await page.getByRole('link', { name: '2', exact: true }).click();
    await page.getByText('26 inscription(s) · page 2 sur 2').waitFor();
    expect(await rows.count()).toBe(6);
    // words of a name
    await page.getByRole('searchbox', { name: 'Rechercher par nom ou mail' }).fill('ECRAN-07');
    await page.getByRole('searchbox', { name: 'Rechercher par nom ou mail' }).press('Enter');
    await page.getByText('1 inscription(s) · page 1 sur 1').waitFor();
    // the request accepted: no seat left, it waits
    await page.getByRole('searchbox', { name: 'Rechercher par nom ou mail' }).fill('ECRAN-26');
    await page.getByRole('searchbox', { name: 'Rechercher par nom ou mail' }).press('Enter');
    await page.getByRole('button', { name: 'Accepter Dominique ECRAN-26' }).click();
    await page.getByText('demandes 0').waitFor();
    expect(await seats.textContent()).toContain('en liste d’attente 24');
    // a confirmed person cancelled: the first waiting takes the seat
    await page.getByRole('searchbox', { name: 'Rechercher par nom ou mail' }).fill('ECRAN-01');
    await page.getByRole('searchbox', { name: 'Rechercher par nom ou mail' }).press('Enter');
    await page.getByRole('button', { name: 'Annuler Dominique ECRAN-01' }).click();
    await page.getByText('en liste d’attente 23').waitFor();
    expect(await seats.textContent()).toContain('confirmées 2');
    // a designation refused next to the mail, then made
    await page.getByLabel('Nom', { exact: true }).fill('ECRAN-27');
    await page.getByLabel('Prénom', { exact: true }).fill('Dominique');
    await page.getByLabel('Adresse mail', { exact: true }).fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await page.locator('.fr-input-group--error').first().waitFor();
    expect(await page.locator('.fr-input-group--error').allTextContents()).toEqual([
      expect.stringMatching(/^Adresse mail/),
    ]);
    await page.getByLabel('Adresse mail', { exact: true }).fill(`dominique.ecran27.${run}@ac-exemple.fr`);
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await page.getByText('Dominique ECRAN-27 : En liste d’attente.').waitFor();
    await page.getByText('en liste d’attente 24').waitFor();
    await page.context().close();
  }, 300000);

  it('filters the offer by category, pages it by the API’s cursor, and archives a module', async () => {
    for (let i = 1; i <= 21; i += 1) {
      const created = await api(
        'post',
        '/modules',
        {
          title: `Nouveauté ${String(i).padStart(2, '0')} de l’écran ${run}`,
          kind: 'information',
          category: 'updates',
          modality: 'distance',
          status: 'published',
          targetProfiles: ['teacher'],
          durations: { faceToFaceHours: 0, distanceSynchronousHours: 1, distanceAsynchronousHours: 0 },
          origin: 'academie',
        },
        admin,
      );
      expect(created.status).toBe(201);
    }
    const page = await openAs('dafpen-admin');
    await page.getByRole('heading', { name: 'Offre de formation' }).waitFor();
    await page.getByRole('combobox', { name: 'Catégorie' }).selectOption({ label: 'Nouveautés' });
    await page.getByText('21 module(s)').waitFor();
    const rows = page.getByRole('table', { name: 'Modules de l’offre' }).locator('tbody tr');
    expect(await rows.count()).toBe(20);
    await audit(page, 'admin-offer-filtered');
    await page.setViewportSize(WIDTHS.desktop);
    await page.getByRole('button', { name: 'Modules suivants' }).click();
    await page.getByRole('button', { name: 'Modules précédents' }).waitFor();
    expect(await rows.count()).toBe(1);
    await page.getByRole('button', { name: 'Modules précédents' }).click();
    await page.getByRole('button', { name: 'Modules suivants' }).waitFor();
    expect(await rows.count()).toBe(20);
    // archived after its confirmation: it leaves the offer
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Archiver Nouveauté 01 de l’écran ${run}` }).click();
    await page.getByText('20 module(s)').waitFor();
    expect(await page.getByRole('cell', { name: `Nouveauté 01 de l’écran ${run}`, exact: true }).count()).toBe(0);
    await page.context().close();
  }, 300000);

  it('finds a person, shows each field’s source, their registrations and who read them; exports and erases (RGPD)', async () => {
    // a person designated by the API to a session of the module: their fields come from a form, not an import
    const session = await moduleSession('2027-01-19', 10);
    const mail = `camille.fiche.${run}@ac-exemple.fr`;
    const registered = await api(
      'post',
      '/registrations',
      {
        sessionId: session.body.id,
        kind: 'designated',
        person: { lastName: 'FICHE-ECRAN', firstName: 'Camille', mail, uai: SCHOOL },
      },
      admin,
    );
    expect(registered.status).toBe(201);

    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'dafpen-admin');
    await page.getByRole('link', { name: 'Personnes' }).click();
    await page.getByRole('heading', { name: 'Personnes', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Adresse mail' }).fill(mail.toUpperCase());
    await page.getByRole('searchbox', { name: 'Adresse mail' }).press('Enter');
    const found = page.getByRole('table', { name: 'Personnes trouvées' });
    await found.waitFor();
    expect(await found.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining(mail)]);
    await page.getByRole('button', { name: 'Ouvrir la fiche de Camille FICHE-ECRAN' }).click();
    await page.getByRole('heading', { name: 'Camille FICHE-ECRAN' }).waitFor();
    // each field with its source: the form for what was given, nothing for what was not
    const fields = page.getByRole('table', { name: 'Données de la personne et leur source' });
    const row = async (label: string) =>
      (await fields.locator('tbody tr', { has: page.getByRole('cell', { name: label, exact: true }) }).allInnerTexts())
        .join('')
        .split('\t')
        .map((cell) => cell.trim());
    expect((await row('Adresse mail')).slice(1, 3)).toEqual([mail, 'Saisie (formulaire ou API)']);
    expect((await row('Établissement (UAI)')).slice(1, 3)).toEqual([SCHOOL, 'Saisie (formulaire ou API)']);
    expect((await row('Grade')).slice(1, 3)).toEqual(['—', '—']);
    const registrations = page.getByRole('table', { name: 'Inscriptions de la personne' });
    expect(await registrations.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`${title}\\s+Désignation\\s+Confirmée`)),
    ]);
    // the DAFPEN sees who read this person's data: this reading, journaled by the service
    const log = page.getByRole('table', { name: 'Consultations des données de la personne' });
    await log.waitFor();
    expect(await log.locator('tbody tr').allInnerTexts()).toContainEqual(
      expect.stringContaining('Consultation du profil'),
    );
    await audit(page, 'admin-people');
    await page.setViewportSize(WIDTHS.desktop);

    // the RGPD export: a JSON file of what the service holds, and the export journaled
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter ses données (RGPD)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^donnees-personnelles-.*\.json$/);
    expect(await readFile((await download.path())!, 'utf8')).toContain(mail);
    await log.locator('tbody tr', { hasText: 'Export RGPD' }).waitFor();

    // the erasure: not before it is confirmed, then what is kept and why
    const erase = page.getByRole('button', { name: 'Effacer la personne' });
    expect(await erase.isDisabled()).toBe(true);
    await page.getByText('Je confirme l’effacement des données de Camille FICHE-ECRAN').click();
    await erase.click();
    await page.getByText('Personne effacée').waitFor();
    expect(await page.getByText(/obligation légale/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'admin-people-erased-desktop.png'), fullPage: true });
    // and the service no longer finds them by their mail
    expect((await api('get', `/people?mail=${encodeURIComponent(mail)}`, undefined, admin)).body).toEqual([]);
    await context.close();
  }, 300000);

  it('files a demande d’ouverture as an IEN (refusals next to their fields), and the DAFPEN refuses it with a reason', async () => {
    const label = `Le numérique en classe ${run}`;
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    const page = await context.newPage();
    await signIn(page, 'ien');
    await page.getByRole('link', { name: 'Demandes' }).click();
    await page.getByRole('heading', { name: 'Demandes d’ouverture' }).waitFor();
    await page.getByText('Demander l’ouverture d’un module').click();
    const form = page.getByRole('form', { name: 'Demande d’ouverture d’un module' });
    // sent empty: the API's French messages beside the fields they name, nothing filed
    await form.getByRole('button', { name: 'Soumettre la demande' }).click();
    await form.getByText('ne doit pas être vide').first().waitFor();
    expect(await form.locator('.fr-input-group--error').count()).toBeGreaterThan(5);
    const fill = async (field: string, value: string) => form.getByLabel(field, { exact: true }).fill(value);
    await fill('Intitulé du module', label);
    await fill('Intitulé court (60 caractères au plus)', 'Le numérique en classe');
    await fill('Contenu', 'Services de l’ENT, ressources, cahier de textes.');
    await fill('Objectif pédagogique', 'Préparer une séquence avec les services de l’ENT.');
    await fill('Forme (stage, animation, parcours…)', 'Animation pédagogique');
    await fill('Public visé', 'Professeurs des écoles du cycle 3');
    await fill('Responsable pédagogique', 'IEN fictive de la circonscription');
    await fill('Organisation prévue (groupes, période, lieux)', '2 groupes de 12, en mars, à l’école du Port.');
    await fill('Heures prévues par personne', '6');
    await fill('Places prévues', '24');
    await form.getByRole('button', { name: 'Soumettre la demande' }).click();
    await page.getByText(`« ${label} » est soumise`).waitFor();
    // in the list, to decide: the IEN may withdraw their own, not decide it
    const row = page.locator('tbody tr', { hasText: label });
    await row.getByRole('button', { name: `Retirer la demande « ${label} »` }).waitFor();
    expect(await row.getByRole('button', { name: 'Refuser' }).count()).toBe(0);
    await audit(page, 'admin-requests-ien');
    await context.close();

    const office = await openAs('dafpen-admin');
    await office.getByRole('link', { name: 'Demandes' }).click();
    const decision = office.getByRole('form', { name: `Décision sur « ${label} »` });
    await decision.waitFor();
    // no withdrawing another's request
    expect(await office.getByRole('button', { name: `Retirer la demande « ${label} »` }).count()).toBe(0);
    // a refusal without its reason: the API's message next to the reason
    await decision.getByRole('button', { name: 'Refuser' }).click();
    await decision.getByText(/motif obligatoire pour un refus/).waitFor();
    await audit(office, 'admin-requests');
    await office.setViewportSize(WIDTHS.desktop);
    await decision.getByLabel('Motif (obligatoire pour un refus)').fill('Places déjà couvertes par le plan académique');
    await decision.getByRole('button', { name: 'Refuser' }).click();
    await decision.waitFor({ state: 'detached' });
    await office.getByLabel('État').selectOption({ label: 'Refusée' });
    await office
      .locator('tbody tr', { hasText: label })
      .getByText('Refusée : Places déjà couvertes par le plan académique')
      .waitFor();
    await office.context().close();
  }, 300000);

  it('offers each role the pages its routes allow, and nothing else', async () => {
    const page = await (await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' })).newPage();
    page.setDefaultTimeout(120000);
    await page.goto(gateway);
    await page.getByRole('heading', { name: 'Se connecter (développement)' }).waitFor();
    const offered = await page
      .getByLabel('Rôle')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    // every role but the operator's, who has no screen (forma status)
    expect(offered.sort()).toEqual(ROLES.filter((r) => r !== 'operator').sort());
    const routes = matrix.routes as Record<string, string[]>;
    const seen: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const role of offered) {
      await signIn(page, role);
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      seen[role] = await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link').allTextContents();
      expected[role] = PAGES.filter(([, route]) => [route].flat().some((r) => (routes[r] ?? []).includes(role))).map(
        ([label]) => label,
      );
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
    }
    expect(seen).toEqual(expected);
    // both sides: some role is offered the bilans, some is not
    expect(Object.values(expected).filter((pages) => pages.includes('Bilans')).length).toBeGreaterThan(0);
    expect(Object.values(expected).filter((pages) => !pages.includes('Bilans')).length).toBeGreaterThan(0);
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
