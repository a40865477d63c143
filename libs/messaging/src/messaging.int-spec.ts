import { createTestDatabase, eventually, uniqueSuffix, untilCount } from '@forma/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { CounterService, counterEvents, publishCounters, startCounterService } from '../test/counter-service';
import { kafkaConfig } from './kafka/kafka-options';
import { ensureTopics, topicOffsets } from './kafka/topic-admin';
import { createServiceDataSource } from '@forma/persistence';
import { randomUUID } from 'node:crypto';
import { MESSAGING_MIGRATIONS } from './messaging.migration';
import { decodePayloads, encodePayloads } from './outbox/outbox-payloads';
import { OutboxRelay } from './outbox/outbox.relay';

// These tests run against the real Kafka broker and PostgreSQL server chosen by libs/testing (FORMA_INFRA).
const kafka = new Kafka(kafkaConfig('messaging-int-spec'));

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function count(url: string, text: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: string }>(url, text, params);
  return Number(row.n);
}

async function messagesInTopic(topic: string): Promise<number> {
  // right after the broker restarts, leadership may still be moving ("not the leader"): topicOffsets asks again
  const offsets = await topicOffsets(kafka, topic);
  return offsets.reduce((sum, p) => sum + Number(p.high - p.low), 0);
}

interface ReadRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** The first `expected` records of a topic, in each partition's order. */
async function readTopic(topic: string, expected: number): Promise<ReadRecord[]> {
  const consumer = kafka.consumer({ groupId: `reader-${uniqueSuffix()}` });
  const records: ReadRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      records.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers });
    },
  });
  await untilCount(async () => records.length, expected, `${expected} records in ${topic}`);
  await consumer.disconnect();
  return records;
}

const readDeadLetters = (topic: string, expected: number) => readTopic(`${topic}.dlq`, expected);

/** Events waiting in the outbox: a row holds a run of them. */
const OUTBOX_EVENTS = 'SELECT COALESCE(sum(cardinality(event_ids)), 0) n FROM outbox_message';

// Waits follow progress (untilCount), not a wall-clock budget: a loaded machine takes longer, and only a stall fails.
jest.setTimeout(300000);

