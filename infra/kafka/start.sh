#!/usr/bin/env bash
# Starts a single-node Apache Kafka 4.4.0 (KRaft, broker + controller) on 127.0.0.1:9092 for
# tests and CI, from Apache's own artifacts on Maven Central. Idempotent: when our broker is
# already up it says so and exits 0. Stop it with stop.sh.
#
# Environment:
#   MAVEN_OPTS           passed to mvn, e.g. -Dmaven.repo.local=/path for another local repository
#   KAFKA_START_TIMEOUT  seconds to wait for the broker to accept connections (default 60)
#   KAFKA_HEAP           JVM max heap (default 256m; the broker idles at about 230 MiB RSS)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runtime="$here/.runtime"
libs="$runtime/libs"
pid_file="$runtime/kafka.pid"
log_file="$runtime/kafka.log"
data_dir_file="$runtime/kafka.datadir"
timeout="${KAFKA_START_TIMEOUT:-60}"
heap="${KAFKA_HEAP:-256m}"

say() { echo "kafka: $*"; }
fail() { echo "kafka: error: $*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when the pid file names a live kafka.Kafka process (guards against a recycled pid).
our_broker_alive() {
  [[ -f "$pid_file" ]] || return 1
  local pid; pid="$(cat "$pid_file")"
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'kafka\.Kafka'
}

command -v java >/dev/null || fail "java not found (Java 17+ is required)"
command -v mvn >/dev/null || fail "mvn not found (Maven fetches the broker from Maven Central)"
mkdir -p "$runtime"

if our_broker_alive; then
  if port_open 9092; then
    say "already running (pid $(cat "$pid_file")) on 127.0.0.1:9092"
    exit 0
  fi
  fail "a broker started by this script (pid $(cat "$pid_file")) is alive but not accepting connections; run stop.sh"
fi
rm -f "$pid_file"

for port in 9092 9093; do
  if port_open "$port"; then
    fail "127.0.0.1:$port is already in use by another process; stop it (or a leftover broker) first"
  fi
done

# Fetch the jars once per pom.xml version; Maven caches them in ~/.m2, so a refetch is local.
stamp="$(sha256sum "$here/pom.xml" | cut -d' ' -f1)"
if [[ "$(cat "$libs/.fetched" 2>/dev/null || true)" != "$stamp" ]]; then
  say "fetching Kafka jars from Maven Central into $libs (about 40 s with an empty ~/.m2, 2 s from its cache)"
  fetch_start=$SECONDS
  rm -rf "$libs"
  # Maven's output goes to a file and is shown only when it fails: it is noise otherwise.
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs" >"$runtime/mvn.log" 2>&1 \
    || { cat "$runtime/mvn.log" >&2; fail "mvn could not fetch the Kafka jars (is Maven Central reachable?)"; }
  echo "$stamp" >"$libs/.fetched"
  say "fetched $(find "$libs" -name '*.jar' | wc -l) jars in $((SECONDS - fetch_start)) s"
fi

# A fresh log dir every start: tests never see topics or offsets from an earlier run.
if [[ -f "$data_dir_file" ]]; then rm -rf "$(cat "$data_dir_file")"; fi
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/mib-kafka.XXXXXX")"
echo "$data_dir" >"$data_dir_file"
properties="$runtime/server.properties"
{ cat "$here/server.properties"; echo; echo "log.dirs=$data_dir"; } >"$properties"

java_opts=(-Xmx"$heap" -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  -Dlog4j2.configurationFile="$here/log4j2.properties")

# StorageTool wants a 22-character base64url cluster id (a UUID's 16 bytes). One in 64 random ids
# starts with '-', which its argument parser reads as an option ("-t: expected one argument"):
# the first character is made a letter, which leaves a valid id.
cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-22)"
case "$cluster_id" in -*) cluster_id="K${cluster_id#?}" ;; esac
java "${java_opts[@]}" -cp "$libs/*" kafka.tools.StorageTool format \
  -t "$cluster_id" -c "$properties" >"$log_file" 2>&1 \
  || { tail -n 20 "$log_file" >&2; fail "formatting storage in $data_dir failed"; }

say "starting broker (log: $log_file)"
start_time=$SECONDS
nohup java "${java_opts[@]}" -cp "$libs/*" kafka.Kafka "$properties" >>"$log_file" 2>&1 &
pid=$!
echo "$pid" >"$pid_file"

# The broker binds 9092 only once it is registered and unfenced, so an open port means ready.
until port_open 9092; do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$pid_file"
    tail -n 30 "$log_file" >&2
    fail "broker exited during start-up (see $log_file)"
  fi
  if ((SECONDS - start_time >= timeout)); then
    tail -n 30 "$log_file" >&2
    "$here/stop.sh" >&2 || true
    fail "broker not ready on 127.0.0.1:9092 after ${timeout} s"
  fi
  sleep 0.2
done
say "ready on 127.0.0.1:9092 in $((SECONDS - start_time)) s (pid $pid)"
