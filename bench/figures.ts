// A benchmark's figures, kept like a test's expectations: each run writes bench/figures/<name>.json (ratios first,
// then the raw figures), committed with the change that moved them; `npm run bench` compares a run with them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

/** bench/figures in the source tree, from this file compiled in dist/bench or run from bench/. */
export const FIGURES_DIRECTORY = resolve(
  __dirname,
  __dirname.includes(`${join('dist', 'bench')}`) ? '../../bench' : '.',
  'figures',
);

export interface Figures {
  bench: string;
  /** What the run was given (rows, marks, rate...): ratios compare only between runs of the same parameters. */
  parameters: Record<string, number | string>;
  /** Each ratio against a floor measured in the same run; `lowerIsBetter` says which way is a regression. */
  ratios: Record<string, { value: number; lowerIsBetter: boolean; meaning: string }>;
  machine: { cpus: number; node: string };
  figures: unknown;
}

export function writeFigures(figures: Omit<Figures, 'machine'>): void {
  mkdirSync(FIGURES_DIRECTORY, { recursive: true });
  const file = join(FIGURES_DIRECTORY, `${figures.bench}.json`);
  const whole: Figures = { ...figures, machine: { cpus: cpus().length, node: process.version } };
  // a short list of numbers on one line, as Prettier (the test command's format check) writes it
  const text = JSON.stringify(whole, null, 2).replace(
    /\[\s*(-?[\d.]+(?:,\s*-?[\d.]+)*)\s*\]/g,
    (_, list: string) => `[${list.split(/,\s*/).join(', ')}]`,
  );
  writeFileSync(file, `${text}\n`);
  console.error(`[bench] figures written to bench/figures/${figures.bench}.json`);
}

/** The p-th percentile of a run's values (nearest rank). */
export const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/** Milliseconds as figures write them: one decimal. */
export const ms = (v: number) => +v.toFixed(1);
