import { EVENT_DEFINITIONS } from '@forma/contracts';
import { ensureTopics, kafkaConfig, retryingAdminCall, topicOffsets } from '@forma/messaging';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { eventually } from '@forma/testing';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/** The repository's root, from this file in the sources or compiled under dist/ (a benchmark). */
const REPOSITORY = ((up) => (basename(up) === 'dist' ? dirname(up) : up))(resolve(__dirname, '../../..'));

export interface RunningApp {
  name: string;
  url: string;
  stop(): Promise<void>;
  /** The last 4,000 characters it printed (for a failing test to show). */
  output(): string;
}

/**
 * Starts the compiled `dist/apps/<name>/src/main.js` (built by the tests' global setup, as the image runs it) as its
 * own process on a free port, with this process's environment (the spec's
 * database prefix, consumer-group instance and secrets), and waits until /health answers 200 (or only answers at all,
 * with `healthy: false`). Its output is kept and shown when it does not come up.
 */
export async function startApp(
  name: string,
  env: Record<string, string> = {},
  options = { healthy: true },
): Promise<RunningApp> {
  if ((PLATFORM_SERVICES as readonly string[]).includes(name) && env.FORMA_E2E_REPLAY_HISTORY !== 'true') {
    // a fresh test instance of a consumer would otherwise replay all that the shared broker holds (other suites,
    // earlier runs, a benchmark's 100,000 registrations: minutes for attendance): its group starts where the topics
    // end now. A group that already has offsets (a second replica, a restart) keeps them.
    await startGroupAtEnd(`forma-${name}-${env.FORMA_INSTANCE ?? process.env.FORMA_INSTANCE}`, [
      ...new Set(EVENT_DEFINITIONS.map((d) => d.topic)),
    ]);
  }
  // the app takes any free port and writes it down: probing for a free port first raced with other runs on the machine
  // (another suite's app could take it, and this test would talk to that app)
  const portFile = join(tmpdir(), `forma-port-${name}-${randomUUID()}`);
  // FORMA_APP_NODE_ARGS passes node options to every app (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a
  // benchmark)
  const nodeArgs = (process.env.FORMA_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, resolve(REPOSITORY, `dist/apps/${name}/src/main.js`)],
    {
      env: { ...process.env, ...env, PORT: '0', FORMA_PORT_FILE: portFile, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  // FORMA_E2E_LOG_DIR keeps each app's whole output in a file, for a failure that a tail does not explain
  const log = process.env.FORMA_E2E_LOG_DIR
    ? createWriteStream(resolve(process.env.FORMA_E2E_LOG_DIR, `${name}-${child.pid}.log`))
    : undefined;
  child.stdout!.on('data', (chunk) => ((output = (output + chunk).slice(-4000)), log?.write(chunk)));
  child.stderr!.on('data', (chunk) => ((output = (output + chunk).slice(-4000)), log?.write(chunk)));
  child.once('exit', (code, signal) => log?.end(`\n[exit code ${code} signal ${signal}]\n`));
  let url = '';
  // an exit while starting fails at once (eventually() would only retry the probe until its timeout)
  let settled = false; // ends the probes' loops once the start has succeeded or failed
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`))),
  );
  exited.catch(() => undefined);
  try {
    const port = await Promise.race([
      eventually(async () => settled || readFile(portFile, 'utf8').catch(() => undefined), `${name} to listen`, 150000),
      // a live process that has not listened yet is still starting: under CI with both cores busy, the gateway once
      // took over 60 s before its first line
      exited,
    ]);
    url = `http://127.0.0.1:${port}`;
    await rm(portFile, { force: true });
    await Promise.race([
      eventually(
        async () => {
          if (settled) return true;
          const answer = await fetch(`${url}/health`);
          return options.healthy ? answer.ok : true;
        },
        `${name} to be up`,
        120000,
      ),
      exited,
    ]);
    settled = true;
  } catch (error) {
    settled = true;
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- ${name} output ---\n${output}`);
  }
  return {
    name,
    url,
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Who a test token speaks for, beyond its role: the scope's level and code (default: the académie), the mail. */
export interface TokenScope {
  level?: string;
  code?: string;
  mail?: string;
}

/** `Bearer` tokens from the gateway's development issuer, one per role, académie and scope, minted once. */
export function devTokens(
  gateway: () => string,
): (role: string, academy?: string, scope?: TokenScope) => Promise<string> {
  const tokens = new Map<string, string>();
  return async (role, academy = 'paris', scope = {}) => {
    const key = `${role}@${academy}/${scope.level ?? 'academie'}:${scope.code ?? academy}/${scope.mail ?? ''}`;
    if (!tokens.has(key)) {
      const mint = () =>
        fetch(`${gateway()}/api/v1/dev/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            sub: `dev-${role}-${academy}${scope.code ? `-${scope.code}` : ''}`,
            roles: [role],
            mail: scope.mail,
            scope: { level: scope.level ?? 'academie', code: scope.code ?? academy, academy },
          }),
        });
      // fetch's pool may hand out a kept-alive connection the gateway is closing at that moment (its keep-alive timeout
      // passing under a busy machine): "other side closed", nothing sent; minting again is harmless
      const answer = await mint().catch((error: Error & { cause?: { code?: string } }) => {
        if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
        return mint();
      });
      if (answer.status !== 201) throw new Error(`dev token for ${key}: ${answer.status}`);
      tokens.set(key, ((await answer.json()) as { accessToken: string }).accessToken);
    }
    return `Bearer ${tokens.get(key)}`;
  };
}

