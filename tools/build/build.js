// Compiles the apps, libs and benchmarks to JavaScript in dist/ (same tree), as services run in production:
//   node tools/build/build.js            then   node dist/apps/<app>/src/main.js
// Running TypeScript through @swc-node/register costs each process ~100 MB of memory (compiler and source maps in
// memory); compiled JavaScript does not. Specs are not compiled. Takes about a second.
const { transformFile } = require('@swc/core');
const { copyFile, mkdir, readdir, rm, writeFile } = require('node:fs/promises');
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { root, swcOptions } = require('./swc-options');

const SOURCES = ['apps', 'libs', 'bench'];
const out = join(root, 'dist');
const ADMIN = join(root, 'apps', 'admin');

/** TypeScript sources (not specs), and the data files that sit beside them under a src/ folder (a CSV snapshot). */
async function* sourceFiles(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (path === ADMIN) continue; // a browser app: Vite builds it (below)
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts')) {
      if (!/\.(spec|int-spec)\.ts$/.test(entry.name)) yield { path, compile: true };
    } else if (/\/src\//.test(path)) yield { path, compile: false };
  }
}

async function main() {
  const started = Date.now();
  await rm(out, { recursive: true, force: true });
  const options = swcOptions({ sourceMaps: true, paths: true });
  let count = 0;
  for (const source of SOURCES.filter((s) => existsSync(join(root, s)))) {
    for await (const { path: file, compile } of sourceFiles(join(root, source))) {
      if (!compile) {
        const copy = join(out, relative(root, file));
        await mkdir(dirname(copy), { recursive: true });
        await copyFile(file, copy);
        continue;
      }
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, {
        ...options,
        filename: file,
        sourceFileName: relative(dirname(target), file),
      });
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) await writeFile(`${target}.map`, map);
      count += 1;
    }
  }
  console.log(`[build] ${count} files compiled to dist/ in ${Date.now() - started} ms`);
  buildAdmin();
}

/**
 * The admin app (apps/admin) into dist/admin, which the gateway serves: the design system's CSS, fonts and the icons
 * the screens use copied from the react-dsfr package into its public folder first (no CDN), then Vite.
 */
function buildAdmin() {
  const started = Date.now();
  const run = (script, args, cwd = root) =>
    execFileSync(process.execPath, [join(root, 'node_modules', script), ...args], { cwd, stdio: 'pipe' });
  mkdirSync(join(ADMIN, 'public'), { recursive: true });
  run('@codegouvfr/react-dsfr/bin/copy-dsfr-to-public.js', ['--projectDir', '.'], ADMIN);
  // the copy keeps only what dsfr.min.css names: the icons the app's screens use (fr-icon-qr-code-line...) are written,
  // and icons.min.css narrowed to them, by react-dsfr's own script (it reads the app's sources)
  run('@codegouvfr/react-dsfr/bin/only-include-used-icons.js', ['--projectDir', '.'], ADMIN);
  run('vite/bin/vite.js', ['build', '--config', join(ADMIN, 'vite.config.ts'), '--logLevel', 'error']);
  console.log(`[build] the admin app built to dist/admin in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
