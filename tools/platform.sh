#!/usr/bin/env bash
# Starts the whole platform on this machine: a real Kafka broker (KRaft, from Maven Central jars), the databases on
# the local PostgreSQL server, and the six apps, each in its own process, compiled to dist/ first (tools/build).
# `npm start` runs it; Ctrl-C stops the apps.
#   bash tools/platform.sh start   (foreground; logs in .cache/logs/<app>.log)
#   bash tools/platform.sh stop    (stops the apps this script started, by pid, and the broker)
#   bash tools/platform.sh reset   (stops, drops the databases, empties the broker: npm run reset)
# The apps and their ports come from the service manifest (libs/platform/src/service-manifest.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
logs=.cache/logs
pidfile=.cache/platform.pids

# Development defaults: every one can be overridden from the environment.
export INTERNAL_AUTH_SECRET="${INTERNAL_AUTH_SECRET:-dev-internal-secret-change-me-0123456789}"
export AUTH_JWT_SECRET="${AUTH_JWT_SECRET:-dev-user-token-secret-change-me-0123456789}"
export AUTH_DEV_ISSUER_ENABLED="${AUTH_DEV_ISSUER_ENABLED:-true}"
# development mode: the committed secrets and the development token issuer are refused in production mode (the default)
export FORMA_MODE="${FORMA_MODE:-development}"
# the demo signs in some thirty fictitious people from this machine's address in its first minute
export RATE_LIMIT_SIGN_IN_PER_MINUTE="${RATE_LIMIT_SIGN_IN_PER_MINUTE:-600}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
# The apps run with the image's memory flags and one malloc arena (Dockerfile, bench/README.md); npm and the build keep
# their own.
APP_NODE_OPTIONS="${APP_NODE_OPTIONS:---max-old-space-size=192 --max-semi-space-size=4}"

# PostgreSQL: the server at PG_ADMIN_URL when one answers, else an embedded PostgreSQL 15 (the embedded-postgres
# registry package's binaries, data under .cache/postgres) on the same port, kept by a process of its own (its pid in
# .cache/postgres.pid, stopped by npm stop).
ensure_postgres() {
  if node -r @swc-node/register tools/db/postgres.ts answers; then return; fi
  mkdir -p .cache
  node -r @swc-node/register tools/db/postgres.ts serve >.cache/postgres.log 2>&1 &
  echo $! >.cache/postgres.pid
  PG_ADMIN_URL="$(node -r @swc-node/register tools/db/postgres.ts url)"
  export PG_ADMIN_URL
  for _ in $(seq 1 120); do
    if node -r @swc-node/register tools/db/postgres.ts answers; then
      head -1 .cache/postgres.log
      return
    fi
    sleep 1
  done
  echo "[platform] the embedded PostgreSQL did not start: .cache/postgres.log" >&2
  cat .cache/postgres.log >&2
  exit 1
}