/**
 * Runs `consumer` on `topics` from their current end: only what is published from now on is read, however many events
 * earlier runs, `npm start` and benchmarks left on the shared development broker (a benchmark leaves a million). The
 * offsets are taken before the consumer starts, and anything below them is skipped even if it is delivered before the
 * seek applies.
 */
export async function consumeFromNow(
  kafka: Kafka,
  consumer: Consumer,
  topics: string[],
  onValue: (value: string, message: KafkaMessage) => void,
): Promise<{ drained: (service: string) => Promise<void> }> {
  await ensureTopics(kafka, topics);
  const start = new Map<string, bigint>();
  for (const topic of topics) {
    for (const { partition, high } of await topicOffsets(kafka, topic)) start.set(`${topic}/${partition}`, high);
  }
  /** The next offset this consumer will read, per topic and partition. */
  const position = new Map(start);
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const key = `${topic}/${partition}`;
      if (BigInt(message.offset) >= (start.get(key) ?? 0n)) onValue(String(message.value), message);
      position.set(key, BigInt(message.offset) + 1n);
    },
  });
  for (const [key, offset] of start) {
    const [topic, partition] = key.split('/');
    consumer.seek({ topic, partition: Number(partition), offset: String(offset) });
  }
  return {
    /**
     * Resolves once `service` has sent everything its outbox held (a sent row is deleted) and this consumer has read
     * each topic to the end:
     * an event not received by then was never published (what a fixed sleep only hoped for).
     */
    drained: async (service: string) => {
      await eventually(
        async () =>
          Number((await queryService<{ n: string }>(service, 'SELECT count(*) AS n FROM outbox_message'))[0].n) === 0,
        `${service}'s outbox sent`,
        120000,
      );
      const ends = new Map<string, bigint>();
      for (const topic of topics)
        for (const { partition, high } of await topicOffsets(kafka, topic)) ends.set(`${topic}/${partition}`, high);
      await eventually(
        async () => [...ends].every(([key, high]) => (position.get(key) ?? 0n) >= high),
        `the topics ${topics.join(', ')} read to their end`,
        120000,
      );
    },
  };
}

/** One SQL statement on a service's own database (what a test checks behind the API), on its own connection. */
export async function queryService<T>(service: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrlFor(service) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * How many events a service has applied so far (its inbox): the progress of a consumer catching up on topics that hold
 * earlier runs' events, for waits that follow progress rather than a fixed budget (eventuallyWhileProgressing).
 */
export function applied(service: string): () => Promise<number> {
  return async () =>
    Number((await queryService<{ n: string }>(service, 'SELECT count(*) AS n FROM inbox_message'))[0].n);
}

/**
 * Commits a consumer group's offsets at the current end of `topics` before the service joins it: the service then reads
 * only what is published from now on (its own test's events), however much the broker already holds. One member joins
 * the group once, commits every partition's end offset and leaves (kafkajs's admin.setOffsets joins once per topic:
 * over a minute for reporting's topics on a busy CI machine, and it cannot run in parallel).
 */
export async function startGroupAtEnd(groupId: string, topics: string[]): Promise<void> {
  const kafka = new Kafka(kafkaConfig(`e2e-offsets-${randomUUID().slice(0, 8)}`));
  await ensureTopics(kafka, topics);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await retryingAdminCall(() => admin.fetchOffsets({ groupId, topics }));
    if (committed.some((t) => t.partitions.some((p) => Number(p.offset) >= 0))) return;
  } finally {
    await admin.disconnect();
  }
  const ends = (
    await Promise.all(
      topics.map(async (topic) =>
        (await topicOffsets(kafka, topic)).map((p) => ({ topic, partition: p.partition, offset: String(p.high) })),
      ),
    )
  ).flat();
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    consumer.pause(topics.map((topic) => ({ topic })));
    await joined;
    await consumer.commitOffsets(ends);
  } finally {
    await consumer.disconnect();
  }
}

/** The five services behind the gateway, each with its own database. */
export const PLATFORM_SERVICES = ['catalog', 'enrolment', 'attendance', 'remuneration', 'reporting'] as const;

/**
 * Creates the spec's databases and starts every service (enrolment without convocations) and the gateway in front of
 * them: what the suites that go through the whole platform share. Returns the apps (the gateway last) and its address.
 */
export async function startPlatform(
  env: Partial<Record<(typeof PLATFORM_SERVICES)[number], Record<string, string>>> = {},
  gatewayEnv: Record<string, string> = {},
): Promise<{ apps: RunningApp[]; gateway: string }> {
  for (const service of PLATFORM_SERVICES) await ensureDatabase(databaseUrlFor(service));
  const services = await Promise.all(
    PLATFORM_SERVICES.map((name) =>
      startApp(name, { ...(name === 'enrolment' ? { CONVOCATIONS_ENABLED: 'false' } : {}), ...env[name] }),
    ),
  );
  const urls = Object.fromEntries(services.map((app) => [`${app.name.toUpperCase()}_URL`, app.url]));
  const gateway = await startApp('gateway', { ...urls, ...gatewayEnv }, { healthy: false });
  return { apps: [...services, gateway], gateway: gateway.url };
}

/** Stops what startPlatform started and drops the spec's databases. */
export async function stopPlatform(apps: RunningApp[]): Promise<void> {
  await Promise.all(apps.map((app) => app.stop()));
  for (const service of PLATFORM_SERVICES) await dropDatabase(databaseUrlFor(service));
}
