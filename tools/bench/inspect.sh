#!/usr/bin/env bash
# Request-inspection benchmark: /api/v2/inspect (JSON form, SQLite, group-commit writer) vs nginx + ModSecurity v3 +
# OWASP CRS 3.3.4 PL1 (../shared/tools/modsec-peer) given the same browser-like requests, in the same run.
# Usage: [DB=sqlite|postgres] tools/bench/inspect.sh [DURATION_SECONDS] [CONNECTIONS...]
#   (needs wrk, nginx, the modsec-peer packages; DB=postgres also Debian's postgresql: a throwaway cluster on loopback)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
PEER="$ROOT/../shared/tools/modsec-peer"
DUR="${1:-10}"; shift || true
CONNS=("${@:-64}")
[ ${#CONNS[@]} -eq 0 ] && CONNS=(64)
WORK="$(mktemp -d /tmp/infsec-inspect-XXXX)"; chmod 755 "$WORK"   # the postgres user reaches its cluster inside
APIPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
PEERPORT=18095
ADMINPASS="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
JWTKEY="$(head -c 48 /dev/urandom | base64 -w0)"
DB="${DB:-sqlite}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true
  [ -d "$WORK/pg" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  "$PEER/stop.sh" "$PEERPORT" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$DB" = postgres ]; then
  PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  PGPASS="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "$PGPASS" > "$WORK/pw"; mkdir "$WORK/pg"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$WORK/pg" "$WORK/pw"
  as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=scram-sha-256 --pwfile="$WORK/pw" -E UTF8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  PROVIDER=Postgres; CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=postgres"
else
  PROVIDER=Sqlite; CS="Data Source=$WORK/bench.db"
fi

[ -f "$WORK/app/InfiniteSecurity.WebApi.dll" ] || dotnet publish "$ROOT/src/WebApi" -c Release --use-current-runtime --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
( cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APIPORT" Logging__LogLevel__Default=Warning \
  Database__Provider="$PROVIDER" ConnectionStrings__Default="$CS" Persistence__SpoolDirectory="$WORK/spool" RateLimiting__Enabled=false \
  Bootstrap__AdminPassword="$ADMINPASS" Jwt__SigningKey="$JWTKEY" DataDirectory="$WORK/data" \
  exec dotnet "$WORK/app/InfiniteSecurity.WebApi.dll" ) > "$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$APIPORT/health/live" >/dev/null && break; sleep 0.2; done
export INFSEC_TOKEN=$(curl -s -X POST "http://127.0.0.1:$APIPORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMINPASS\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
"$PEER/stop.sh" "$PEERPORT" >/dev/null 2>&1 || true
"$PEER/start.sh" 1 "$PEERPORT" >/dev/null
export BENCH_DIR="$HERE"

run() { # name url script conns
  local out; out=$(wrk -t2 -c"$4" -d"${DUR}s" --latency -s "$3" "$2")
  local statuses result; statuses=$(echo "$out" | grep '^statuses'); result=$(echo "$out" | grep '^RESULT')
  echo "| $1 | $MODE | $4 | $(echo "$result" | sed -E 's/.*req\/s=([0-9]+).*/\1/') | $(echo "$result" | sed -E 's/.*p50=([0-9.]+ms).*/\1/') | $(echo "$result" | sed -E 's/.*p99=([0-9.]+ms).*/\1/') | ${statuses#statuses: } |"
}

echo "| system | requests | connections | req/s | p50 | p99 | statuses |"
echo "|---|---|---|---|---|---|---|"
for MODE in benign mixed; do
  export MODE
  wrk -t1 -c4 -d2s -s "$HERE/inspect.lua" "http://127.0.0.1:$APIPORT" >/dev/null   # warm-up
  for c in "${CONNS[@]}"; do
    run "InfiniteSecurity /api/v2/inspect ($DB)" "http://127.0.0.1:$APIPORT" "$HERE/inspect.lua" "$c"
    run "nginx + ModSecurity + CRS 3.3.4 PL1" "http://127.0.0.1:$PEERPORT" "$HERE/inspect-peer.lua" "$c"
  done
done
echo
echo "(wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) CPUs shared by wrk, the service and nginx; ${DUR}s per row, 2 wrk threads)"
