// Benchmark (issue 24): every consumer against raw kafkajs on the same messages.
//   npm run bench:consumers [events]      100,000 EnrolmentConfirmed by default (an import's worth)
// The whole platform runs compiled, each service its own process with a fresh consumer group that starts where the
// topics end now. A session is set up through the gateway (so attendance knows it), then `events` confirmations of
// that session are produced straight onto enrolment's registration topic, as enrolment's relay would. For each
// service whose group reads the topic, the time from the first send to its group's lag reaching zero (its offsets are
// committed once the events are applied); then a bare kafkajs consumer reads the same messages. Ratio: events applied
// per second / raw kafkajs per second. Needs the broker and PostgreSQL; its databases are dropped, its events stay.
import { platformBenchEnvironment, run } from './bench-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { EnrolmentConfirmed, EnrolmentConfirmedV1, EVENT_DEFINITIONS } from '@forma/contracts';
import { createEnvelope, kafkaConfig, topicOffsets } from '@forma/messaging';
import { databaseUrlFor } from '@forma/persistence';
import { eventually } from '@forma/testing';
import { AssignerProtocol, CompressionTypes, Kafka } from 'kafkajs';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { PLATFORM_SERVICES, RunningApp, startPlatform, stopPlatform } from '../apps/platform-e2e/src/app-process';
import { Caller, gatewayClient, uai } from '../apps/platform-e2e/src/gateway-client';
import { writeFigures } from './figures';

platformBenchEnvironment();

const EVENTS = Number(process.argv[2] ?? 100_000);
const ACADEMY = 'corse';
const TOPIC = EnrolmentConfirmed.topic;
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

/** The services whose consumer group is assigned partitions of the topic (those that handle one of its events). */
async function subscribed(kafka: Kafka, groups: { service: string; groupId: string }[]): Promise<Set<string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups: described } = await admin.describeGroups(groups.map((g) => g.groupId));
    return new Set(
      described
        .filter((d) =>
          d.members.some((m) => TOPIC in AssignerProtocol.MemberAssignment.decode(m.memberAssignment)!.assignment),
        )
        .map((d) => groups.find((g) => g.groupId === d.groupId)!.service),
    );
  } finally {
    await admin.disconnect();
  }
}

