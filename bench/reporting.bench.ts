// Benchmark (issue 16): reporting at scale, against baselines measured in the same run on the same machine.
//   npm run bench:reporting                  1,000,000 presence marks (default)
//   npm run bench:reporting -- 200000        fewer marks, for a quick look
// 1. The académie bilan over N presence marks (generated in SQL, with their sessions, registrations, completions and
//    the daily rollups the projections keep), p50/p95 of 100 calls as the service answers them (figures, the académie's
//    cube, its secrecy decision kept while the cube stands), next to the same on the empty database. Then the secrecy
//    decision alone, taken afresh (what the first bilan after a registration pays), and the intruder's audit (HiGHS)
//    of that decision on a sample of its sensitive figures.
// 2. Projection throughput: M AttendanceRecorded events published to the real topic, then consumed by reporting (log,
//    projections, BI cells), against raw kafkajs consuming the same messages on the same broker.
// 3. Latency at 200 marks/s: from the event sent to the bilan's rollup holding it, p50/p99.
// Needs the broker (npm run kafka -- start) and PostgreSQL. Its database is dropped; its events stay on the broker.
import { run } from './bench-environment';
import { AttendanceRecorded, EVENT_DEFINITIONS, EventEnvelope } from '@forma/contracts';
import { presentMark } from '@forma/testing';
import { createEnvelope, ensureTopics, eventHeaders, kafkaConfig, topicOffsets } from '@forma/messaging';
import { createServiceApp } from '@forma/platform';
import { DatabaseConnector, databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BilanQueries } from '../apps/reporting/src/bilans/bilan.queries';
import { BilanService } from '../apps/reporting/src/bilans/bilan.service';
import { ALL_PROFILES, areaKey } from '../apps/reporting/src/bilans/secrecy-cube.rules';
import { decideLinked, PROTECTION_MARGIN } from '../apps/reporting/src/bilans/linked-secrecy.rules';
import { auditDecision } from '../apps/reporting/src/bilans/test/secrecy-audit';
import { REPORTING_APP, ReportingModule } from '../apps/reporting/src/reporting.module';
import { ms, pct, writeFigures } from './figures';

