#!/usr/bin/env bash
# Batch vs single analyze: inputs analysed per second over HTTP, SQLite, group-commit writer, rate limiting off.
# Same input mix both ways (1 in 5 a distinct attack, stored). Inputs/s = requests/s x items per request.
# Usage: tools/bench/batch.sh [DURATION_SECONDS] [BATCH_SIZE]   (needs wrk)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
DUR="${1:-10}"; export BATCH_SIZE="${2:-100}"
WORK="$(mktemp -d /tmp/infsec-batch-XXXX)"
APIPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
ADMINPASS="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
JWTKEY="$(head -c 48 /dev/urandom | base64 -w0)"
cleanup() { [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet publish "$ROOT/src/WebApi" -c Release --use-current-runtime --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
( cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APIPORT" Logging__LogLevel__Default=Warning \
  ConnectionStrings__Default="Data Source=$WORK/bench.db" Persistence__SpoolDirectory="$WORK/spool" Api__MaxRequestBodyBytes=4194304 \
  RateLimiting__Enabled=false Bootstrap__AdminPassword="$ADMINPASS" Jwt__SigningKey="$JWTKEY" DataDirectory="$WORK/data" DataProtection__AllowUnencryptedKeyRing=true \
  exec dotnet "$WORK/app/InfiniteSecurity.WebApi.dll" ) > "$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$APIPORT/health/live" >/dev/null && break; sleep 0.2; done
export INFSEC_TOKEN=$(curl -s -X POST "http://127.0.0.1:$APIPORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMINPASS\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

echo "| calls | items per call | connections | requests/s | inputs analysed/s | p50 latency | p99 latency |"
echo "|---|---|---|---|---|---|---|"
for conns in 1 16; do
  for mode in single batch; do
    script="$HERE/analyze-$mode.lua"; per=$([ "$mode" = batch ] && echo "$BATCH_SIZE" || echo 1)
    threads=$([ "$conns" -eq 1 ] && echo 1 || echo 2)
    wrk -t1 -c2 -d2s -s "$script" "http://127.0.0.1:$APIPORT" >/dev/null
    out=$(wrk -t$threads -c$conns -d${DUR}s --latency -s "$script" "http://127.0.0.1:$APIPORT")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    inputs=$(python3 -c "print(round($rps*$per))")
    echo "| $mode | $per | $conns | $rps | $inputs | $p50 | $p99 |${non2xx:+ non-2xx: $non2xx}"
  done
done
echo
echo "(wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) CPUs shared by wrk and the service; ${DUR}s per row after a 2s warm-up; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg))"
