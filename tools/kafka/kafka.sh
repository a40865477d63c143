#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft, combined broker+controller) from Maven Central jars.
# Used by developers, by `npm start`, by `npm test` and by .ci/run. No Docker needed: Java 17 and Maven are.
#
#   bash tools/kafka/kafka.sh start|stop|status|logs|fetch
#
# Environment (all optional):
#   KAFKA_PORT              client port on 127.0.0.1            (default 9092)
#   KAFKA_CONTROLLER_PORT   KRaft controller port on 127.0.0.1  (default KAFKA_PORT+1)
#   FORMA_CACHE_DIR         git-ignored cache for jars and data (default <repo>/.cache)
#   KAFKA_HEAP_OPTS         JVM heap                            (default -Xms256m -Xmx512m)
#   KAFKA_START_TIMEOUT     seconds to wait for readiness       (default 120)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${FORMA_CACHE_DIR:-$repo/.cache}"
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
libs="$cache/kafka/$version/libs"
run="$cache/kafka/run-$port"
pidfile="$run/broker.pid"
logfile="$run/broker.log"
timeout="${KAFKA_START_TIMEOUT:-120}"

say() { echo "[kafka] $*"; }
die() { echo "[kafka] ERROR: $*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid; pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

need_java() {
  command -v java >/dev/null 2>&1 || die "Java is missing: install a JDK 17 (Debian: apt-get install openjdk-17-jre-headless), or run the tests with Docker (FORMA_INFRA=containers)."
  local major
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [ -n "$major" ] && [ "$major" -ge 17 ] || die "Java 17 or later is needed (found: $(java -version 2>&1 | head -1))."
}

fetch() {
  if [ -f "$libs/.complete" ]; then say "jars for Kafka $version already cached in $libs"; return; fi
  command -v mvn >/dev/null 2>&1 || die "Maven is missing: install it (Debian: apt-get install maven) to fetch the Kafka jars from Maven Central."
  say "fetching org.apache.kafka:kafka_2.13:$version and its runtime dependencies from Maven Central into $libs"
  rm -rf "$libs"; mkdir -p "$libs"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs" \
    || die "Maven could not fetch the Kafka jars (is Maven Central reachable?)."
  ls "$libs"/kafka_2.13-"$version".jar >/dev/null 2>&1 || die "kafka_2.13-$version.jar is not in $libs after the fetch."
  touch "$libs/.complete"
  say "cached $(ls "$libs"/*.jar | wc -l) jars"
}

write_config() {
  mkdir -p "$run/data"
  cat > "$run/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$run/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
group.initial.rebalance.delay.ms=0
# one node is its own controller: when the machine's cores are busy (CI next to other jobs), a heartbeat later than the
# default 9 s made the controller fence its own broker, and every partition went offline until it caught up again
# (three fencings in two minutes under two CPU hogs, consumers stalled for over 90 s)
broker.session.timeout.ms=60000
PROPS
}

start() {
  if pid="$(running_pid)"; then
    if port_open "$port"; then say "already running (pid $pid) on 127.0.0.1:$port"; return; fi
  fi
  port_open "$port" && die "port $port is taken by another process; set KAFKA_PORT to a free port."
  need_java
  fetch
  write_config
  local java_opts=(${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$here/log4j.properties")
  if [ ! -f "$run/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(java -cp "$libs/*" "-Dlog4j.configuration=file:$here/log4j.properties" kafka.tools.StorageTool random-uuid | tail -n 1)"
    say "formatting KRaft storage in $run/data (cluster $cluster_id)"
    java -cp "$libs/*" "-Dlog4j.configuration=file:$here/log4j.properties" kafka.tools.StorageTool \
      format -t "$cluster_id" -c "$run/server.properties" --ignore-formatted >"$run/format.log" 2>&1 \
      || { cat "$run/format.log" >&2; die "formatting the storage failed"; }
  fi
  say "starting Kafka $version on 127.0.0.1:$port (controller :$cport), log $logfile"
  : >"$logfile"
  local t0=$SECONDS
  nohup setsid java "${java_opts[@]}" -cp "$libs/*" kafka.Kafka "$run/server.properties" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
  while :; do
    if grep -q "Kafka Server started" "$logfile" && port_open "$port"; then
      say "ready after $((SECONDS - t0)) s (pid $(cat "$pidfile"))"; return
    fi
    if ! running_pid >/dev/null; then
      tail -n 40 "$logfile" >&2; die "the broker exited during start (log above)"
    fi
    if [ $((SECONDS - t0)) -ge "$timeout" ]; then
      tail -n 40 "$logfile" >&2; die "the broker was not ready after $timeout s (log above)"
    fi
    sleep 0.5
  done
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then say "not running on port $port"; rm -f "$pidfile"; return; fi
  say "stopping broker (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; say "stopped"; return; }; sleep 0.5; done
  say "no clean shutdown after 30 s, killing"; kill -KILL "$pid" 2>/dev/null || true; rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)" && port_open "$port"; then say "running (pid $pid) on 127.0.0.1:$port"; else say "not running"; exit 1; fi ;;
  logs) tail -n "${2:-100}" "$logfile" ;;
  fetch) fetch ;;
  reset) stop; rm -rf "$run"; say "data removed" ;;
  *) echo "usage: $0 start|stop|status|logs [n]|fetch|reset" >&2; exit 2 ;;
esac
