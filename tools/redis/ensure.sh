#!/usr/bin/env bash
# Makes sure a Redis answers on REDIS_PORT (6379): the gateway's rate limits are tested over two gateways sharing it.
# Starts Debian's redis-server when it is installed but not running (no persistence: counters only), installs it
# with apt-get when it is missing and the user may (CI runs as root).
set -euo pipefail
port="${REDIS_PORT:-6379}"
if redis-cli -p "$port" ping >/dev/null 2>&1; then echo "[redis] answering on 127.0.0.1:$port"; exit 0; fi
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
  else echo "[redis] redis-server is missing: sudo apt-get install redis-server" >&2; exit 1; fi
fi
redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && { echo "[redis] started on 127.0.0.1:$port"; exit 0; }; sleep 0.1; done
echo "[redis] did not answer on 127.0.0.1:$port" >&2; exit 1
