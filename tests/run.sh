#!/usr/bin/env bash
# Runs every test project of the solution and ends with the plain line "N passed, N failed" from the real counts.
# Usage: bash tests/run.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test InfiniteSecurity.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    32, Skipped:     0, Total:    32, ..."
read -r passed failed skipped assemblies < <(grep -E '^(Passed|Failed)!  - Failed:' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6; n++ } END { printf "%d %d %d %d\n", p, f, s, n }')

expected=$(grep -c '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | awk -F: '{ s += $2 } END { print s }')
if [ "$assemblies" -ne "$expected" ]; then
  echo "error: $assemblies of $expected test assemblies reported results (a build error or a crashed test host)" >&2
  [ "$status" -eq 0 ] && status=1
  failed=$((failed + expected - assemblies))
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
