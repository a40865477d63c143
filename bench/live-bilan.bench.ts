// Benchmark (issue 27): from a presence mark to the open bilan told to ask again — the Server-Sent Events stream of
// reporting (GET /reports/bilan/live) read through the gateway, as the Bilans page reads it — and to the trainer's
// émargement sheet told (attendance's GET /attendance/sessions/{id}/live), as the Émargement page reads it.
//   npm run bench:live            50 marks, one after the other (target: p99 under 1 s)
//   npm run bench:live -- 200     200 marks
// The whole platform runs as in production (every service and the gateway, compiled, each its own process, on the
// real broker and PostgreSQL). A session of 50 people is set up through the gateway; a DAFPEN reader keeps the live
// stream of the académie's bilan open; then a trainer marks one person at a time. Each mark's time runs from its call
// leaving to the stream's next `bilan-changed` event (reporting applied the mark, committed, and told every listener).
// The floor is the mark's own HTTP answer in the same run: the ratio says what the live path adds to it.
// Needs the broker (npm run kafka -- start) and PostgreSQL. Its databases are dropped; its events stay on the broker.
import { platformBenchEnvironment, run } from './bench-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { eventually } from '@forma/testing';
import { createParser, EventSourceMessage } from 'eventsource-parser';
import { PLATFORM_SERVICES, RunningApp, startPlatform, stopPlatform } from '../apps/platform-e2e/src/app-process';
import { Caller, gatewayClient, person } from '../apps/platform-e2e/src/gateway-client';
import { ms, pct, writeFigures } from './figures';

platformBenchEnvironment();

const MARKS = Number(process.argv[2] ?? 50);
const PEOPLE = 50;
const ACADEMY = 'reims'; // a known académie; the run's databases are its own
const TARGET_MS = 1000;

