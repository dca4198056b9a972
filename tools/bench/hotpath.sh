#!/usr/bin/env bash
# The hot path: POST /api/v1/analyze called by a machine client (rate limiting on, as in production) with benign
# input, with half attacks each stored, and with half attacks repeated (a scanner flood), at the given connection
# counts; side by side with nginx + ModSecurity + CRS 3.3.4 PL1 and plain nginx (../shared/tools/modsec-peer,
# mixed.lua: half attacks) in the same run, rows alternating.
# Usage: [DB=sqlite|postgres] tools/bench/hotpath.sh [DURATION_SECONDS] [CONNECTIONS...]   (default 10 s, 64)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
PEER="$ROOT/../shared/tools/modsec-peer"
DUR="${1:-10}"; shift || true
CONNS=("${@:-64}")
WORK="$(mktemp -d /tmp/infsec-hotpath-XXXX)"; chmod 755 "$WORK"
APIPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
PEERPORT=18096; PLAINPORT=18097
ADMINPASS="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
JWTKEY="$(head -c 48 /dev/urandom | base64 -w0)"
DB="${DB:-sqlite}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true
  [ -d "$WORK/pg" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  "$PEER/stop.sh" "$PEERPORT" >/dev/null 2>&1 || true
  "$PEER/stop.sh" "$PLAINPORT" >/dev/null 2>&1 || true
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

dotnet publish "$ROOT/src/WebApi" -c Release --use-current-runtime --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
( cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APIPORT" \
  Database__Provider="$PROVIDER" ConnectionStrings__Default="$CS" Persistence__SpoolDirectory="$WORK/spool" \
  RateLimiting__MachineClients__PermitsPerSecond=1000000 \
  Bootstrap__AdminPassword="$ADMINPASS" Jwt__SigningKey="$JWTKEY" DataDirectory="$WORK/data" \
  exec dotnet "$WORK/app/InfiniteSecurity.WebApi.dll" ) > "$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$APIPORT/health/live" >/dev/null && break; sleep 0.2; done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
ADMIN=$(curl -sf -X POST "http://127.0.0.1:$APIPORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMINPASS\"}" | json '["access_token"]')
CLIENT=$(curl -sf -X POST "http://127.0.0.1:$APIPORT/api/v1/clients" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"bench-gateway","scopes":["analyze"]}')
CID=$(echo "$CLIENT" | json '["client"]["client_id"]'); CSECRET=$(echo "$CLIENT" | json '["client_secret"]')
export INFSEC_TOKEN=$(curl -sf -X POST "http://127.0.0.1:$APIPORT/connect/token" -u "$CID:$CSECRET" \
  -d 'grant_type=client_credentials&scope=analyze' | json '["access_token"]')
"$PEER/stop.sh" "$PEERPORT" >/dev/null 2>&1 || true; "$PEER/stop.sh" "$PLAINPORT" >/dev/null 2>&1 || true
"$PEER/start.sh" 1 "$PEERPORT" >/dev/null
"$PEER/start.sh" off "$PLAINPORT" >/dev/null

field() { echo "$1" | grep '^RESULT' | sed -E "s/.*$2=([0-9.]+(ms)?).*/\1/"; }
run() { # name requests url script conns [env]
  local out; out=$(env ${6:-} wrk -t2 -c"$5" -d"${DUR}s" --latency -s "$4" "$3")
  local statuses; statuses=$(echo "$out" | grep '^statuses')
  echo "| $1 | $2 | $5 | $(field "$out" 'req\/s') | $(field "$out" p50) | $(field "$out" p99) | ${statuses#statuses: } |"
}

echo "| system | requests | connections | req/s | p50 | p99 | statuses |"
echo "|---|---|---|---|---|---|---|"
wrk -t2 -c16 -d5s -s "$HERE/analyze-mixed.lua" "http://127.0.0.1:$APIPORT" >/dev/null   # warm-up (JIT, pools)
for c in "${CONNS[@]}"; do
  run "InfiniteSecurity /api/v1/analyze ($DB)" "benign" "http://127.0.0.1:$APIPORT" "$HERE/analyze-mixed.lua" "$c" ATTACKS=none
  run "InfiniteSecurity /api/v1/analyze ($DB)" "half attacks, each new" "http://127.0.0.1:$APIPORT" "$HERE/analyze-mixed.lua" "$c"
  run "InfiniteSecurity /api/v1/analyze ($DB)" "half attacks, repeated" "http://127.0.0.1:$APIPORT" "$HERE/analyze-mixed.lua" "$c" ATTACKS=repeat
  run "nginx + ModSecurity + CRS 3.3.4 PL1" "half attacks (mixed.lua)" "http://127.0.0.1:$PEERPORT" "$PEER/mixed.lua" "$c"
  run "plain nginx" "mixed.lua" "http://127.0.0.1:$PLAINPORT" "$PEER/mixed.lua" "$c"
done
echo
echo "(wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) CPUs shared by wrk, the service and nginx; ${DUR}s per row, 2 wrk threads; load before: $(cut -d' ' -f1-3 /proc/loadavg))"
[ -n "${KEEP_LOG:-}" ] && cp "$WORK/api.log" "$KEEP_LOG" || true
