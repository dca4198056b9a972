#!/usr/bin/env bash
# Request-inspection benchmark: /api/v2/inspect (JSON form, SQLite, group-commit writer) vs nginx + ModSecurity v3 +
# OWASP CRS 3.3.4 PL1 (../shared/tools/modsec-peer) given the same browser-like requests, in the same run.
# Usage: [DB=sqlite|postgres] tools/bench/inspect.sh [DURATION_SECONDS] [CONNECTIONS...]
#   (needs wrk, nginx, the modsec-peer packages; DB=postgres also Debian's postgresql: a throwaway cluster on loopback)
set -euo pipefail
DUR="${1:-10}"; shift || true
CONNS=("${@:-64}")
# shellcheck source=tools/bench/service.sh
source "$(dirname "$0")/service.sh"
PEERPORT=18095
start_service
start_peer 1 "$PEERPORT"
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
  wrk -t2 -c64 -d20s -s "$HERE/inspect.lua" "http://127.0.0.1:$APIPORT" >/dev/null   # warm-up (tier-1 JIT)
  for c in "${CONNS[@]}"; do
    run "InfiniteSecurity /api/v2/inspect ($DB)" "http://127.0.0.1:$APIPORT" "$HERE/inspect.lua" "$c"
    run "nginx + ModSecurity + CRS 3.3.4 PL1" "http://127.0.0.1:$PEERPORT" "$HERE/inspect-peer.lua" "$c"
  done
done
echo
echo "(wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) CPUs shared by wrk, the service and nginx; ${DUR}s per row, 2 wrk threads)"
