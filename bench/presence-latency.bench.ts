// Benchmark (issue 16): from a presence recorded through the gateway to the bilan updated, at 200 marks per second.
//   npm run bench:latency                    200 marks/s for 15 s, as half-day lists (25 per call), then one per call
//   npm run bench:latency -- 100 30 1        100 marks/s for 30 s, one per call
// The whole platform runs as it does in production (every service and the gateway, compiled, each its own process,
// on the real broker and PostgreSQL). A small académie is set up through the gateway (geography, a module, four
// sessions of 25 people, registrations), then trainers mark presence at a fixed rate, each call sent on time whether
// or not the earlier ones have answered: first a session's half-day list per call (how a trainer signs the sheet), then
// one person and one half-day per call (the costliest way to send the same marks). For every mark, the time runs from
// the
// moment its HTTP call leaves to the moment reporting's transaction holding it (event log, presence rollup, BI cell)
// is visible to a reader of the bilan: the benchmark polls reporting's log every 10 ms past the last sequence it saw.
// Needs the broker (npm run kafka -- start) and PostgreSQL. Its databases are dropped; its events stay on the broker.
import { platformBenchEnvironment, run } from './bench-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { databaseUrlFor } from '@forma/persistence';
import { eventually } from '@forma/testing';
import { Client } from 'pg';
import { Agent, request as send } from 'undici';
import { PLATFORM_SERVICES, RunningApp, startPlatform, stopPlatform } from '../apps/platform-e2e/src/app-process';
import { platformCpuSnapshot, platformCpuSpent } from './cpu-accounting';
import { Caller, gatewayClient, person, uai } from '../apps/platform-e2e/src/gateway-client';
import { ms, pct, writeFigures } from './figures';

platformBenchEnvironment();

const RATE = Number(process.argv[2] ?? 200);
const SECONDS = Number(process.argv[3] ?? 15);
/** One phase per value: marks per call (25: a trainer sends the half-day's list of a session; 1: person by person). */
const PER_CALL = (process.argv[4] ?? '25,1').split(',').map(Number);
const ACADEMY = 'corse'; // a known académie; the run's databases are its own, so its bilan holds only this run's facts
const SESSIONS = 4;
const PEOPLE = 25;
const DAYS = 5; // day-long slots, marked by half-day: 10 parts per person

