// Fails when two capability folders of an app import each other (apps/<app>/src/<a>/… imports <b>/… and back, in
// files other than specs): docs/architecture.md, "Capabilities". Run by tools/test.sh; tested by folder-loops.spec.ts.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { dirname, join, normalize, relative, sep } = require('node:path');

/** The folder-level imports of an app's sources: Map<folder, Set<folder>>, from (path, text) pairs under `src`. */
function folderImports(src, files) {
  const edges = new Map();
  for (const [path, text] of files) {
    const [folder, ...rest] = relative(src, path).split(sep);
    if (!rest.length) continue; // a file at src/ (module, main, config) wires capabilities: not one itself
    for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
      const [target, ...inside] = relative(src, normalize(join(dirname(path), match[1]))).split(sep);
      if (!inside.length || target === folder || target.startsWith('..')) continue;
      edges.set(folder, (edges.get(folder) ?? new Set()).add(target));
    }
  }
  return edges;
}

/** The pairs of folders that import each other, as "a <-> b". */
function loops(edges) {
  const found = [];
  for (const [a, targets] of edges)
    for (const b of targets) if (a < b && edges.get(b)?.has(a)) found.push(`${a} <-> ${b}`);
  return found.sort();
}

function sources(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec)\.ts$/.test(name) ? [[path, readFileSync(path, 'utf8')]] : [];
  });
}

if (require.main === module) {
  const root = join(__dirname, '../..');
  const problems = readdirSync(join(root, 'apps')).flatMap((app) => {
    const src = join(root, 'apps', app, 'src');
    try {
      statSync(src);
    } catch {
      return [];
    }
    return loops(folderImports(src, sources(src))).map((loop) => `apps/${app}/src: ${loop}`);
  });
  if (problems.length) {
    console.error(`capability folders that import each other:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('[folders] no capability folders import each other');
}

module.exports = { folderImports, loops };