const MARKS = Number(process.argv[2] ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const ACADEMY = `bench-${run.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;
const OTHER = `${ACADEMY}-autre`;
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

async function sql(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: databaseUrlFor('reporting') });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function timeBilan(app: INestApplication, calls: number): Promise<{ p50: number; p95: number }> {
  const bilans = app.get(BilanService);
  const times: number[] = [];
  for (let i = 0; i < calls + 5; i++) {
    const t0 = process.hrtime.bigint();
    // as the service answers it: figures, the académie's cube, its secrecy decision (kept while the cube stands),
    // published
    await bilans.compute({
      level: 'academie',
      code: ACADEMY,
      label: ACADEMY,
      academy: ACADEMY,
      asOf: null,
      period: null,
    });
    if (i >= 5) times.push(seconds(t0) * 1000); // the first calls warm the caches and plans
  }
  return { p50: ms(pct(times, 50)), p95: ms(pct(times, 95)) };
}

/** N marks for the académie (and a tenth as many for another one): 20 participants and 3 slots per session. */
async function generate(marks: number): Promise<void> {
  const sessionsOf = (n: number) => Math.max(1, Math.round(n / 60));
  for (const [academy, count] of [
    [ACADEMY, marks],
    [OTHER, Math.round(marks / 10)],
  ] as const) {
    const sessions = sessionsOf(count);
    await sql(
      `INSERT INTO school_replica (uai, name, academy, department, district)
       SELECT $1 || lpad(i::text, 4, '0'), 'École ' || i, $1, 'dep-' || (i % 4), 'circ-' || (i % 20) FROM generate_series(1, 500) i`,
      [academy],
    );
    await sql(
      `INSERT INTO fact_session (session_id, module_id, academy, place_uai, school_year, first_day, face_to_face_minutes, virtual_class_minutes, scheduled_on, cancelled_on, delivered_on)
       SELECT md5($1 || 's' || i)::uuid, md5($1 || 'm' || (i % 100))::uuid, $1, $1 || lpad((i % 500 + 1)::text, 4, '0'), '2026-2027',
              date '2026-09-01' + (i % 200), 360, 60, date '2026-08-20' + (i % 100),
              CASE WHEN i % 25 = 0 THEN date '2026-09-01' + (i % 200) - 3 END,
              CASE WHEN i % 25 <> 0 AND i % 3 <> 0 THEN date '2026-09-01' + (i % 200) + 1 END
         FROM generate_series(1, $2::int) i`,
      [academy, sessions],
    );
    await sql(
      `INSERT INTO fact_registration (registration_id, session_id, module_id, academy, participant_id, uai, profile, confirmed_on, cancelled_on)
       SELECT md5($1 || 'r' || s || '-' || p)::uuid, md5($1 || 's' || s)::uuid, md5($1 || 'm' || (s % 100))::uuid, $1, md5($1 || 'p' || (s * 20 + p))::uuid,
              $1 || lpad(((s * 7 + p / 5) % 500 + 1)::text, 4, '0'), (ARRAY['ENS', 'ENS', 'ENS', 'DIR', 'CPE', 'DOC'])[p % 6 + 1],
              date '2026-08-25' + (s % 100), CASE WHEN p = 19 AND s % 10 = 0 THEN date '2026-09-30' END
         FROM generate_series(1, $2::int) s, generate_series(0, 19) p`,
      [academy, sessions],
    );
    // rare profiles in 80 schools, 1 to 4 people each, half of them completed: small cells for statistical secrecy
    await sql(
      `INSERT INTO fact_registration (registration_id, session_id, module_id, academy, participant_id, uai, profile, confirmed_on, completed_on)
       SELECT md5($1 || 'rare' || i || '-' || k)::uuid, md5($1 || 's' || (i % $2 + 1))::uuid, md5($1 || 'm' || ((i % $2 + 1) % 100))::uuid, $1,
              md5($1 || 'rare-p' || i || '-' || k)::uuid, $1 || lpad(((i * 7) % 500 + 1)::text, 4, '0'), (ARRAY['CPC', 'IEN', 'ERUN'])[i % 3 + 1],
              date '2026-08-25' + (i % 100), CASE WHEN k % 2 = 0 THEN date '2026-10-01' END
         FROM generate_series(1, 80) i, generate_series(1, 4) k WHERE k <= i % 4 + 1`,
      [academy, sessions],
    );
    await sql(
      `INSERT INTO presence_mark (mark_id, registration_id, session_id, slot_key, modality, status, minutes, recorded_on)
       SELECT $1 || '-' || r.registration_id || '-' || k, r.registration_id, r.session_id, k || ':whole',
              CASE WHEN k < 2 THEN 'face-to-face' ELSE 'virtual-class' END,
              CASE WHEN (hashtext(r.registration_id::text) + k) % 10 = 0 THEN 'absent' ELSE 'present' END,
              CASE WHEN (hashtext(r.registration_id::text) + k) % 10 = 0 THEN 0 WHEN k < 2 THEN 180 ELSE 60 END,
              s.first_day + k
         FROM fact_registration r JOIN fact_session s USING (session_id), generate_series(0, 2) k
        WHERE r.academy = $1`,
      [academy],
    );
    await sql(
      `INSERT INTO registration_modality (registration_id, modality, first_on)
       SELECT m.registration_id, m.modality, min(m.recorded_on) FROM presence_mark m JOIN fact_registration r USING (registration_id)
        WHERE r.academy = $1 GROUP BY 1, 2`,
      [academy],
    );
    // the rollups as the projections keep them: marks per day, and each person once in a modality, on their first day
    await sql(
      `INSERT INTO presence_rollup (academy, session_id, module_id, uai, profile, modality, day, attended_marks, counted_marks, minutes, people)
       SELECT r.academy, m.session_id, r.module_id, r.uai, r.profile, m.modality, m.recorded_on,
              count(*) FILTER (WHERE m.status IN ('present', 'partial')), count(*), sum(m.minutes),
              count(DISTINCT m.registration_id) FILTER (WHERE f.first_on = m.recorded_on)
         FROM presence_mark m JOIN fact_registration r USING (registration_id)
         JOIN registration_modality f ON f.registration_id = m.registration_id AND f.modality = m.modality
        WHERE r.academy = $1
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [academy],
    );
    await sql(
      `INSERT INTO presence_daily (academy, profile, modality, day, attended_marks, counted_marks, minutes, people)
       SELECT academy, profile, modality, day, sum(attended_marks), sum(counted_marks), sum(minutes), sum(people)
         FROM presence_rollup WHERE academy = $1 GROUP BY 1, 2, 3, 4`,
      [academy],
    );
    await sql(
      `INSERT INTO fact_completion (registration_id, session_id, completed_on)
       SELECT registration_id, session_id, confirmed_on + 40 FROM fact_registration WHERE academy = $1 AND hashtext(registration_id::text) % 5 <> 0`,
      [academy],
    );
    await sql(
      `INSERT INTO fact_attestation (attestation_id, registration_id, session_id, issued_on)
       SELECT md5('a' || registration_id)::uuid, registration_id, session_id, c.completed_on + 1 FROM fact_completion c JOIN fact_registration r USING (registration_id, session_id) WHERE r.academy = $1`,
      [academy],
    );
    await sql(
      `UPDATE fact_registration r SET completed_on = c.completed_on, attested_on = c.completed_on + 1
         FROM fact_completion c WHERE c.registration_id = r.registration_id AND r.academy = $1`,
      [academy],
    );
  }
  await sql('ANALYZE');
}

