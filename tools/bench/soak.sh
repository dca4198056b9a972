#!/usr/bin/env bash
# Soak: POST /api/v1/analyze (machine client, half attacks each stored) at about half of the measured peak for
# MINUTES minutes, in 30-second segments; after each segment the service's resident memory (RSS), the segment's
# latency percentiles and its non-200 answers are printed.
# Usage: [DB=sqlite|postgres] tools/bench/soak.sh [MINUTES] [CONNECTIONS]   (default 10 minutes, 64 connections)
set -euo pipefail
MINUTES="${1:-10}"; CONNS="${2:-64}"
# shellcheck source=tools/bench/service.sh
source "$(dirname "$0")/service.sh"
start_service
URL="http://127.0.0.1:$APIPORT"
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVICE_PID/status"; }

wrk -t2 -c"$CONNS" -d20s -s "$HERE/analyze-mixed.lua" "$URL" >/dev/null   # warm-up
peak_out=$(wrk -t2 -c"$CONNS" -d15s --latency -s "$HERE/analyze-mixed.lua" "$URL")
PEAK=$(field "$peak_out" 'req\/s'); RATE=$((PEAK / 2))
echo "peak (15 s, $CONNS connections, half attacks): $PEAK req/s, p99 $(field "$peak_out" p99); soak target: $RATE req/s for $MINUTES min"
echo
echo "| minute | req/s | p50 | p99 | max | 200 | other | threats | service RSS (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| 0 | | | | | | | | $(rss_mib) |"
segments=$((MINUTES * 2))
for i in $(seq "$segments"); do
  out=$(RATE=$RATE CONNS=$CONNS wrk -t2 -c"$CONNS" -d30s --latency -s "$HERE/analyze-mixed.lua" "$URL")
  st=$(echo "$out" | grep '^statuses')
  ok=$(echo "$st" | sed -E 's/.*200=([0-9]+).*/\1/'); other=$(echo "$st" | sed -E 's/.*other=([0-9]+).*/\1/'); th=$(echo "$st" | sed -E 's/.*threats=([0-9]+).*/\1/')
  errs=$(echo "$out" | grep -E 'Socket errors|Non-2xx' | tr -s ' ' | tr '\n' ' ' || true)
  echo "| $(awk "BEGIN{print $i/2}") | $(field "$out" 'req\/s') | $(field "$out" p50) | $(field "$out" p99) | $(field "$out" max) | $ok | $other${errs:+ ($errs)} | $th | $(rss_mib) |"
done
echo
echo "(wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) CPUs shared by wrk and the service, DB=$DB; load at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
