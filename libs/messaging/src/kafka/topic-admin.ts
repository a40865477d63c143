import { DEAD_LETTER_SUFFIX, deadLetterTopic } from '@forma/contracts';
import { Admin, Kafka, KafkaJSError } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  partitions?: number;
}

/**
 * Creates the topics (and their `.dlq` twins) that do not exist yet. The broker does not auto-create topics: each
 * service declares what it publishes and consumes, with the partitions it means (`KAFKA_TOPIC_PARTITIONS`, default 3).
 */
export async function ensureTopics(kafka: Kafka, topics: string[], withDeadLetters = true): Promise<string[]> {
  const partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3);
  const replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1);
  const wanted = new Set(topics.flatMap((t) => (withDeadLetters ? [t, deadLetterTopic(t)] : [t])));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter((t) => !existing.has(t));
    if (missing.length) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
        });
      } catch (error) {
        // Another service created some of them at the same moment, or the broker created them but its metadata does not
        // show them yet (a fresh KRaft broker answers "does not host this topic-partition" while waiting for leaders):
        // fine, as long as they all exist within a few seconds.
        if (!(await allListed(admin, missing))) throw error;
      }
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** Whether every topic of `topics` is listed by the broker, asked again for up to `attempts` × 250 ms. */
async function allListed(admin: Admin, topics: string[], attempts = 120): Promise<boolean> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const now = new Set(await admin.listTopics());
    if (topics.every((t) => now.has(t))) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * An admin call asked again while the broker answers a retriable error, for up to `attempts` × 250 ms (about 30 s by
 * default). A topic created a moment ago, or a broker just started, may have partitions without a leader yet ("not the
 * leader for that topic-partition") or a group coordinator still loading `__consumer_offsets` ("not the correct
 * coordinator for this group"), which kafkajs's admin does not retry for fetchOffsets.
 */
export async function retryingAdminCall<T>(call: () => Promise<T>, attempts = 120): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retriable = error instanceof KafkaJSError && error.retriable;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The low and high offsets of each partition of `topic` (retriable errors asked again: `retryingAdminCall`). */
export async function topicOffsets(
  kafka: Kafka,
  topic: string,
  attempts = 120,
): Promise<{ partition: number; low: bigint; high: bigint }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await retryingAdminCall(() => admin.fetchTopicOffsets(topic), attempts);
    return offsets.map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) }));
  } finally {
    await admin.disconnect();
  }
}

/** A consumer group's lag on one topic: the messages past its committed offsets (a partition never committed: all). */
export interface TopicLag {
  topic: string;
  lag: number;
  committed: boolean;
}

/**
 * The lag of each of `groupIds` on each of `topics` (what the operator CLI's status shows): the topics' ends are read
 * once for all the groups.
 */
export async function consumerLags(
  kafka: Kafka,
  groupIds: string[],
  topics: string[],
): Promise<Map<string, TopicLag[]>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, { partition: number; low: string; high: string }[]>();
    for (const topic of topics) ends.set(topic, await retryingAdminCall(() => admin.fetchTopicOffsets(topic)));
    const lags = new Map<string, TopicLag[]>();
    for (const groupId of groupIds) {
      const committed = await retryingAdminCall(() => admin.fetchOffsets({ groupId, topics }));
      lags.set(
        groupId,
        committed.map(({ topic, partitions }) => {
          let lag = 0;
          for (const end of ends.get(topic)!) {
            const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            lag += Number(end.high) - (offset >= 0 ? offset : Number(end.low));
          }
          return { topic, lag, committed: partitions.some((p) => Number(p.offset) >= 0) };
        }),
      );
    }
    return lags;
  } finally {
    await admin.disconnect();
  }
}

/** The messages each dead-letter topic holds (end minus start offsets). */
export async function deadLetterCounts(kafka: Kafka): Promise<{ topic: string; messages: number }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.endsWith(DEAD_LETTER_SUFFIX)).sort();
    const counts = [];
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      counts.push({ topic, messages: offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0) });
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}
