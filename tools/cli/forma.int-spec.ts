import 'reflect-metadata';
import { consumerLags, ensureTopics, kafkaConfig } from '@forma/messaging';
import { eventuallyWhileProgressing, uniqueSuffix } from '@forma/testing';
import { Kafka, logLevel } from 'kafkajs';
import { outboxes, program, status } from './forma';

// The operator CLI's status on the real broker: a group's lag follows its committed offsets, a dead-letter topic's
// count its messages, and a gateway that does not answer is down (exit code 1 for scripts).
describe('forma status, on Kafka', () => {
  const run = uniqueSuffix();
  const kafka = new Kafka({ ...kafkaConfig(`cli-spec-${run}`), logLevel: logLevel.NOTHING });
  const topic = `test.cli.${run}.v1`;
  const group = `cli-spec-${run}`;

  beforeAll(async () => {
    await ensureTopics(kafka, [topic]); // and its .dlq twin
    const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `${i}` })) });
    await producer.send({ topic: `${topic}.dlq`, messages: [{ key: 'k0', value: 'poison' }] });
    await producer.disconnect();
  });

  it('counts a group’s lag from its committed offsets, and says when it never committed', async () => {
    expect((await consumerLags(kafka, [group], [topic])).get(group)).toEqual([{ topic, lag: 5, committed: false }]);
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.low })),
    });
    expect((await consumerLags(kafka, [group], [topic])).get(group)).toEqual([{ topic, lag: 5, committed: true }]);
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
    });
    await admin.disconnect();
    expect((await consumerLags(kafka, [group], [topic])).get(group)).toEqual([{ topic, lag: 0, committed: true }]);
  });

  it('shows a group’s lag rise while a burst is published and fall to nothing as it is consumed', async () => {
    const burst = `test.cli-burst.${run}.v1`;
    const reader = `cli-burst-${run}`;
    await ensureTopics(kafka, [burst]);
    const consumer = kafka.consumer({ groupId: reader });
    await consumer.connect();
    await consumer.subscribe({ topic: burst, fromBeginning: true });
    let consumed = 0;
    // a consumer slower than the burst: each batch takes 20 ms of work before its offsets are committed
    await consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        consumed += batch.messages.length;
      },
    });
    const lags: number[] = [];
    const lag = async () => {
      const [topic] = (await consumerLags(kafka, [reader], [burst])).get(reader)!;
      lags.push(topic.lag);
      return topic.lag;
    };
    // idempotent: a send retried on a busy broker must not add a message (a CI run counted 10,356 of 10,000)
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 20; i += 1) {
      await producer.send({
        topic: burst,
        messages: Array.from({ length: 500 }, (_, j) => ({ key: `k${j % 7}`, value: `${i}-${j}` })),
      });
      await lag();
    }
    await producer.disconnect();
    // consumed to the end: the lag falls as the reader's commits follow its progress
    await eventuallyWhileProgressing(
      async () => (await lag()) === 0,
      async () => consumed,
      'the burst consumed',
    );
    await consumer.disconnect();
    expect(consumed).toBe(10_000);
    const peak = Math.max(...lags);
    expect(peak).toBeGreaterThan(0);
    expect(lags.indexOf(peak)).toBeLessThan(lags.length - 1);
    expect(lags.at(-1)).toBe(0);
  }, 120000);

  it('reports a gateway that does not answer as down, and each dead-letter topic’s messages', async () => {
    const s = await status('http://127.0.0.1:9', kafka, undefined, `none-${run}`);
    expect(s.gateway.up).toBe(false);
    expect(s.consumers).toEqual([]); // no group of this instance
    expect(s.deadLetters).toContainEqual({ topic: `${topic}.dlq`, messages: 1 });
  });

  it('reads the outboxes only with a token, and says so', async () => {
    const s = await status('http://127.0.0.1:9', kafka, undefined, `none-${run}`);
    expect(s.outboxes).toBeNull();
    expect(s.outboxesRefused).toMatch(/jeton du rôle operator/);
    expect(await outboxes('http://127.0.0.1:9', 'a-token')).toEqual({
      outboxes: null,
      refused: expect.stringMatching(/^la passerelle ne répond pas/),
    });
  });

  it('speaks French: its help and commander’s errors', async () => {
    const cli = program();
    const help = cli.helpInformation();
    expect(help).toMatch(/^Utilisation : forma/);
    expect(help).toContain('Commandes :');
    expect(help).toContain('affiche cette aide');
    const token = cli.commands.find((c) => c.name() === 'token')!;
    const tokenHelp = token.helpInformation().replace(/\s+/g, ' '); // commander wraps at the terminal's width
    expect(tokenHelp).toContain('--level <niveau> le niveau du périmètre (valeurs : "academie"');
    expect(tokenHelp).toContain('par défaut : "academie")');
    let written = '';
    const failing = program()
      .exitOverride()
      .configureOutput({ writeErr: (text) => (written += text) });
    await expect(failing.parseAsync(['node', 'forma', 'replay'])).rejects.toMatchObject({ exitCode: 1 });
    expect(written).toContain('erreur : commande inconnue « replay »');
  });

  it('refuses a command it does not know, with its help', async () => {
    const cli = program()
      .exitOverride()
      .configureOutput({ writeErr: () => undefined });
    await expect(cli.parseAsync(['node', 'forma', 'replay'])).rejects.toMatchObject({ exitCode: 1 });
  });
});