async function main(): Promise<void> {
  let apps: RunningApp[] = [];
  let gateway = '';
  const { api, bearer } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
  const reporting = new Client({ connectionString: databaseUrlFor('reporting') });
  try {
    const platform = await startPlatform();
    apps = platform.apps;
    gateway = platform.gateway;
    const expectStatus = (what: string, answer: { status: number; body: unknown }, status: number) => {
      if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };

    // the académie, its offer and its sessions, through the gateway
    expectStatus(
      'department',
      await api('put', '/reference/departments/2B', { name: 'Département fictif', academy: ACADEMY }, admin),
      200,
    );
    expectStatus(
      'district',
      await api('put', '/reference/districts/bench-nord', { name: 'Circonscription fictive', department: '2B' }, admin),
      200,
    );
    const school = uai('6200901');
    expectStatus(
      'school',
      await api(
        'put',
        `/reference/schools/${school}`,
        { name: 'École fictive', department: '2B', district: 'bench-nord' },
        admin,
      ),
      200,
    );
    const module = await api(
      'post',
      '/modules',
      {
        ...CANOPROF_M1_EXAMPLE,
        title: `Banc d’essai ${run}`,
        durations: { faceToFaceHours: 6 * DAYS, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
        modality: 'face-to-face',
        maxParticipantsPerSession: 30,
      },
      admin,
    );
    expectStatus('module', module, 201);
    const sessions: { id: string; trainer: Caller; registrations: string[] }[] = [];
    for (let s = 0; s < SESSIONS; s++) {
      const mail = `formatrice${s}.${run}@ac-exemple.fr`;
      const scheduled = await api(
        'post',
        `/modules/${module.body.id}/sessions`,
        {
          slots: Array.from({ length: DAYS }, (_, d) => ({
            date: `2026-11-${String(2 + d).padStart(2, '0')}`,
            start: '09:00',
            end: '16:00',
            kind: 'face-to-face',
          })),
          capacity: PEOPLE,
          trainers: [{ name: `Formatrice fictive ${s}`, mail, role: 'trainer' }],
        },
        admin,
      );
      expectStatus('session', scheduled, 201);
      sessions.push({ id: scheduled.body.id, trainer: { role: 'trainer', academy: ACADEMY, mail }, registrations: [] });
    }
    for (const session of sessions) {
      for (let p = 0; p < PEOPLE; p++) {
        const registered = await eventually(
          async () => {
            const answer = await api(
              'post',
              '/registrations',
              {
                sessionId: session.id,
                kind: 'designated',
                person: person(`B${run}${session.registrations.length}x${sessions.indexOf(session)}`, { uai: school }),
              },
              admin,
            );
            // enrolment may not know the session yet
            return answer.status === 201 ? (answer.body.id as string) : undefined;
          },
          'a registration',
          120000,
        );
        session.registrations.push(registered);
      }
    }
    // every roster complete in attendance: a first mark of each session is accepted
    for (const session of sessions) {
      await eventually(
        async () =>
          (await api('get', `/attendance/sessions/${session.id}`, undefined, session.trainer)).body?.lines?.length ===
          PEOPLE,
        'the roster in attendance',
        120000,
      );
    }

    // marks at RATE per second: person by person, half-day by half-day; after the tenth part, corrections with a reason
    await reporting.connect();
    const [{ seq }] = (await reporting.query('SELECT COALESCE(max(seq), 0)::text AS seq FROM received_event')).rows as {
      seq: string;
    }[];
    let after = seq;
    const seen = new Map<string, number>(); // mark id -> when the bilan could read it
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const rows = (
          await reporting.query(
            `SELECT seq::text, envelope->'data'->>'markId' AS mark, extract(epoch FROM clock_timestamp()) * 1000 AS now
             FROM received_event WHERE seq > $1 AND event_type = 'AttendanceRecorded' ORDER BY seq`,
            [after],
          )
        ).rows as { seq: string; mark: string; now: number }[];
        for (const r of rows) seen.set(r.mark, Number(r.now));
        if (rows.length) after = rows[rows.length - 1].seq;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const tokens = await Promise.all(sessions.map((s) => bearer(s.trainer)));
    const client = new Agent({ connections: 256, headersTimeout: 120_000 });
    // the next mark of each session, across phases (later rounds are corrections)
    const counters = sessions.map(() => 0);
    const markOf = (s: number) => {
      const k = counters[s]++;
      const who = k % PEOPLE;
      const round = Math.floor(k / PEOPLE);
      const part = round % (2 * DAYS);
      return {
        registrationId: sessions[s].registrations[who],
        slotIndex: Math.floor(part / 2),
        part: part % 2 ? 'afternoon' : 'morning',
        status: round % 3 === 2 ? 'absent' : 'present',
        ...(round >= 2 * DAYS ? { reason: 'Correction de la feuille' } : {}),
      };
    };

    /**
     * RATE marks per second for SECONDS, `perCall` marks per call (1: person by person; 25: a session's half-day list).
     */
    const phase = async (perCall: number) => {
      const totalCalls = Math.round((RATE * SECONDS) / perCall);
      const cpuBefore = await platformCpuSnapshot([...PLATFORM_SERVICES, 'gateway']);
      const sent: { at: number; answeredAt?: number; marks?: string[]; status?: number; error?: string }[] = [];
      const calls: Promise<void>[] = [];
      const began = Date.now();
      for (let i = 0; i < totalCalls; i++) {
        const due = began + (i * 1000 * perCall) / RATE;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const s = i % SESSIONS;
        const marks = Array.from({ length: perCall }, () => markOf(s));
        const entry: (typeof sent)[number] = { at: Date.now() };
        sent.push(entry);
        calls.push(
          // undici's client rather than fetch: the load generator shares the two cores with the platform
          send(`${gateway}/api/v1/attendance/sessions/${sessions[s].id}/marks`, {
            method: 'POST',
            headers: { authorization: tokens[s], 'content-type': 'application/json' },
            body: JSON.stringify({ marks }),
            dispatcher: client,
          }).then(
            async (answer) => {
              entry.status = answer.statusCode;
              entry.answeredAt = Date.now();
              const body = (await answer.body.json()) as { id: string }[] | { code: string };
              if (answer.statusCode === 201 && Array.isArray(body)) entry.marks = body.map((m) => m.id);
              else console.error(`call ${i}: ${answer.statusCode} ${JSON.stringify(body)}`);
            },
            (error: Error) => {
              entry.error = `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`;
              console.error(`call ${i}: ${entry.error}`);
            },
          ),
        );
      }
      const sendingSeconds = (Date.now() - began) / 1000;
      await Promise.all(calls);
      const cpuSeconds = platformCpuSpent(cpuBefore, await platformCpuSnapshot([...PLATFORM_SERVICES, 'gateway']));
      const recorded = sent.filter((e) => e.marks);
      const marks = recorded.flatMap((e) => e.marks!.map((mark) => ({ mark, at: e.at })));
      const deadline = Date.now() + 60000;
      while (marks.some((m) => !seen.has(m.mark)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const latencies = marks.filter((m) => seen.has(m.mark)).map((m) => seen.get(m.mark)! - m.at);
      const missing = marks.length - latencies.length;
      const answers = recorded.map((e) => e.answeredAt! - e.at);
      return {
        marksPerSecond: RATE,
        marksPerCall: perCall,
        seconds: SECONDS,
        achievedMarksPerSecond: +((totalCalls * perCall) / sendingSeconds).toFixed(1),
        calls: totalCalls,
        refusedCalls: totalCalls - recorded.length,
        marks: marks.length,
        inBilan: latencies.length,
        missingAfter60s: missing,
        p50Ms: ms(pct(latencies, 50)),
        p95Ms: ms(pct(latencies, 95)),
        p99Ms: ms(pct(latencies, 99)),
        maxMs: ms(Math.max(...latencies)),
        httpAnswer: { p50Ms: ms(pct(answers, 50)), p99Ms: ms(pct(answers, 99)) },
        cpuSecondsWhileMarking: cpuSeconds,
        target: { p99Ms: 1000, met: missing === 0 && recorded.length === totalCalls && pct(latencies, 99) <= 1000 },
      };
    };

    const phases = [];
    for (const perCall of PER_CALL) phases.push(await phase(perCall));
    polling = false;
    await poller;
    await client.close();
    writeFigures({
      bench: 'latency',
      parameters: { marksPerSecond: RATE, seconds: SECONDS, marksPerCall: PER_CALL.join(',') },
      ratios: Object.fromEntries(
        phases.map((p) => [
          `p99MarkToBilanOverP99Answer_perCall${p.marksPerCall}`,
          {
            value: +(p.p99Ms / Math.max(p.httpAnswer.p99Ms, 1)).toFixed(2),
            lowerIsBetter: true,
            meaning: `a mark's p99 from its call to the bilan / the p99 of the HTTP answer itself (${p.marksPerCall} marks per call), same run`,
          },
        ]),
      ),
      figures: { phases },
    });
    console.log(
      JSON.stringify(
        {
          latency: {
            note: 'per mark, from its HTTP call leaving for the gateway to reporting’s transaction holding it being visible to the bilan (polled every 10 ms)',
            phases,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await reporting.end().catch(() => undefined);
    if (apps.length) await stopPlatform(apps);
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
