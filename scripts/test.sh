#!/usr/bin/env bash
# Runs every test of Ticketing: the .NET suites (grains on an Orleans test cluster, the HTTP contract
# through the real gateway, the durable cluster on a throwaway PostgreSQL), the storefront's component
# tests and its end-to-end flows in headless Chromium. Installs the Debian packages the tests need
# when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nats-server ] || command -v nats-server >/dev/null || missing+=(nats-server)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..."
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Ticketing.sln --nologo 2>&1 | tee "$log" || status=$?

# One plain closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i + 1); if ($i == "Failed:") f += $(i + 1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"
