// The admin app's budget (issue 26): the JavaScript a browser loads before the first page — the shell — under
// 300 kB gzip, each page its own chunk loaded when shown (React.lazy in apps/admin/src/App.tsx). Read from the build
// in dist/admin: the entry named by index.html and every chunk it imports statically or that react-dsfr loads at
// start, gzip -9 as a server would send them; the pages' chunks beside.
//   npm run bench:admin
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFigures } from './figures';

const BUDGET_KB = 300;
const DIST = resolve(__dirname, __dirname.includes(join('dist', 'bench')) ? '../admin' : '../dist/admin');
const ASSETS = join(DIST, 'assets');

const gzipKb = (file: string) => gzipSync(readFileSync(join(ASSETS, file)), { level: 9 }).length / 1024;

/** The chunks a chunk imports statically (`from"./x.js"`, `import"./x.js"`), followed to the end. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(ASSETS, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) visit(match[1]);
  };
  visit(entry);
  return seen;
}

function main(): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/admin/index.html: npm run build first');
  const chunks = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
  const shell = staticClosure(entry);
  // react-dsfr's runtime, imported dynamically by startReactDsfr as the app starts: counted in the shell
  for (const f of chunks.filter((c) => c.startsWith('dsfr.module'))) for (const c of staticClosure(f)) shell.add(c);
  const shellKb = [...shell].reduce((sum, f) => sum + gzipKb(f), 0);
  const lazy = chunks.filter((c) => !shell.has(c));
  const figures = {
    shellKb: Math.round(shellKb * 10) / 10,
    shellChunks: Object.fromEntries([...shell].map((f) => [f, Math.round(gzipKb(f) * 10) / 10])),
    lazyChunks: Object.fromEntries(lazy.map((f) => [f, Math.round(gzipKb(f) * 10) / 10])),
    lazyKb: Math.round(lazy.reduce((sum, f) => sum + gzipKb(f), 0) * 10) / 10,
  };
  console.log(
    `[bench] admin shell ${figures.shellKb} kB gzip of ${BUDGET_KB} kB (${shell.size} chunk(s)); ` +
      `${lazy.length} lazy chunk(s), ${figures.lazyKb} kB`,
  );
  writeFigures({
    bench: 'admin',
    parameters: { budgetKb: BUDGET_KB },
    ratios: {
      shellOverBudget: {
        value: Math.round((shellKb / BUDGET_KB) * 1000) / 1000,
        lowerIsBetter: true,
        meaning: 'the JavaScript loaded before the first page (gzip -9) / the 300 kB budget: at most 1',
      },
    },
    figures,
  });
  if (shellKb > BUDGET_KB) process.exitCode = 1;
}

main();
