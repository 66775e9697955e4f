#!/usr/bin/env bash
# Stops the broker started by start.sh (SIGTERM, then SIGKILL after KAFKA_STOP_TIMEOUT seconds,
# default 30) and deletes its temp log dir. Idempotent: exits 0 when nothing is running.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runtime="$here/.runtime"
pid_file="$runtime/kafka.pid"
data_dir_file="$runtime/kafka.datadir"
timeout="${KAFKA_STOP_TIMEOUT:-30}"

say() { echo "kafka: $*"; }

is_our_broker() {
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'kafka\.Kafka'
}

if [[ -f "$pid_file" ]]; then
  pid="$(cat "$pid_file")"
  if is_our_broker "$pid"; then
    say "stopping broker (pid $pid)"
    kill -TERM "$pid"
    start_time=$SECONDS
    # A controlled shutdown takes under 3 s here; SIGKILL only if it hangs.
    while is_our_broker "$pid"; do
      if ((SECONDS - start_time >= timeout)); then
        say "still running after ${timeout} s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
    say "stopped in $((SECONDS - start_time)) s"
  else
    say "not running (removing stale pid file)"
  fi
  rm -f "$pid_file"
else
  say "not running"
fi

if [[ -f "$data_dir_file" ]]; then
  rm -rf "$(cat "$data_dir_file")"
  rm -f "$data_dir_file"
fi
