// The dead-letter topics as the operator CLI reads them (`forma dlq list|show|replay`): every letter with why and where
// it failed (the headers `sendToDeadLetterTopic` writes), and its replay to the topic it came from — the inboxes
// apply an event once, so a consumer that had applied it skips it, and the one that failed applies it now.
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

/** Every letter of the dead-letter topics (or of one), read from their start to their end now. */
async function letters(kafka: Kafka, only?: string): Promise<Letter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.endsWith(DEAD_LETTER_SUFFIX) && (!only || t === only));
  const ends = new Map<string, Map<number, bigint>>();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(topic, new Map(offsets.filter((o) => o.high !== o.low).map((o) => [o.partition, BigInt(o.high)])));
  }
  await admin.disconnect();
  const pending = [...ends].flatMap(([topic, parts]) => [...parts.keys()].map((p) => `${topic}/${p}`));
  if (!pending.length) return [];
  const found: Letter[] = [];
  const left = new Set(pending);
  const consumer = kafka.consumer({ groupId: `forma-cli-dlq-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [...ends.keys()].filter((t) => ends.get(t)!.size), fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          let envelope: { type?: string; id?: string } = {};
          try {
            envelope = JSON.parse(message.value?.toString('utf8') ?? '{}') as typeof envelope;
          } catch {
            // a letter may be the very bytes that were not JSON
          }
          const h = message.headers ?? {};
          found.push({
            key: message.key,
            value: message.value,
            headers: h,
            entry: {
              id: `${topic}/${partition}/${message.offset}`,
              topic,
              partition,
              offset: message.offset,
              originalTopic: text(h, 'dlq-original-topic') || topic.slice(0, -DEAD_LETTER_SUFFIX.length),
              consumerGroup: text(h, 'dlq-consumer-group'),
              reason: text(h, 'dlq-reason'),
              error: text(h, 'dlq-error'),
              failedAt: text(h, 'dlq-failed-at'),
              eventType: typeof envelope.type === 'string' ? envelope.type : null,
              eventId: typeof envelope.id === 'string' ? envelope.id : null,
            },
          });
          if (BigInt(message.offset) + 1n >= ends.get(topic)!.get(partition)!) left.delete(`${topic}/${partition}`);
          if (!left.size) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return found.sort(
    (a, b) =>
      a.entry.topic.localeCompare(b.entry.topic) ||
      a.entry.partition - b.entry.partition ||
      Number(BigInt(a.entry.offset) - BigInt(b.entry.offset)),
  );
}

export async function listDeadLetters(kafka: Kafka, topic?: string): Promise<DeadLetterEntry[]> {
  return (await letters(kafka, topic)).map((l) => l.entry);
}

export async function showDeadLetter(kafka: Kafka, id: string): Promise<(DeadLetterEntry & { value: string }) | null> {
  const letter = (await letters(kafka, id.split('/')[0])).find((l) => l.entry.id === id);
  return letter ? { ...letter.entry, value: letter.value?.toString('utf8') ?? '' } : null;
}

/**
 * Sends a letter back to the topic it came from, unchanged but for its `dlq-*` headers (kept as `replayed-from`):
 * false when there is no such letter.
 */
export async function replayDeadLetter(kafka: Kafka, id: string): Promise<boolean> {
  const letter = (await letters(kafka, id.split('/')[0])).find((l) => l.entry.id === id);
  if (!letter) return false;
  const headers = Object.fromEntries(Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq-')));
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: letter.entry.originalTopic,
      acks: -1,
      messages: [{ key: letter.key, value: letter.value, headers: { ...headers, 'replayed-from': id } }],
    });
  } finally {
    await producer.disconnect();
  }
  return true;
}
