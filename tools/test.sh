#!/usr/bin/env bash
# The whole test suite: format, typecheck, lint (with the Nx module boundaries), the Nx graph check, then Jest (unit and
# integration tests). Integration tests use a real Kafka broker and PostgreSQL: testcontainers when a Docker engine
# answers, otherwise tools/kafka/kafka.sh and the local server (FORMA_INFRA=auto|local|containers, see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node24.sh
echo "== node $(node --version)"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
t0=$SECONDS
echo "== format (Prettier: npm run format writes it)"; npx prettier --check --log-level warn .
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit && npx tsc -p apps/admin/tsconfig.json
# the graph first: the lint's module-boundaries rule reads the graph Nx caches, and is skipped without it
echo "== project graph"; node tools/check-graph.js
echo "== capability folders"; node tools/lint/folder-loops.js
echo "== lint"; npx eslint --max-warnings=0 apps libs tools bench
echo "== redis"; bash tools/redis/ensure.sh
echo "== browser"; bash tools/browser/ensure.sh
echo "== admin app components (Vitest, Testing Library)"; npx vitest run --config apps/admin/vite.config.ts
echo "== tests"; npx jest --ci "$@"
echo "== all checks passed in $((SECONDS - t0)) s"
