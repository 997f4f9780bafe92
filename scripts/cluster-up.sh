#!/usr/bin/env bash
# Starts a local durable cluster: a throwaway PostgreSQL 15, SILOS silos (default 3) and a gateway (client
# mode) on 127.0.0.1; with STREAMS=nats also Debian's nats-server for the streams and integration events. State
# lives in .cluster/ and survives cluster-down.sh (use --purge there to drop it).
# Gateway: http://localhost:5080   Stop: scripts/cluster-down.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD/.cluster
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_port=${PG_PORT:-55432}
silos=${SILOS:-3}
[[ "$silos" =~ ^[1-9]$ ]] || { echo "SILOS must be 1-9, not '$silos'" >&2; exit 2; }
mkdir -p "$root/logs" "$root/pids"

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ ! -d "$root/pg" ]; then
  mkdir -p "$root/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$root/pg" "$root"
  as_postgres "$pg_bin/initdb" -D "$root/pg" -U postgres --auth=trust >/dev/null
fi
[ "$(id -u)" -eq 0 ] && chown -R postgres "$root/pg"
as_postgres "$pg_bin/pg_ctl" -D "$root/pg" -l "$root/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $root/pg" start >/dev/null
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='ticketing'" | grep -q 1 \
  || as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE ticketing" >/dev/null

[ -f "$root/jwt.key" ] || openssl rand -hex 32 > "$root/jwt.key"
export Ticketing__Storage=Postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ticketing"
export Ticketing__Jwt__SigningKey=$(cat "$root/jwt.key")
export Ticketing__Silo__ClusterId=local Ticketing__Silo__AdvertisedIP=127.0.0.1

# STREAMS=nats: Orleans streams and integration events on a local nats-server (nats/ticketing.conf, JetStream).
if [ "${STREAMS:-memory}" = nats ]; then
  nats_port=${NATS_PORT:-4222}
  nats_server=$(command -v nats-server || echo /usr/sbin/nats-server)
  nohup "$nats_server" -c nats/ticketing.conf -p "$nats_port" -sd "$root/nats" >"$root/logs/nats.log" 2>&1 &
  echo $! > "$root/pids/nats"
  export Ticketing__Streams=Nats Ticketing__Nats__Url=nats://127.0.0.1:$nats_port
fi

dotnet build -c Release --nologo -v quiet >/dev/null
dotnet silo/bin/Release/net10.0/Ticketing.Silo.dll db migrate

for ((i = 0; i < silos; i++)); do
  Ticketing__Silo__SiloPort=$((11111 + i)) Ticketing__Silo__GatewayPort=$((30000 + i)) \
    ASPNETCORE_URLS=http://127.0.0.1:$((5091 + i)) \
    nohup dotnet silo/bin/Release/net10.0/Ticketing.Silo.dll --contentRoot "$PWD/silo" >"$root/logs/silo$i.log" 2>&1 &
  echo $! > "$root/pids/silo$i"
done

Ticketing__Cluster__Mode=Client ASPNETCORE_URLS=http://localhost:5080 \
  nohup dotnet api-gateway/bin/Release/net10.0/Ticketing.Gateway.dll --contentRoot "$PWD/api-gateway" >"$root/logs/gateway.log" 2>&1 &
echo $! > "$root/pids/gateway"

for _ in $(seq 1 120); do
  if curl -fs http://localhost:5080/readyz >/dev/null; then
    echo "Ticketing cluster is up: http://localhost:5080 ($silos silos, PostgreSQL on 127.0.0.1:$pg_port; logs in .cluster/logs)"
    exit 0
  fi
  sleep 1
done
echo "The gateway did not become ready; see .cluster/logs" >&2
exit 1
