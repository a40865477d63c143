// The dead-letter topics as the operator CLI reads them (`forma dlq list|show|replay|discard`): every letter with
// why and where it failed (the headers `sendToDeadLetterTopic` writes), and its replay to the topic it came from —
// the inboxes apply an event once, so a consumer that had applied it skips it, and the one that failed applies it now.
import { DEAD_LETTER_SUFFIX } from '@forma/contracts';
import { IHeaders, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface DeadLetterEntry {
  /** `<topic>.dlq/<partition>/<offset>`: what `show` and `replay` are given. */
  id: string;
  topic: string;
  partition: number;
  offset: string;
  originalTopic: string;
  consumerGroup: string;
  reason: string;
  error: string;
  failedAt: string;
  eventType: string | null;
  eventId: string | null;
  /** The last decision an operator took on it (replayed, discarded), if any. */
  decision: DeadLetterDecision | null;
}

const text = (headers: IHeaders | undefined, name: string): string => {
  const value = headers?.[name];
  return value === undefined ? '' : String(Array.isArray(value) ? value[0] : value);
};

interface Letter {
  entry: DeadLetterEntry;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

interface Read {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

/** Every message of `topics` (those that `pick` keeps), read from their start to their end now, in order. */
async function readToEnd(kafka: Kafka, pick: (topic: string) => boolean): Promise<Read[]> {
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter(pick);
  const ends = new Map<string, Map<number, bigint>>();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(topic, new Map(offsets.filter((o) => o.high !== o.low).map((o) => [o.partition, BigInt(o.high)])));
  }
  await admin.disconnect();
  const pending = [...ends].flatMap(([topic, parts]) => [...parts.keys()].map((p) => `${topic}/${p}`));
  if (!pending.length) return [];
  const found: Read[] = [];
  const left = new Set(pending);
  const consumer = kafka.consumer({ groupId: `forma-cli-dlq-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [...ends.keys()].filter((t) => ends.get(t)!.size), fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const { key, value, offset } = message;
          found.push({ topic, partition, offset, key, value, headers: message.headers ?? {} });
          if (BigInt(offset) + 1n >= ends.get(topic)!.get(partition)!) left.delete(`${topic}/${partition}`);
          if (!left.size) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return found.sort(
    (a, b) =>
      a.topic.localeCompare(b.topic) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
  );
}

/** Every letter of the dead-letter topics (or of one), with the last decision taken on it. */
async function letters(kafka: Kafka, only?: string): Promise<Letter[]> {
  const taken = await decisions(kafka);
  const read = await readToEnd(kafka, (t) => t.endsWith(DEAD_LETTER_SUFFIX) && (!only || t === only));
  return read.map(({ topic, partition, offset, key, value, headers: h }) => {
    let envelope: { type?: string; id?: string } = {};
    try {
      envelope = JSON.parse(value?.toString('utf8') ?? '{}') as typeof envelope;
    } catch {
      // a letter may be the very bytes that were not JSON
    }
    const id = `${topic}/${partition}/${offset}`;
    return {
      key,
      value,
      headers: h,
      entry: {
        id,
        topic,
        partition,
        offset,
        originalTopic: text(h, 'dlq-original-topic') || topic.slice(0, -DEAD_LETTER_SUFFIX.length),
        consumerGroup: text(h, 'dlq-consumer-group'),
        reason: text(h, 'dlq-reason'),
        error: text(h, 'dlq-error'),
        failedAt: text(h, 'dlq-failed-at'),
        eventType: typeof envelope.type === 'string' ? envelope.type : null,
        eventId: typeof envelope.id === 'string' ? envelope.id : null,
        decision: taken.get(id) ?? null,
      },
    };
  });
}

/**
 * What operators decided on letters, kept on a topic of its own (a dead-letter topic is never rewritten): each
 * replay and each discard, with its reason and time; a letter's last decision is the one that counts.
 */
export const DECISIONS_TOPIC = 'forma.dlq-decisions';

export interface DeadLetterDecision {
  letter: string;
  decision: 'replayed' | 'discarded';
  reason: string | null;
  at: string;
}

async function decisions(kafka: Kafka): Promise<Map<string, DeadLetterDecision>> {
  const read = await readToEnd(kafka, (t) => t === DECISIONS_TOPIC);
  const taken = new Map<string, DeadLetterDecision>();
  for (const { value } of read) {
    const decision = JSON.parse(value?.toString('utf8') ?? '{}') as DeadLetterDecision;
    taken.set(decision.letter, decision);
  }
  return taken;
}

async function recordDecision(kafka: Kafka, decision: DeadLetterDecision): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(DECISIONS_TOPIC))
      await admin.createTopics({ topics: [{ topic: DECISIONS_TOPIC, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({
      topic: DECISIONS_TOPIC,
      acks: -1,
      messages: [{ key: decision.letter, value: JSON.stringify(decision) }],
    });
  } finally {
    await producer.disconnect();
  }
}

/** The letters still waiting for a decision (all of them, decided or not, with `all`). */
export async function listDeadLetters(kafka: Kafka, topic?: string, all = false): Promise<DeadLetterEntry[]> {
  return (await letters(kafka, topic)).map((l) => l.entry).filter((e) => all || !e.decision);
}

export async function showDeadLetter(kafka: Kafka, id: string): Promise<(DeadLetterEntry & { value: string }) | null> {
  const letter = (await letters(kafka, id.split('/')[0])).find((l) => l.entry.id === id);
  return letter ? { ...letter.entry, value: letter.value?.toString('utf8') ?? '' } : null;
}

/**
 * Sends a letter back to the topic it came from, unchanged but for its `dlq-*` headers (kept as `replayed-from`):
 * false when there is no such letter.
 */
export async function replayDeadLetter(kafka: Kafka, id: string, at = new Date()): Promise<false | { offset: string }> {
  const letter = (await letters(kafka, id.split('/')[0])).find((l) => l.entry.id === id);
  if (!letter) return false;
  const headers = Object.fromEntries(Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq-')));
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let offset: string;
  try {
    const [sent] = await producer.send({
      topic: letter.entry.originalTopic,
      acks: -1,
      messages: [{ key: letter.key, value: letter.value, headers: { ...headers, 'replayed-from': id } }],
    });
    offset = sent.baseOffset ?? sent.offset ?? '';
  } finally {
    await producer.disconnect();
  }
  await recordDecision(kafka, { letter: id, decision: 'replayed', reason: null, at: at.toISOString() });
  return { offset };
}

/** Sets a letter aside for good, with the reason kept (the letter stays on its topic): false when there is none. */
export async function discardDeadLetter(kafka: Kafka, id: string, reason: string, at = new Date()): Promise<boolean> {
  const letter = (await letters(kafka, id.split('/')[0])).find((l) => l.entry.id === id);
  if (!letter) return false;
  await recordDecision(kafka, { letter: id, decision: 'discarded', reason, at: at.toISOString() });
  return true;
}
