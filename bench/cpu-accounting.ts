// CPU seconds spent by the processes a benchmark drives (Linux /proc): this process (every thread), PostgreSQL's
// processes and the Kafka broker's JVM. Wall time on a 2-core machine moves ±20% from run to run; CPU seconds tell
// where the work goes. Elsewhere than Linux the figures are left out.
import { readdir, readFile } from 'node:fs/promises';

export interface CpuSnapshot {
  node: number;
  postgres: number;
  kafka: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

async function processTicks(pid: string): Promise<{ comm: string; cmdline: string; ticks: number } | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const cmdline = comm === 'java' || comm === 'node' ? await readFile(`/proc/${pid}/cmdline`, 'utf8') : '';
    // utime + stime, and the same for children already waited for
    return { comm, cmdline, ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined; // the process ended while being read
  }
}

export async function cpuSnapshot(): Promise<CpuSnapshot | undefined> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p));
  } catch {
    return undefined;
  }
  const snapshot: CpuSnapshot = { node: 0, postgres: 0, kafka: 0 };
  for (const pid of pids) {
    const p = await processTicks(pid);
    if (!p) continue;
    if (pid === String(process.pid)) snapshot.node += p.ticks / TICKS_PER_SECOND;
    else if (p.comm === 'postgres') snapshot.postgres += p.ticks / TICKS_PER_SECOND;
    else if (p.comm === 'java' && p.cmdline.includes('kafka.Kafka')) snapshot.kafka += p.ticks / TICKS_PER_SECOND;
  }
  return snapshot;
}

export function cpuSpent(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined): CpuSnapshot | undefined {
  if (!before || !after) return undefined;
  const round = (n: number) => +n.toFixed(2);
  return {
    node: round(after.node - before.node),
    postgres: round(after.postgres - before.postgres),
    kafka: round(after.kafka - before.kafka),
  };
}

/**
 * CPU seconds of the platform's own processes (`dist/apps/<name>/src/main.js`, as startApp runs them), PostgreSQL and
 * the broker.
 */
export async function platformCpuSnapshot(apps: readonly string[]): Promise<Record<string, number> | undefined> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p));
  } catch {
    return undefined;
  }
  const snapshot: Record<string, number> = Object.fromEntries(
    [...apps, 'postgres', 'kafka', 'benchmark'].map((name) => [name, 0]),
  );
  for (const pid of pids) {
    const p = await processTicks(pid);
    if (!p) continue;
    const app = apps.find((name) => p.cmdline.includes(`dist/apps/${name}/src/main.js`));
    const name =
      pid === String(process.pid)
        ? 'benchmark'
        : (app ??
          (p.comm === 'postgres'
            ? 'postgres'
            : p.comm === 'java' && p.cmdline.includes('kafka.Kafka')
              ? 'kafka'
              : undefined));
    if (name) snapshot[name] += p.ticks / TICKS_PER_SECOND;
  }
  return snapshot;
}

export function platformCpuSpent(
  before: Record<string, number> | undefined,
  after: Record<string, number> | undefined,
): Record<string, number> | undefined {
  if (!before || !after) return undefined;
  return Object.fromEntries(Object.keys(after).map((name) => [name, +(after[name] - (before[name] ?? 0)).toFixed(2)]));
}
