# Sourced by .ci/run, tools/test.sh and tools/platform.sh: Forma runs on Node 24 LTS. Where the machine's node is older,
# the `node` package of the npm registry (a devDependency: its binary comes in a registry package, nothing else is
# downloaded) is put first on the PATH, so every `node`, `npx` and script below runs on it; said once.
if [[ "$(node --version)" != v24.* ]]; then
  machine_node="$(node --version)"
  if [[ ! -x "$PWD/node_modules/.bin/node" ]] || [[ "$("$PWD/node_modules/.bin/node" --version)" != v24.* ]]; then
    echo "Node 24 is needed (this machine has $machine_node): run npm ci first, which installs it from the npm registry" >&2
    exit 1
  fi
  export PATH="$PWD/node_modules/.bin:$PATH"
  if [[ -z "${FORMA_NODE_SAID:-}" ]]; then
    echo "== Node $(node --version) from node_modules/.bin (the npm registry's node package), not this machine's $machine_node"
    export FORMA_NODE_SAID=1
  fi
fi