/** The sum of a consumer group's committed offsets on the topic, partition by partition (-1: none yet). */
async function committed(kafka: Kafka, groupId: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [topic] = await admin.fetchOffsets({ groupId, topics: [TOPIC] });
    return new Map(topic.partitions.map((p) => [p.partition, Number(p.offset)]));
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  let apps: RunningApp[] = [];
  let gateway = '';
  const { api } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
  const kafka = new Kafka(kafkaConfig(`bench-consumers-${run}`));
  try {
    const platform = await startPlatform();
    apps = platform.apps;
    gateway = platform.gateway;
    const must = async (what: string, answer: Promise<{ status: number; body: { id?: string } }>, status: number) => {
      const a = await answer;
      if (a.status !== status) throw new Error(`${what}: ${a.status} ${JSON.stringify(a.body)}`);
      return a.body;
    };
    // the session the confirmations name, known to attendance (its roster's lines need it)
    const school = uai('6200902');
    await must('department', api('put', '/reference/departments/2B', { name: 'Dép.', academy: ACADEMY }, admin), 200);
    await must('district', api('put', '/reference/districts/bench-c', { name: 'Circ.', department: '2B' }, admin), 200);
    await must(
      'school',
      api('put', `/reference/schools/${school}`, { name: 'École', department: '2B', district: 'bench-c' }, admin),
      200,
    );
    const module = await must(
      'module',
      api('post', '/modules', { ...CANOPROF_M1_EXAMPLE, title: `Banc des consommateurs ${run}` }, admin),
      201,
    );
    const session = await must(
      'session',
      api(
        'post',
        `/modules/${module.id}/sessions`,
        {
          capacity: 12, // the roster is attendance's copy: it takes what enrolment confirmed
          trainers: [{ name: 'Formateur fictif', mail: `formateur.${run}@ac-exemple.fr`, role: 'trainer' }],
          slots: [{ date: '2027-03-09', start: '09:00', end: '12:00', kind: 'face-to-face' }],
        },
        admin,
      ),
      201,
    );
    const attendance = new Client({ connectionString: databaseUrlFor('attendance') });
    await attendance.connect();
    await eventually(
      async () =>
        (await attendance.query('SELECT 1 FROM session_replica WHERE session_id = $1', [session.id])).rowCount ||
        undefined,
      'the session in attendance',
      120000,
    );

    // the confirmations, produced as enrolment's relay would
    const groups = PLATFORM_SERVICES.map((s) => ({ service: s, groupId: `forma-${s}-${process.env.FORMA_INSTANCE}` }));
    const start = new Map((await topicOffsets(kafka, TOPIC)).map((p) => [p.partition, Number(p.high)]));
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < EVENTS; i += 1000) {
      await producer.send({
        topic: TOPIC,
        acks: -1,
        compression: CompressionTypes.None,
        messages: Array.from({ length: Math.min(1000, EVENTS - i) }, (_, j) => {
          const fact: EnrolmentConfirmedV1 = {
            registrationId: uuidv7(),
            sessionId: session.id!,
            moduleId: module.id!,
            participantId: uuidv7(),
            mail: `bench.${run}.${i + j}@ac-exemple.fr`,
            lastName: `FICTIF-${i + j}`,
            firstName: 'Amélie',
            function: null,
            grade: null,
            uai: school,
            kind: 'imported',
            academy: ACADEMY,
            confirmedAt: '2027-03-01T08:00:00.000Z',
          };
          const envelope = createEnvelope('enrolment', EnrolmentConfirmed, fact, { academy: ACADEMY });
          return { key: fact.registrationId, value: JSON.stringify(envelope) };
        }),
      });
    }
    const produced = seconds(t0);
    await producer.disconnect();
    const end = new Map((await topicOffsets(kafka, TOPIC)).map((p) => [p.partition, Number(p.high)]));

    // each group that reads the topic: until its committed offsets reach the end
    const applied: Record<string, { seconds: number; eventsPerSecond: number } | 'not subscribed'> = {};
    const readers = await subscribed(kafka, groups);
    for (const { service } of groups) if (!readers.has(service)) applied[service] = 'not subscribed';
    const pending = new Set(readers);
    const deadline = Date.now() + 15 * 60_000;
    while (pending.size && Date.now() < deadline) {
      for (const { service, groupId } of groups.filter((g) => pending.has(g.service))) {
        const offsets = await committed(kafka, groupId);
        if ([...end].every(([p, high]) => (offsets.get(p) ?? -1) >= high)) {
          const s = seconds(t0);
          applied[service] = { seconds: +s.toFixed(2), eventsPerSecond: Math.round(EVENTS / s) };
          pending.delete(service);
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const service of pending) applied[service] = { seconds: NaN, eventsPerSecond: 0 };
    const roster = Number(
      (await attendance.query('SELECT count(*) AS n FROM roster WHERE session_id = $1', [session.id])).rows[0].n,
    );
    await attendance.end();

    // raw kafkajs on the same messages
    const raw = kafka.consumer({ groupId: `bench-raw-consumer-${run}` });
    await raw.connect();
    await raw.subscribe({ topic: TOPIC, fromBeginning: true });
    let read = 0;
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (done = resolve));
    const r0 = process.hrtime.bigint();
    await raw.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const from = start.get(batch.partition) ?? 0;
        read += batch.messages.filter((m) => Number(m.offset) >= from).length;
        if (read >= EVENTS) done();
      },
    });
    for (const [partition, offset] of start) raw.seek({ topic: TOPIC, partition, offset: String(offset) });
    await all;
    const rawSeconds = seconds(r0);
    await raw.disconnect();
    const rawPerSecond = EVENTS / rawSeconds;

    const result = {
      events: EVENTS,
      producedSeconds: +produced.toFixed(2),
      applied,
      attendanceRosterLines: roster,
      rawKafkajs: { seconds: +rawSeconds.toFixed(2), eventsPerSecond: Math.round(rawPerSecond) },
      target: { attendanceWithinSeconds: 60 },
      topics: [...new Set(EVENT_DEFINITIONS.map((d) => d.topic))].length,
    };
    console.log(JSON.stringify(result, null, 2));
    writeFigures({
      bench: 'consumers',
      parameters: { events: EVENTS },
      ratios: Object.fromEntries(
        Object.entries(applied)
          .filter(([, a]) => a !== 'not subscribed')
          .map(([service, a]) => [
            `${service}OverRawKafka`,
            {
              value: +((a as { eventsPerSecond: number }).eventsPerSecond / rawPerSecond).toFixed(4),
              lowerIsBetter: false,
              meaning: `confirmations ${service} applies per second (to its group's lag at zero) / raw kafkajs, same run`,
            },
          ]),
      ),
      figures: result,
    });
    if (roster !== EVENTS) process.exitCode = 1;
  } finally {
    if (apps.length) await stopPlatform(apps);
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
