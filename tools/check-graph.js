// Asks Nx for the project graph and fails when an app depends on another app, or contracts on anything of ours.
const { execFileSync } = require('node:child_process');
const { readFileSync, mkdirSync } = require('node:fs');

mkdirSync('dist', { recursive: true });
execFileSync('npx', ['nx', 'graph', '--file=dist/graph.json'], { stdio: ['ignore', 'ignore', 'inherit'] });
const { graph } = JSON.parse(readFileSync('dist/graph.json', 'utf8'));
const tags = (name) => graph.nodes[name]?.data?.tags ?? [];
const isApp = (name) => tags(name).includes('type:app');
const problems = [];
for (const [source, deps] of Object.entries(graph.dependencies)) {
  for (const { target } of deps) {
    if (!graph.nodes[target]) continue; // npm packages
    if (isApp(source) && isApp(target)) problems.push(`${source} -> ${target}: an app imports an app`);
    if (source === 'contracts') problems.push(`contracts -> ${target}: contracts must depend on nothing`);
  }
}
const apps = Object.keys(graph.nodes).filter(isApp).sort();
console.log(`[graph] ${Object.keys(graph.nodes).length} projects; apps: ${apps.join(', ')}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
