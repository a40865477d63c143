import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { OutboxRelayStatus, RelayControl } from './outbox.relay';

/** What the worker needs to build its relay: plain data, copied into the thread. */
export interface RelayThreadSettings {
  clientId: string;
  brokers: string[];
  databaseUrl: string;
  topics: string[];
  batchSize?: number;
  pollIntervalMs?: number;
}

export type RelayThreadMessage = { kind: 'status'; status: OutboxRelayStatus } | { kind: 'stop' } | { kind: 'stopped' };

const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 15000;

/**
 * Runs the outbox relay in a worker thread. kafkajs encodes every record, its CRC and its partition hash in
 * JavaScript: on the main thread, relaying 100,000 events of a bulk import would take seconds of the event loop from
 * the import and from HTTP requests. The worker reports its health and count; if it dies, it is started again.
 */
export class ThreadedOutboxRelay implements RelayControl {
  private readonly logger = new Logger('OutboxRelay');
  private worker: Worker | undefined;
  private stopping = false;
  private status: OutboxRelayStatus = { healthy: true, sentCount: 0 };
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly settings: RelayThreadSettings) {}

  get healthy(): boolean {
    return this.status.healthy;
  }

  get error(): string | undefined {
    return this.status.error;
  }

  get sentCount(): number {
    return this.status.sentCount;
  }

  start(): void {
    if (this.worker || this.stopping) return;
    const { script, execArgv } = workerScript();
    const worker = new Worker(script, {
      workerData: this.settings,
      execArgv,
      // a round holds at most `batchSize` rows (~2.5 MB) and one produce request: small heaps keep the thread's memory
      // near its live data (it is restarted, and the rows sent again, should it ever run out)
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
    worker.on('message', (message: RelayThreadMessage) => {
      if (message.kind === 'status') this.status = message.status;
    });
    worker.on('error', (error) => {
      this.status = { ...this.status, healthy: false, error: `relay thread failed: ${error.message}` };
      this.logger.error(this.status.error);
    });
    worker.on('exit', () => {
      this.worker = undefined;
      if (this.stopping) return;
      this.restartTimer = setTimeout(() => this.start(), RESTART_DELAY_MS);
      this.restartTimer.unref();
    });
    this.worker = worker;
  }

  /** Asks the thread to finish its round and disconnect (at most 15 s), then ends it. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      worker.once('exit', done);
      worker.on('message', (message: RelayThreadMessage) => message.kind === 'stopped' && done());
      worker.postMessage({ kind: 'stop' } satisfies RelayThreadMessage);
    });
    await worker.terminate();
  }
}

/**
 * The worker's script. Compiled, it sits beside this file. From sources (tests, tools), it is the compiled copy in
 * `dist/` when the build is there (the tests' global setup builds it): compiling TypeScript inside every new thread
 * cost seconds per relay start on a loaded machine (issue 12: the messaging suite's first effect came 4 s late).
 * Without a build, the thread compiles the sources the way the process does.
 */
function workerScript(): { script: string; execArgv?: string[] } {
  if (extname(__filename) !== '.ts') return { script: join(__dirname, 'outbox-relay.worker.js') };
  const root = resolve(__dirname, '../../../..');
  const compiled = join(root, 'dist', relative(root, __dirname), 'outbox-relay.worker.js');
  if (existsSync(compiled)) return { script: compiled };
  const execArgv = process.execArgv.join(' ').includes('@swc-node/register')
    ? undefined
    : [...process.execArgv, '-r', '@swc-node/register'];
  return { script: join(__dirname, 'outbox-relay.worker.ts'), execArgv };
}