start() {
  if [ ! -d node_modules ]; then
    echo "[platform] installing dependencies (npm ci; about two minutes on a fresh machine)..."
    npm ci --no-audit --no-fund
  fi
  source tools/node24.sh
  ensure_postgres
  echo "[platform] compiling to dist/"
  node tools/build/build.js
  echo "[platform] starting the Kafka broker (the first start fetches its jars through Maven: about a minute)"
  bash tools/kafka/kafka.sh start
  echo "[platform] creating the databases"
  dbs="$(node -r @swc-node/register tools/db/create-databases.ts)"
  echo "$dbs"
  # empty databases met for the first time: the demo académie runs once the platform is up (FORMA_DEMO=false skips it)
  if grep -q '^\[db\] catalog: .* created$' <<<"$dbs"; then touch .cache/demo.todo; fi
  mkdir -p "$logs"
  # name and port of each app, from the manifest; the gateway starts last
  mapfile -t manifest < <(node -e "const m = require('./dist/libs/platform/src/service-manifest.js').SERVICE_MANIFEST;
    for (const s of [...m.filter((s) => s.name !== 'gateway'), ...m.filter((s) => s.name === 'gateway')]) console.log(s.name + ' ' + s.port)")
  pids=()
  : >"$pidfile"
  trap 'echo "[platform] stopping the apps (pids ${pids[*]})"; kill "${pids[@]}" 2>/dev/null; wait; rm -f "$pidfile";
        echo "[platform] the Kafka broker keeps running (its data too): bash tools/kafka/kafka.sh stop, or npm stop"; exit 0' INT TERM
  gateway_port=3000
  for entry in "${manifest[@]}"; do
    read -r app port <<<"$entry"
    [ "$app" = gateway ] && gateway_port=$port
    PORT="$port" NODE_OPTIONS="$APP_NODE_OPTIONS" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}" node "dist/apps/$app/src/main.js" >"$logs/$app.log" 2>&1 &
    pids+=($!)
    echo "$! $app" >>"$pidfile"
    echo "[platform] $app started (pid $!, port $port, log $logs/$app.log)"
  done
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$gateway_port/health" >/dev/null 2>&1; then
      echo "[platform] ready: gateway http://127.0.0.1:3000 — OpenAPI http://127.0.0.1:3000/docs — health /health"
      echo "[platform] a development token: curl -s -XPOST localhost:3000/api/v1/dev/tokens -H 'content-type: application/json' \\"
      echo "             -d '{\"sub\":\"dev-admin\",\"roles\":[\"dafpen-admin\"],\"scope\":{\"level\":\"academie\",\"code\":\"guyane\",\"academy\":\"guyane\"}}'"
      run_demo
      wait
      return
    fi
    sleep 1
  done
  echo "[platform] the gateway is not healthy after 120 s; see $logs/*.log and http://127.0.0.1:3000/health" >&2
  wait
}

# The demo académie (libs/demo, `npm run forma -- demo`): on the first start over empty databases, or when FORMA_DEMO=true;
# never when FORMA_DEMO=false. A demo that stops leaves the platform running and says why.
run_demo() {
  if [ "${FORMA_DEMO:-}" = false ]; then rm -f .cache/demo.todo; return; fi
  if [ "${FORMA_DEMO:-}" != true ] && [ ! -f .cache/demo.todo ]; then return; fi
  echo "[platform] the demo académie: a fictitious school year through the API, then its bilans (FORMA_DEMO=false skips it)"
  if node tools/cli/bin.js demo; then
    rm -f .cache/demo.todo
  else
    echo "[platform] the demo stopped (see above); the platform keeps running: npm run forma -- demo runs it again" >&2
  fi
}

# Stops only the processes this script started (their pids are in $pidfile, each checked to still be a Forma app).
stop() {
  if [ -f "$pidfile" ]; then
    while read -r pid app; do
      if [ -n "$pid" ] && grep -qs "dist/apps/$app/src/main.js" "/proc/$pid/cmdline"; then
        kill "$pid" && echo "[platform] stopped $app (pid $pid)"
      fi
    done <"$pidfile"
    rm -f "$pidfile"
  else
    echo "[platform] no apps started by npm start are recorded ($pidfile)"
  fi
  bash tools/kafka/kafka.sh stop
  if [ -f .cache/postgres.pid ] && grep -qs "tools/db/postgres.ts" "/proc/$(cat .cache/postgres.pid)/cmdline"; then
    kill "$(cat .cache/postgres.pid)" && echo "[platform] stopped the embedded PostgreSQL (its data stays in .cache/postgres)"
  fi
  rm -f .cache/postgres.pid
}

# Back to an empty platform (`npm run reset`): the apps and the broker stopped, the services' databases dropped, the
# broker's data removed; the next `npm start` meets empty databases and runs the demo again.
reset() {
  stop
  source tools/node24.sh
  ensure_postgres
  node -r @swc-node/register tools/db/create-databases.ts drop
  bash tools/kafka/kafka.sh reset
  if [ -f .cache/postgres.pid ]; then kill "$(cat .cache/postgres.pid)"; rm -f .cache/postgres.pid; fi
  echo "[platform] reset: the next npm start begins on empty databases (and runs the demo)"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  reset) reset ;;
  *) echo "usage: $0 start|stop|reset" >&2; exit 2 ;;
esac
