import 'reflect-metadata';
import { ensureTopics } from './topic-admin';
import { kafkaConfig } from './kafka-options';
import { uniqueSuffix } from '@forma/testing';
import { Kafka, logLevel } from 'kafkajs';
import { discardDeadLetter, listDeadLetters, replayDeadLetter, showDeadLetter } from './dead-letters';

// `forma dlq` on the real broker: a letter is listed with why it failed, shown whole, and replayed to its topic once.
describe('forma dlq, on Kafka', () => {
  const run = uniqueSuffix();
  const kafka = new Kafka({ ...kafkaConfig(`cli-dlq-${run}`), logLevel: logLevel.NOTHING });
  const topic = `test.cli-dlq.${run}.v1`;
  const envelope = { id: `event-${run}`, type: 'CounterIncremented', data: { by: 1 } };

  beforeAll(async () => {
    await ensureTopics(kafka, [topic]);
    const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: `${topic}.dlq`,
      messages: [1, 2].map((n) => ({
        key: `counter-${n}`,
        value: JSON.stringify(envelope),
        headers: {
          'x-correlation-id': 'c1',
          'dlq-reason': 'handler-failed',
          'dlq-error': 'Error: counter unknown',
          'dlq-original-topic': topic,
          'dlq-consumer-group': 'forma-example',
          'dlq-failed-at': '2027-07-05T10:00:00.000Z',
        },
      })),
    });
    await producer.disconnect();
  });

  it('lists a letter with why and where it failed, and shows it whole', async () => {
    const [letter] = await listDeadLetters(kafka, `${topic}.dlq`);
    expect(letter).toMatchObject({
      originalTopic: topic,
      consumerGroup: 'forma-example',
      reason: 'handler-failed',
      error: 'Error: counter unknown',
      eventType: 'CounterIncremented',
      eventId: envelope.id,
    });
    expect(JSON.parse((await showDeadLetter(kafka, letter.id))!.value)).toEqual(envelope);
    expect(await showDeadLetter(kafka, `${topic}.dlq/0/999`)).toBeNull();
  });

  it('replays a letter to its topic, unchanged but for its dead-letter headers', async () => {
    const [letter] = await listDeadLetters(kafka, `${topic}.dlq`);
    expect(await replayDeadLetter(kafka, letter.id)).toMatchObject({ offset: expect.stringMatching(/^\d+$/) });
    const consumer = kafka.consumer({ groupId: `cli-dlq-read-${run}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const replayed = await new Promise<{ key: string; value: string; headers: Record<string, string> }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) =>
          resolve({
            key: message.key!.toString(),
            value: message.value!.toString(),
            headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          }),
      });
    });
    await consumer.disconnect();
    expect([replayed.key, JSON.parse(replayed.value)]).toEqual(['counter-1', envelope]);
    expect(replayed.headers).toEqual({ 'x-correlation-id': 'c1', 'replayed-from': letter.id });
    // replayed: no longer waiting, still there with its decision
    expect((await listDeadLetters(kafka, `${topic}.dlq`)).map((l) => l.id)).not.toContain(letter.id);
    const all = await listDeadLetters(kafka, `${topic}.dlq`, true);
    expect(all.find((l) => l.id === letter.id)?.decision).toMatchObject({ decision: 'replayed', reason: null });
  });

  it('discards a letter with its reason kept, and refuses one that does not exist', async () => {
    const waiting = await listDeadLetters(kafka, `${topic}.dlq`);
    expect(waiting).toHaveLength(1); // the other was replayed
    const [letter] = waiting;
    expect(
      await discardDeadLetter(kafka, letter.id, 'Compteur supprimé depuis', new Date('2027-07-06T08:00:00Z')),
    ).toBe(true);
    expect(await listDeadLetters(kafka, `${topic}.dlq`)).toEqual([]);
    const discarded = (await listDeadLetters(kafka, `${topic}.dlq`, true)).find((l) => l.id === letter.id);
    expect(discarded?.decision).toEqual({
      letter: letter.id,
      decision: 'discarded',
      reason: 'Compteur supprimé depuis',
      at: '2027-07-06T08:00:00.000Z',
    });
    expect(await discardDeadLetter(kafka, `${topic}.dlq/0/999`, 'rien')).toBe(false);
  });
});
