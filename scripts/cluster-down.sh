#!/usr/bin/env bash
# Stops the local cluster started by cluster-up.sh: gateway, silos (gracefully), then PostgreSQL and NATS.
# --purge also deletes its data (.cluster/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD/.cluster
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

for pidfile in "$root"/pids/gateway "$root"/pids/silo*; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
done

if [ -f "$root/pg/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$root/pg" -m fast -w stop >/dev/null
  else "$pg_bin/pg_ctl" -D "$root/pg" -m fast -w stop >/dev/null; fi
fi

if [ -f "$root/pids/nats" ]; then
  kill -TERM "$(cat "$root/pids/nats")" 2>/dev/null || true
  rm -f "$root/pids/nats"
fi

[ "${1:-}" = "--purge" ] && rm -rf "$root"
echo "Ticketing cluster stopped."
