#!/usr/bin/env bash
# The request-inspection comparison at 16, 64 and 256 connections, on SQLite and then on PostgreSQL, each time side
# by side with nginx + ModSecurity + CRS 3.3.4 PL1 in the same run (tools/bench/inspect.sh does one database).
# Usage: tools/bench/scale.sh [DURATION_SECONDS]   (default 10 s per row; 24 rows, about 5 minutes in all)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DUR="${1:-10}"
for db in sqlite postgres; do
  echo "## $db"
  DB="$db" "$HERE/inspect.sh" "$DUR" 16 64 256
  echo
done
