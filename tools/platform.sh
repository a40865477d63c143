#!/usr/bin/env bash
# Starts the whole platform on this machine: a real Kafka broker (KRaft, from Maven Central jars), the databases on
# the local PostgreSQL server, and the six apps, each in its own process, compiled to dist/ first (tools/build).
# `npm start` runs it; Ctrl-C stops the apps.
#   bash tools/platform.sh start   (foreground; logs in .cache/logs/<app>.log)
#   bash tools/platform.sh stop    (stops the broker too)
set -euo pipefail
cd "$(dirname "$0")/.."
apps=(catalog enrolment attendance remuneration reporting gateway)
declare -A ports=([gateway]=3000 [catalog]=3001 [enrolment]=3002 [attendance]=3003 [remuneration]=3004 [reporting]=3005)
logs=.cache/logs

# Development defaults: every one can be overridden from the environment.
export INTERNAL_AUTH_SECRET="${INTERNAL_AUTH_SECRET:-dev-internal-secret-change-me-0123456789}"
export AUTH_JWT_SECRET="${AUTH_JWT_SECRET:-dev-user-token-secret-change-me-0123456789}"
export AUTH_DEV_ISSUER_ENABLED="${AUTH_DEV_ISSUER_ENABLED:-true}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
# The apps run with the image's memory flags (Dockerfile, bench/README.md); npm and the build keep their own.
APP_NODE_OPTIONS="${APP_NODE_OPTIONS:---max-old-space-size=192 --max-semi-space-size=8}"

start() {
  [ -d node_modules ] || npm ci --no-audit --no-fund
  node tools/build/build.js
  bash tools/kafka/kafka.sh start
  node -r @swc-node/register tools/db/create-databases.ts
  mkdir -p "$logs"
  pids=()
  trap 'echo "[platform] stopping apps"; kill "${pids[@]}" 2>/dev/null; wait; exit 0' INT TERM
  for app in "${apps[@]}"; do
    PORT="${ports[$app]}" NODE_OPTIONS="$APP_NODE_OPTIONS" node "dist/apps/$app/src/main.js" >"$logs/$app.log" 2>&1 &
    pids+=($!)
    echo "[platform] $app started (pid $!, port ${ports[$app]}, log $logs/$app.log)"
  done
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:3000/health" >/dev/null 2>&1; then
      echo "[platform] ready: gateway http://127.0.0.1:3000 — OpenAPI http://127.0.0.1:3000/docs — health /health"
      echo "[platform] a development token: curl -s -XPOST localhost:3000/api/v1/dev/tokens -H 'content-type: application/json' \\"
      echo "             -d '{\"sub\":\"dev-admin\",\"roles\":[\"dafpen-admin\"],\"scope\":{\"level\":\"academie\",\"code\":\"guyane\",\"academy\":\"guyane\"}}'"
      wait
      return
    fi
    sleep 1
  done
  echo "[platform] the gateway is not healthy after 120 s; see $logs/*.log and http://127.0.0.1:3000/health" >&2
  wait
}

case "${1:-start}" in
  start) start ;;
  stop) pkill -f "dist/apps/.*/src/main.js" || true; bash tools/kafka/kafka.sh stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