describe('messaging over the real Kafka broker and PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  const started: CounterService[] = [];

  beforeEach(async () => {
    db = await createTestDatabase('messaging');
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
    await db.drop();
  });

  async function start(options: Partial<Parameters<typeof startCounterService>[0]> & { topic: string }) {
    const events = counterEvents(options.topic);
    const service = await startCounterService({
      url: db.url,
      groupId: `counter-${uniqueSuffix()}`,
      definitions: [events.incremented, events.bulk],
      ...options,
    });
    started.push(service);
    return { service, events };
  }

  it('relays the outbox and applies each event once, in order per key', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const { service, events } = await start({ topic });
    const keys = ['alpha', 'bravo', 'charlie', 'delta'];
    for (let round = 0; round < 5; round++) {
      // Several transactions, each publishing a slice of every key's sequence.
      await publishCounters(
        service,
        events.incremented,
        keys.flatMap((counter) => Array.from({ length: 20 }, (_, i) => ({ counter, seq: round * 20 + i }))),
      );
    }
    await untilCount(() => count(db.url, 'SELECT count(*) n FROM effect'), 400, '400 effects');
    expect(await count(db.url, 'SELECT count(*) n FROM outbox_message')).toBe(0);
    expect(await count(db.url, 'SELECT count(DISTINCT event_id) n FROM effect')).toBe(400);
    for (const counter of keys) {
      const rows = await sql<{ seq: number }>(db.url, 'SELECT seq FROM effect WHERE counter = $1 ORDER BY id', [
        counter,
      ]);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    }
  });

  it('writes a publish of many events as one compressed run (keys with tab, newline, backslash kept) and two relays on one database send each event once, in order, with its own headers', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const { service, events } = await start({ topic, relay: false });
    // keys with the characters COPY's text format and array literals reserve: tab, newline, carriage return, backslash
    const keys = ['tab\there', 'line\nbreak', 'back\\slash\r'];
    const published = await publishCounters(
      service,
      events.incremented,
      keys.flatMap((counter) => Array.from({ length: 100 }, (_, seq) => ({ counter, seq }))),
    );
    const stored = await sql<{ event_ids: string[]; message_keys: string[]; payloads: Buffer; headers: object }>(
      db.url,
      'SELECT event_ids, message_keys, payloads, headers FROM outbox_message ORDER BY seq',
    );
    expect(stored).toHaveLength(1); // one transaction, one topic, one correlation: one run
    const [run] = stored;
    expect(run.event_ids).toEqual(published.map((e) => e.id));
    expect(run.message_keys).toEqual(published.map((e) => e.key));
    expect([...new Set(run.message_keys)]).toEqual(keys);
    const payloads = decodePayloads(run.payloads).map((p) => p.toString('utf8'));
    expect(payloads.map((p) => JSON.parse(p))).toEqual(published);
    expect(run.payloads.length).toBeLessThan(payloads.join('\n').length / 2); // compressed
    expect(run.headers).not.toHaveProperty('event-id');

    const relays = [1, 2].map(() => new OutboxRelay({ kafka, databaseUrl: db.url, topics: [topic], batchSize: 40 }));
    relays.forEach((relay) => relay.start());
    try {
      await untilCount(() => count(db.url, 'SELECT count(*) n FROM effect'), 300, '300 effects');
      expect(await messagesInTopic(topic)).toBe(300); // no event sent twice
      expect(relays[0].sentCount + relays[1].sentCount).toBe(300);
      for (const counter of keys) {
        const rows = await sql<{ seq: number }>(db.url, 'SELECT seq FROM effect WHERE counter = $1 ORDER BY id', [
          counter,
        ]);
        expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i));
      }
      expect(await count(db.url, 'SELECT count(*) n FROM outbox_message')).toBe(0);
      // each record as the relay sent it: its own key, payload and headers, in order per key
      const records = await readTopic(topic, 300);
      const byId = new Map(published.map((e) => [e.id, e]));
      for (const record of records) {
        const envelope = byId.get(record.headers['event-id'])!;
        expect(JSON.parse(record.value)).toEqual(envelope);
        expect(record.key).toBe(envelope.key);
        expect(record.headers).toEqual({
          'content-type': 'application/json',
          'event-id': envelope.id,
          'event-type': envelope.type,
          'event-version': String(envelope.version),
          'correlation-id': envelope.correlationId,
        });
      }
      expect(new Set(records.map((r) => r.headers['event-id'])).size).toBe(300);
      for (const key of keys) {
        const seqs = records.filter((r) => r.key === key).map((r) => JSON.parse(r.value).data.seq);
        expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i));
      }
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
  });

  it('moves events waiting at the upgrade into runs of one, which go back as they were and are sent as they were', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    await ensureTopics(kafka, [topic]);
    const migrations = [...MESSAGING_MIGRATIONS];
    const before = createServiceDataSource({
      url: db.url,
      applicationName: 'upgrade-spec',
      entities: [],
      migrations: migrations.slice(0, -1),
    });
    await before.initialize();
    await before.runMigrations();
    const id = randomUUID();
    const payload = JSON.stringify({ id, note: 'écrit avant la mise à jour' });
    const headers = { 'content-type': 'application/json', 'event-id': id, 'event-type': 'CounterIncremented' };
    await before.query(
      `INSERT INTO outbox_message (event_id, topic, message_key, event_type, event_version, payload, headers)
       VALUES ($1, $2, 'k1', 'CounterIncremented', 1, $3, $4)`,
      [id, topic, payload, JSON.stringify(headers)],
    );
    await before.destroy();

    const after = createServiceDataSource({ url: db.url, applicationName: 'upgrade-spec', entities: [], migrations });
    await after.initialize();
    try {
      await after.runMigrations();
      const [run] = (await after.query('SELECT event_ids, message_keys, headers FROM outbox_message')) as object[];
      expect(run).toEqual({
        event_ids: [id],
        message_keys: ['k1'],
        headers: { 'content-type': 'application/json', 'event-type': 'CounterIncremented' },
      });
      // back: the row as it was written
      await after.undoLastMigration();
      expect(await after.query('SELECT event_id, message_key, payload, headers FROM outbox_message')).toEqual([
        { event_id: id, message_key: 'k1', payload, headers },
      ]);
      await after.runMigrations();
      // a compressed run waiting: PostgreSQL cannot read it back, so going back is refused and loses nothing
      await after.query(
        `INSERT INTO outbox_message (topic, event_type, event_version, headers, event_ids, message_keys, payloads)
         VALUES ($1, 'CounterIncremented', 1, $2, $3, $4, $5)`,
        [topic, JSON.stringify({ 'event-type': 'CounterIncremented' }), [randomUUID()], ['k2'], encodePayloads(['{}'])],
      );
      await expect(after.undoLastMigration()).rejects.toThrow(/compressed runs/);
      expect(await count(db.url, OUTBOX_EVENTS)).toBe(2);

      const relay = new OutboxRelay({ kafka, databaseUrl: db.url, topics: [topic] });
      try {
        expect(await relay.relayOnce()).toBe(2);
      } finally {
        await relay.stop();
      }
      const [record] = (await readTopic(topic, 2)).filter((r) => r.key === 'k1');
      expect(record).toEqual({ key: 'k1', value: payload, headers });
    } finally {
      await after.destroy();
    }
  });

  it('starts another round at once when a commit is told while a round is in flight, not at the next poll', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const { service, events } = await start({ topic, relay: false });
    await publishCounters(service, events.incremented, [{ counter: 'told', seq: 1 }]);
    let second = false;
    const relay = new OutboxRelay({
      kafka,
      databaseUrl: db.url,
      topics: [topic],
      // the poll alone would send the second event ten minutes later: the wait below would stall
      pollIntervalMs: 600_000,
      afterPublish: async () => {
        if (second) return;
        second = true;
        // committed, and its NOTIFY told, while the round that read the first event is still in flight
        await publishCounters(service, events.incremented, [{ counter: 'told', seq: 2 }]);
      },
    });
    relay.start();
    try {
      await untilCount(() => messagesInTopic(topic), 2, 'both events in the topic');
      await untilCount(() => count(db.url, OUTBOX_EVENTS), 0, 'the outbox emptied');
    } finally {
      await relay.stop();
    }
  });

  it('a crash between publish and mark-sent publishes twice but has one effect downstream', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const { service, events } = await start({ topic, relay: false });
    await publishCounters(service, events.incremented, [{ counter: 'crash', seq: 1 }]);

    let crashes = 0;
    const crashing = new OutboxRelay({
      kafka,
      databaseUrl: db.url,
      topics: [topic],
      afterPublish: () => {
        crashes++;
        throw new Error('simulated crash after the broker acknowledged, before the row was marked sent');
      },
    });
    await expect(crashing.relayOnce()).rejects.toThrow('simulated crash');
    await crashing.stop();
    expect(crashes).toBe(1);
    expect(await count(db.url, OUTBOX_EVENTS)).toBe(1);

    const restarted = new OutboxRelay({ kafka, databaseUrl: db.url, topics: [topic] });
    restarted.start();
    try {
      await untilCount(() => messagesInTopic(topic), 2, 'the event twice in the topic');
      await untilCount(() => count(db.url, 'SELECT count(*) n FROM inbox_message'), 1, 'one inbox row');
      // the duplicate read and skipped (the consumer's own count): had it been applied, its effect would be there now
      await untilCount(async () => service.server!.duplicatesSkipped, 1, 'the duplicate read and skipped');
      expect(await count(db.url, 'SELECT count(*) n FROM effect')).toBe(1);
      expect(await count(db.url, 'SELECT count(*) n FROM outbox_message')).toBe(0);
      expect(service.server!.duplicatesSkipped).toBe(1);
    } finally {
      await restarted.stop();
    }
  });

  it('sends a poison message to the dead-letter topic and goes on with the next ones', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const { service, events } = await start({ topic });
    await ensureTopics(kafka, [topic]);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'poison', value: 'this is not JSON' }] });
    await producer.disconnect();
    await publishCounters(service, events.incremented, [
      { counter: 'poison', seq: 1, fail: true },
      { counter: 'poison', seq: 2 },
      { counter: 'poison', seq: 3 },
    ]);

    await untilCount(() => count(db.url, 'SELECT count(*) n FROM effect'), 2, 'the two good events');
    const letters = await readDeadLetters(topic, 2);
    const reasons = letters.map((l) => l.headers['dlq-reason']).sort();
    expect(reasons).toEqual(['handler-failed', 'invalid-json']);
    const failed = letters.find((l) => l.headers['dlq-reason'] === 'handler-failed')!;
    expect(failed.headers['dlq-error']).toContain('poison counter poison#1');
    expect(failed.headers['dlq-attempts']).toBe('3');
    expect(JSON.parse(failed.value).data.seq).toBe(1);
    const rows = await sql<{ seq: number }>(db.url, 'SELECT seq FROM effect ORDER BY id');
    expect(rows.map((r) => r.seq)).toEqual([2, 3]);
  });

  it('hands bulk flows to batch handlers, each event once', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const { service, events } = await start({ topic, relay: false });
    await publishCounters(
      service,
      events.bulk,
      Array.from({ length: 600 }, (_, i) => ({ counter: `k${i % 3}`, seq: i })),
    );
    service.relayHost.relay.start();
    await untilCount(() => count(db.url, 'SELECT count(*) n FROM effect'), 600, '600 effects');
    expect(await count(db.url, 'SELECT count(DISTINCT event_id) n FROM effect')).toBe(600);
    expect(await count(db.url, 'SELECT max(batch_size) n FROM effect')).toBeGreaterThan(1);
  });

  it('keeps events in the outbox while the broker is unreachable, and sends them when it is back', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const { service, events } = await start({ topic, relay: false });
    await publishCounters(service, events.incremented, [
      { counter: 'offline', seq: 1 },
      { counter: 'offline', seq: 2 },
    ]);
    const offline = new OutboxRelay({
      kafka: new Kafka({ ...kafkaConfig('offline-relay', ['127.0.0.1:1']), retry: { retries: 0 } }),
      databaseUrl: db.url,
      topics: [topic],
    });
    offline.start();
    await eventually(async () => offline.error, 'the relay to report the broker unreachable');
    await offline.stop();
    expect(offline.healthy).toBe(false);
    expect(await count(db.url, OUTBOX_EVENTS)).toBe(2);

    service.relayHost.relay.start(); // the broker is "back": the service's own relay, on the real broker
    await untilCount(() => count(db.url, 'SELECT count(*) n FROM effect'), 2, 'both effects');
  });

  it('stops gracefully: the message in flight finishes and its offset is committed', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const groupId = `counter-graceful-${uniqueSuffix()}`;
    const first = await start({ topic, groupId });
    await publishCounters(
      first.service,
      first.events.incremented,
      Array.from({ length: 60 }, (_, i) => ({ counter: 'slow', seq: i, delayMs: 40 })),
    );
    await eventually(async () => (await count(db.url, 'SELECT count(*) n FROM effect')) >= 10, '10 effects', 120000);
    await first.service.close();
    started.splice(started.indexOf(first.service), 1);
    const handled = await count(db.url, 'SELECT count(*) n FROM effect');
    expect(handled).toBeLessThan(60);

    const second = await start({ topic, groupId, relay: false });
    await untilCount(() => count(db.url, 'SELECT count(*) n FROM effect'), 60, 'all 60 effects');
    expect(second.service.server!.duplicatesSkipped).toBe(0);
  });

  it('a consumer killed mid-batch resumes with every effect exactly once', async () => {
    const topic = `test.counter.${uniqueSuffix()}.v1`;
    const groupId = `counter-killed-${uniqueSuffix()}`;
    const { service, events } = await start({ topic, consume: false });
    await publishCounters(
      service,
      events.incremented,
      Array.from({ length: 300 }, (_, i) => ({ counter: `k${i % 3}`, seq: i, delayMs: 5 })),
    );
    await untilCount(() => messagesInTopic(topic), 300, '300 events in the topic');

    const spawnConsumer = () => {
      const child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', resolve(__dirname, '../test/consumer-process.ts')],
        {
          env: { ...process.env, TEST_DB_URL: db.url, TEST_GROUP: groupId, TEST_TOPIC: topic, LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const progress = { duplicatesSkipped: 0 };
      child.stdout!.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        try {
          Object.assign(progress, JSON.parse(lines[lines.length - 1]));
        } catch {
          /* a partial line: the next one will do */
        }
      });
      return { child, progress };
    };
    const killed = (child: ChildProcess) => new Promise((r) => child.once('exit', r));

    const first = spawnConsumer();
    await eventually(async () => (await count(db.url, 'SELECT count(*) n FROM effect')) >= 60, '60 effects', 120000);
    const exited = killed(first.child);
    first.child.kill('SIGKILL');
    await exited;
    const beforeRestart = await count(db.url, 'SELECT count(*) n FROM effect');
    expect(beforeRestart).toBeLessThan(300);

    const second = spawnConsumer();
    try {
      // the killed member's partitions come back after its session times out (30 s), plus the new process's start:
      // on a busy machine that alone passed 30 s without an effect, so the stall allowed here is 90 s
      await untilCount(() => count(db.url, 'SELECT count(*) n FROM effect'), 300, '300 effects', 90000);
      await eventually(
        async () => second.progress.duplicatesSkipped > 0,
        'the redelivered events to be skipped',
        60000,
      );
      expect(await count(db.url, 'SELECT count(*) n FROM effect')).toBe(300);
      expect(await count(db.url, 'SELECT count(DISTINCT event_id) n FROM effect')).toBe(300);
    } finally {
      const done = killed(second.child);
      second.child.kill('SIGTERM');
      await done;
    }
  });
});