function markEnvelope(sessionId: string, i: number, recordedAt = new Date()): EventEnvelope<object> {
  return createEnvelope(
    'bench',
    AttendanceRecorded,
    presentMark({
      markId: String(9_000_000_000 + i),
      registrationId: randomUUID(),
      participantId: randomUUID(),
      sessionId,
      moduleId: randomUUID(),
      academy: ACADEMY,
      recordedAt: recordedAt.toISOString(),
    }),
    { academy: ACADEMY, occurredAt: recordedAt },
  );
}

async function main(): Promise<void> {
  await ensureDatabase(databaseUrlFor('reporting'));
  const kafka = new Kafka(kafkaConfig(`bench-reporting-${run}`));
  const topic = AttendanceRecorded.topic;
  const groupId = `forma-reporting-bench-${run}`;
  process.env.FORMA_INSTANCE = `bench-${run}`;
  // the bilans are timed alone: the BI feed's publisher (which decides for the feed's session cells) runs in phase 2
  process.env.REPORTING_BI_PUBLISH_EVERY_MS = '0';
  let app = await createServiceApp(ReportingModule, { ...REPORTING_APP, consumesEvents: false, quiet: true });
  await app.init();
  await app.get(DatabaseConnector).ready;
  try {
    // 1. the académie bilan, empty then over MARKS marks
    const empty = await timeBilan(app, 100);
    const t0 = process.hrtime.bigint();
    await generate(MARKS);
    const generated = seconds(t0);
    const [{ marks, rollupRows, dailyRows }] = (await sql(
      `SELECT (SELECT count(*) FROM presence_mark)::int AS marks, (SELECT count(*) FROM presence_rollup)::int AS "rollupRows", (SELECT count(*) FROM presence_daily)::int AS "dailyRows"`,
    )) as { marks: number; rollupRows: number; dailyRows: number }[];
    const full = await timeBilan(app, 100);
    const tq = process.hrtime.bigint();
    const cube = await app.get(BilanQueries).academyCube(ACADEMY, null);
    const cubeSeconds = seconds(tq);
    const t1 = process.hrtime.bigint();
    const decision = decideLinked(cube);
    const decideSeconds = seconds(t1);
    // the intruder's linear program has three unknowns per unit (session x school x profile): past
    // BENCH_AUDIT_MAX_UNITS (20,000) HiGHS runs for hours (45 minutes without finishing 8 figures at 43,409 units), so
    // the audit then runs on the other académie of this run (the same generator at a tenth of the marks), over
    // BENCH_AUDIT_FIGURES (40) of its sensitive figures, evenly sampled
    const maxUnits = Number(process.env.BENCH_AUDIT_MAX_UNITS ?? 20_000);
    const audit =
      decision.cube.leaves.length <= maxUnits
        ? { academy: ACADEMY, decision }
        : { academy: OTHER, decision: decideLinked(await app.get(BilanQueries).academyCube(OTHER, null)) };
    const figures = [...audit.decision.sensitive.values()].flat().length;
    const every = Number(
      process.env.BENCH_AUDIT_EVERY ?? Math.max(1, Math.ceil(figures / Number(process.env.BENCH_AUDIT_FIGURES ?? 40))),
    );
    const t2 = process.hrtime.bigint();
    const audited = audit.decision.cube.leaves.length <= maxUnits ? await auditDecision(audit.decision, { every }) : [];
    const weak = audited.filter((f) => f.max - f.min < PROTECTION_MARGIN || f.value < f.min || f.value > f.max);
    // what the decision publishes: the people of the published cells, withheld or not
    const published = [...decision.cube.cells.keys()].filter((key) => !decision.cube.unpublished.has(key));
    const secrecy = {
      finestCells: decision.cube.leaves.length,
      cubeQueryMs: ms(cubeSeconds * 1000),
      cells: decision.cube.cells.size,
      sensitiveCells: decision.sensitive.size,
      cellsWithFiguresWithheld: decision.hidden.size,
      publishedCells: published.length,
      publishedCellsWithPeopleWithheld: published.filter((key) => decision.hidden.get(key)?.has('people')).length,
      academyTotalWithheld: decision.withheld(areaKey('academie', ''), ALL_PROFILES, 'people'),
      decideMs: ms(decideSeconds * 1000),
      auditedAcademy: audited.length ? audit.academy : null,
      auditedUnits: audit.decision.cube.leaves.length,
      auditedFigures: audited.length,
      auditSeconds: +seconds(t2).toFixed(1),
      weak: weak.length,
      target: { weak: 0, met: weak.length === 0 && audited.length > 0 },
      auditSkipped: audited.length === 0 ? `${audit.decision.cube.leaves.length} units > ${maxUnits}` : null,
    };
    await app.close();

    // 2. projection throughput against raw kafkajs, on the same EVENTS messages
    await ensureTopics(kafka, [...new Set(EVENT_DEFINITIONS.map((d) => d.topic))]);
    const before = await topicOffsets(kafka, topic);
    const admin = kafka.admin();
    await admin.connect();
    // reporting reads every topic: its group starts at their current ends, so only this run's events are projected
    for (const t of new Set(EVENT_DEFINITIONS.map((d) => d.topic))) {
      const ends = t === topic ? before : await topicOffsets(kafka, t);
      await admin.setOffsets({
        groupId,
        topic: t,
        partitions: ends.map((p) => ({ partition: p.partition, offset: String(p.high) })),
      });
    }
    const producer = kafka.producer();
    await producer.connect();
    const sessionId = randomUUID();
    for (let i = 0; i < EVENTS; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, EVENTS - i) }, (_, j) => markEnvelope(sessionId, i + j));
      await producer.send({
        topic,
        messages: batch.map((e) => ({ key: sessionId, value: JSON.stringify(e), headers: eventHeaders(e) })),
      });
    }
    const raw = kafka.consumer({ groupId: `bench-raw-${run}` });
    await raw.connect();
    await raw.subscribe({ topic, fromBeginning: true });
    let rawCount = 0;
    let rawDone: () => void = () => undefined;
    const rawFinished = new Promise<void>((r) => (rawDone = r));
    const start = new Map(before.map((p) => [p.partition, p.high]));
    let rawStart = 0n;
    await raw.run({
      eachBatch: async ({ batch }) => {
        if (!rawStart) rawStart = process.hrtime.bigint();
        rawCount += batch.messages.filter((m) => BigInt(m.offset) >= (start.get(batch.partition) ?? 0n)).length;
        if (rawCount >= EVENTS) rawDone();
      },
    });
    for (const p of before) raw.seek({ topic, partition: p.partition, offset: String(p.high) });
    await rawFinished;
    const rawSeconds = seconds(rawStart);
    await raw.disconnect();

    delete process.env.REPORTING_BI_PUBLISH_EVERY_MS;
    app = await createServiceApp(ReportingModule, { ...REPORTING_APP, consumesEvents: true, quiet: true });
    await app.init();
    // like raw kafkajs's clock (started at its first batch), reporting's starts with its first transaction, not with
    // the
    // group's join (a new group waits for the broker's rebalance); received_at is each transaction's start (now())
    let projectEnd: number;
    for (;;) {
      const [{ n, now }] = (await sql(
        'SELECT count(*)::int AS n, extract(epoch FROM clock_timestamp()) * 1000 AS now FROM received_event WHERE event_type = $1',
        ['AttendanceRecorded'],
      )) as { n: number; now: number }[];
      if (n >= EVENTS) {
        projectEnd = Number(now);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const [{ first }] = (await sql(
      'SELECT extract(epoch FROM min(received_at)) * 1000 AS first FROM received_event WHERE event_type = $1',
      ['AttendanceRecorded'],
    )) as { first: number }[];
    const projectSeconds = (projectEnd - Number(first)) / 1000;
    // how many transactions applied them: one per event would mean the inbox fell back to one event at a time
    const [{ transactions }] = (await sql(
      'SELECT count(DISTINCT xmin::text)::int AS transactions FROM presence_mark WHERE session_id = $1',
      [sessionId],
    )) as { transactions: number }[];

    // 3. latency at 200 marks/s for 15 s: from the send to the rollup row that holds the mark
    const latencySession = randomUUID();
    const sent: { i: number; at: number }[] = [];
    const rate = 200;
    const total = rate * 15;
    const began = Date.now();
    for (let i = 0; i < total; i++) {
      const due = began + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const e = markEnvelope(latencySession, 5_000_000 + i);
      sent.push({ i, at: Date.now() });
      void producer.send({
        topic,
        messages: [{ key: latencySession, value: JSON.stringify(e), headers: eventHeaders(e) }],
      });
    }
    // each mark's arrival: the commit time of the transaction that applied it (received_at is its start;
    // clock_timestamp at the end would be closer)
    for (;;) {
      const [{ n }] = (await sql('SELECT count(*)::int AS n FROM presence_mark WHERE session_id = $1', [
        latencySession,
      ])) as { n: number }[];
      if (n >= total) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const arrivals = (await sql(
      `SELECT (mark_id::bigint - 9005000000)::int AS i, extract(epoch FROM r.received_at) * 1000 AS at
         FROM presence_mark m JOIN received_event r ON r.event_type = 'AttendanceRecorded' AND r.envelope->'data'->>'markId' = m.mark_id
        WHERE m.session_id = $1`,
      [latencySession],
    )) as { i: number; at: number }[];
    const latencies = arrivals.map((a) => Number(a.at) - sent[a.i].at);
    await producer.disconnect();
    await admin.disconnect();

    writeFigures({
      bench: 'reporting',
      parameters: { requestedMarks: MARKS, events: EVENTS },
      ratios: {
        projectionOverRawKafka: {
          value: +(rawSeconds / projectSeconds).toFixed(3),
          lowerIsBetter: false,
          meaning: 'events reporting applies per second / events raw kafkajs consumes per second, same run',
        },
        bilanP95OverEmptyDatabase: {
          value: +(full.p95 / Math.max(empty.p95, 0.1)).toFixed(1),
          lowerIsBetter: true,
          meaning: 'the académie bilan’s p95 over the marks / the same bilan’s p95 on an empty database, same run',
        },
      },
      figures: { bilan: { marks, rollupRows, dailyRows, academieBilanMs: full, emptyDatabaseMs: empty }, secrecy },
    });
    console.log(
      JSON.stringify(
        {
          bilan: {
            marks,
            rollupRows,
            dailyRows,
            generateSeconds: +generated.toFixed(1),
            academieBilanMs: full,
            emptyDatabaseMs: empty,
            target: { p95Ms: 200, met: full.p95 <= 200 },
          },
          secrecy,
          throughput: {
            events: EVENTS,
            transactions,
            reportingEventsPerSecond: Math.round(EVENTS / projectSeconds),
            rawKafkajsEventsPerSecond: Math.round(EVENTS / rawSeconds),
            ratio: +(rawSeconds / projectSeconds).toFixed(3),
            target: { ratio: 0.5, met: rawSeconds / projectSeconds >= 0.5 },
          },
          latency: {
            marksPerSecond: rate,
            marks: latencies.length,
            p50Ms: ms(pct(latencies, 50)),
            p99Ms: ms(pct(latencies, 99)),
            note: 'from the send to the start of the transaction that applied the mark (log, projections and BI cell commit with it)',
            target: { p99Ms: 1000, met: pct(latencies, 99) <= 1000 },
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await app.close();
    // BENCH_KEEP_DATABASE=true keeps it, to EXPLAIN the bilan's queries on it
    if (process.env.BENCH_KEEP_DATABASE === 'true') console.error(`kept ${databaseUrlFor('reporting')}`);
    else await dropDatabase(databaseUrlFor('reporting'));
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
