#!/usr/bin/env bash
# The hot path: POST /api/v1/analyze called by a machine client (rate limiting on, as in production) with benign
# input, with half attacks each stored, and with half attacks repeated (a scanner flood), at the given connection
# counts; side by side with nginx + ModSecurity + CRS 3.3.4 PL1 and plain nginx (../shared/tools/modsec-peer,
# mixed.lua: half attacks) in the same run, rows alternating.
# Usage: [DB=sqlite|postgres] tools/bench/hotpath.sh [DURATION_SECONDS] [CONNECTIONS...]   (default 10 s, 64)
set -euo pipefail
DUR="${1:-10}"; shift || true
CONNS=("${@:-64}")
# shellcheck source=tools/bench/service.sh
source "$(dirname "$0")/service.sh"
PEERPORT=18096; PLAINPORT=18097
start_service
start_peer 1 "$PEERPORT"
start_peer off "$PLAINPORT"

run() { # name requests url script conns [env]
  local out; out=$(env ${6:-} wrk -t2 -c"$5" -d"${DUR}s" --latency -s "$4" "$3")
  local statuses; statuses=$(echo "$out" | grep '^statuses')
  echo "| $1 | $2 | $5 | $(field "$out" 'req\/s') | $(field "$out" p50) | $(field "$out" p99) | ${statuses#statuses: } |"
}

echo "| system | requests | connections | req/s | p50 | p99 | statuses |"
echo "|---|---|---|---|---|---|---|"
wrk -t2 -c64 -d20s -s "$HERE/analyze-mixed.lua" "http://127.0.0.1:$APIPORT" >/dev/null   # warm-up (tier-1 JIT, pools)
for c in "${CONNS[@]}"; do
  run "InfiniteSecurity /api/v1/analyze ($DB)" "benign" "http://127.0.0.1:$APIPORT" "$HERE/analyze-mixed.lua" "$c" ATTACKS=none
  run "InfiniteSecurity /api/v1/analyze ($DB)" "half attacks, each new" "http://127.0.0.1:$APIPORT" "$HERE/analyze-mixed.lua" "$c"
  run "InfiniteSecurity /api/v1/analyze ($DB)" "half attacks, repeated" "http://127.0.0.1:$APIPORT" "$HERE/analyze-mixed.lua" "$c" ATTACKS=repeat
  run "nginx + ModSecurity + CRS 3.3.4 PL1" "half attacks (mixed.lua)" "http://127.0.0.1:$PEERPORT" "$PEER/mixed.lua" "$c"
  run "plain nginx" "mixed.lua" "http://127.0.0.1:$PLAINPORT" "$PEER/mixed.lua" "$c"
done
echo
echo "(wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) CPUs shared by wrk, the service and nginx; ${DUR}s per row, 2 wrk threads; load before: $(cut -d' ' -f1-3 /proc/loadavg))"
