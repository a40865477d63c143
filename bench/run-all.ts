// `npm run bench`: runs every benchmark one after the other (each alone on the machine), each writing its figures to
// bench/figures/<name>.json, and says which ratio moved more than 15 % from the committed figures (git diff shows
// the rest). Exit code: 1 if a benchmark failed; 2 with --strict if a ratio got worse by more than 15 %.
//   npm run bench [-- --only import,latency] [--strict]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES_DIRECTORY, type Figures } from './figures';

/** Each benchmark as its npm script runs it (compiled; the import with the image's memory flags and malloc arena). */
const BENCHES: { name: string; args: string[]; env?: Record<string, string> }[] = [
  {
    name: 'import',
    env: { MALLOC_ARENA_MAX: '1' },
    args: [
      '--expose-gc',
      '--max-old-space-size=192',
      '--max-semi-space-size=4',
      'dist/bench/enrolment-import.bench.js',
    ],
  },
  { name: 'latency', args: ['dist/bench/presence-latency.bench.js'] },
  { name: 'live', args: ['dist/bench/live-bilan.bench.js'] },
  { name: 'consumers', args: ['dist/bench/consumers.bench.js'] },
  { name: 'reporting', args: ['dist/bench/reporting.bench.js', process.env.BENCH_MARKS ?? '200000'] },
  { name: 'admin', args: ['dist/bench/admin.bench.js'] },
  { name: 'pages', args: ['dist/bench/admin-pages.bench.js'] },
];
export const MOVED = 0.15;

const read = (name: string): Figures | undefined => {
  const file = join(FIGURES_DIRECTORY, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figures) : undefined;
};

/** Each ratio of a run against the committed one: how far it moved, and whether that is worse. */
export function compare(before: Figures | undefined, after: Figures) {
  return Object.entries(after.ratios).map(([ratio, { value, lowerIsBetter }]) => {
    const was = before?.ratios[ratio]?.value;
    const change = was === undefined || was === 0 ? undefined : (value - was) / was;
    const worse = change !== undefined && (lowerIsBetter ? change > MOVED : change < -MOVED);
    const moved = change !== undefined && Math.abs(change) > MOVED;
    return { ratio, was, now: value, change, moved, worse };
  });
}

function main(): void {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : [];
  const strict = process.argv.includes('--strict');
  let failed = false;
  let worse = false;
  for (const bench of BENCHES.filter((b) => !only.length || only.includes(b.name))) {
    const before = read(bench.name);
    console.error(`[bench] ${bench.name}: node ${bench.args.join(' ')}`);
    const run = spawnSync(process.execPath, bench.args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...bench.env },
    });
    const after = read(bench.name);
    if (run.status !== 0 || !after) {
      console.error(`[bench] ${bench.name} failed (exit ${run.status})`);
      failed = true;
      continue;
    }
    if (before && JSON.stringify(before.parameters) !== JSON.stringify(after.parameters)) {
      console.error(`[bench] ${bench.name}: other parameters than the committed run's, nothing compared`);
      continue;
    }
    for (const row of compare(before, after)) {
      const change =
        row.change === undefined ? 'new' : `${row.change > 0 ? '+' : ''}${(row.change * 100).toFixed(1)} %`;
      const flag = row.worse ? '  <- WORSE by more than 15 %' : row.moved ? '  <- moved more than 15 %' : '';
      console.error(`[bench]   ${row.ratio}: ${row.was ?? '-'} -> ${row.now} (${change})${flag}`);
      worse ||= row.worse;
    }
  }
  process.exitCode = failed ? 1 : strict && worse ? 2 : 0;
}

if (require.main === module) main();
