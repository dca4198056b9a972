#!/usr/bin/env bash
# Side-by-side comparison of the InfiniteSecurity engine with ModSecurity v3 + OWASP CRS 3.3.4 (paranoia 1 and 2)
# on a labelled JSONL corpus. Prints TPR, FPR and balanced accuracy for each, plus per-label detection.
#
# usage: tools/compare-crs.sh [CORPUS.jsonl] [PORT]
#   CORPUS defaults to ../shared/corpus/dev.jsonl (relative to the repository root), PORT to 18081.
#   Needs: apt-get install -y nginx libnginx-mod-http-modsecurity modsecurity-crs wrk
#   PEER (default ../shared/tools/modsec-peer beside the repository) is the folder with start.sh/stop.sh/classify.py.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${1:-$ROOT/../shared/corpus/dev.jsonl}"
PORT="${2:-18081}"
PEER="${PEER:-$ROOT/../shared/tools/modsec-peer}"
OUT="${OUT:-/tmp/infsec-compare}"
mkdir -p "$OUT"

trap '"$PEER/stop.sh" "$PORT" >/dev/null 2>&1 || true' EXIT

dotnet run -c Release --project "$ROOT/tests/Benchmarks" -- classify "$CORPUS" "$OUT/ours.jsonl"
for PL in 1 2; do
  "$PEER/start.sh" "$PL" "$PORT"
  python3 "$PEER/classify.py" "$CORPUS" "$OUT/crs-pl$PL.jsonl" --port "$PORT" --concurrency 4
  "$PEER/stop.sh" "$PORT"
done

python3 "$ROOT/tools/score-predictions.py" "$CORPUS" \
  "InfiniteSecurity=$OUT/ours.jsonl" "CRS 3.3.4 PL1=$OUT/crs-pl1.jsonl" "CRS 3.3.4 PL2=$OUT/crs-pl2.jsonl"