async function main(): Promise<void> {
  let apps: RunningApp[] = [];
  let gateway = '';
  const { api, bearer } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
  const abort = new AbortController();
  try {
    const platform = await startPlatform(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s, {}])));
    apps = platform.apps;
    gateway = platform.gateway;
    const module = await api(
      'post',
      '/modules',
      {
        ...CANOPROF_M1_EXAMPLE,
        title: `Banc du direct ${run}`,
        durations: { faceToFaceHours: 3, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
        modality: 'face-to-face',
        maxParticipantsPerSession: PEOPLE,
      },
      admin,
    );
    if (module.status !== 201) throw new Error(`module: ${module.status} ${JSON.stringify(module.body)}`);
    const mail = `formatrice.direct.${run}@ac-exemple.fr`;
    const trainer: Caller = { role: 'trainer', academy: ACADEMY, mail };
    const session = await api(
      'post',
      `/modules/${module.body.id}/sessions`,
      {
        slots: [{ date: '2026-11-03', start: '09:00', end: '12:00', kind: 'face-to-face' }],
        capacity: PEOPLE,
        trainers: [{ name: 'Formatrice fictive', mail, role: 'trainer' }],
      },
      admin,
    );
    if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
    const registrations: string[] = [];
    for (let p = 0; p < PEOPLE; p++) {
      registrations.push(
        await eventually(
          async () => {
            const answer = await api(
              'post',
              '/registrations',
              { sessionId: session.body.id, kind: 'designated', person: person(`L${run}${p}`) },
              admin,
            );
            return answer.status === 201 ? (answer.body.id as string) : undefined;
          },
          'a registration',
          120000,
        ),
      );
    }
    await eventually(
      async () =>
        (await api('get', `/attendance/sessions/${session.body.id}`, undefined, trainer)).body?.lines?.length ===
        PEOPLE,
      'the roster in attendance',
      120000,
    );

    // the reader's stream, as the Bilans page opens it; the trainer's, as the émargement sheet opens it
    const bilanStream = await liveStream(
      `${gateway}/api/v1/reports/bilan/live?level=academie&code=${ACADEMY}`,
      await bearer(admin),
      'bilan-changed',
      abort.signal,
    );
    const sheetStream = await liveStream(
      `${gateway}/api/v1/attendance/sessions/${session.body.id}/live`,
      await bearer(trainer),
      'presence-changed',
      abort.signal,
    );

    const token = await bearer(trainer);
    const answers: number[] = [];
    const live: number[] = [];
    const sheet: number[] = [];
    for (let k = 0; k < MARKS; k++) {
      const changed = bilanStream.next();
      const sheetChanged = sheetStream.next();
      const t0 = performance.now();
      const answer = await fetch(`${gateway}/api/v1/attendance/sessions/${session.body.id}/marks`, {
        method: 'POST',
        headers: { authorization: token, 'content-type': 'application/json' },
        body: JSON.stringify({
          marks: [
            {
              registrationId: registrations[k % PEOPLE],
              slotIndex: 0,
              status: k < PEOPLE ? 'present' : k % 2 ? 'absent' : 'present',
              ...(k >= PEOPLE && { reason: 'Correction du banc' }),
            },
          ],
        }),
      });
      const answered = performance.now();
      if (answer.status !== 201) throw new Error(`mark ${k}: ${answer.status} ${await answer.text()}`);
      const within30s = (told: Promise<number>, what: string) =>
        Promise.race([
          told,
          new Promise<number>((_, reject) =>
            setTimeout(() => reject(new Error(`mark ${k}: no ${what} event in 30 s`)), 30000),
          ),
        ]);
      const [at, sheetAt] = await Promise.all([within30s(changed, 'bilan'), within30s(sheetChanged, 'sheet')]);
      answers.push(answered - t0);
      live.push(at - t0);
      sheet.push(sheetAt - t0);
      // the next mark once this one's announcement is through (reporting may tell its batch in two commits)
      await new Promise((r) => setTimeout(r, 50));
    }
    const result = {
      marks: MARKS,
      markAnswerMs: { p50: ms(pct(answers, 50)), p95: ms(pct(answers, 95)), p99: ms(pct(answers, 99)) },
      markToLiveEventMs: { p50: ms(pct(live, 50)), p95: ms(pct(live, 95)), p99: ms(pct(live, 99)) },
      markToSheetEventMs: { p50: ms(pct(sheet, 50)), p95: ms(pct(sheet, 95)), p99: ms(pct(sheet, 99)) },
      target: { p99Ms: TARGET_MS, met: pct(live, 99) < TARGET_MS && pct(sheet, 99) < TARGET_MS },
    };
    console.log(JSON.stringify(result, null, 2));
    writeFigures({
      bench: 'live',
      parameters: { marks: MARKS },
      ratios: {
        p99MarkToLiveOverP99Answer: {
          value: +(pct(live, 99) / pct(answers, 99)).toFixed(2),
          lowerIsBetter: true,
          meaning: 'a mark’s p99 from its call to the live bilan’s event / the p99 of the mark’s HTTP answer, same run',
        },
        p99MarkToSheetOverP99Answer: {
          value: +(pct(sheet, 99) / pct(answers, 99)).toFixed(2),
          lowerIsBetter: true,
          meaning: 'a mark’s p99 from its call to the live émargement sheet’s event / the p99 of its HTTP answer',
        },
        p99MarkToLiveOverTarget: {
          value: +(pct(live, 99) / TARGET_MS).toFixed(3),
          lowerIsBetter: true,
          meaning: 'a mark’s p99 from its call to the live bilan’s event / the 1 s of issue 27',
        },
      },
      figures: result,
    });
    if (!result.target.met) process.exitCode = 1;
  } finally {
    abort.abort();
    await stopPlatform(apps);
  }
}

/**
 * An event stream opened through the gateway as the app opens it (fetch with the token, eventsource-parser), once its
 * first event is read; `next()` resolves at the arrival time of the next `event` after the call.
 */
async function liveStream(
  url: string,
  authorization: string,
  event: string,
  signal: AbortSignal,
): Promise<{ next: () => Promise<number> }> {
  const stream = await fetch(url, { headers: { authorization }, signal });
  if (!stream.ok || !stream.body) throw new Error(`${url}: ${stream.status}`);
  let waiting: ((at: number) => void) | undefined;
  let ready: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (ready = resolve));
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      ready();
      if (message.event === event) waiting?.(performance.now());
    },
  });
  void (async () => {
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      if (value) parser.feed(value);
    }
  })();
  await first;
  return { next: () => new Promise<number>((resolve) => (waiting = resolve)) };
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
