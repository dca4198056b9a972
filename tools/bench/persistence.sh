#!/usr/bin/env bash
# Persistence benchmark (issue 5): threats persisted per second and end-to-end analyze req/s,
# SQLite and PostgreSQL, group-commit writer vs one SaveChanges per request, 1 and 64 connections.
# Every request is a distinct SQL injection, so every answered request is a stored threat; the stored count is
# read back from the database after each run and divided by the run's duration.
# Usage: tools/bench/persistence.sh [DURATION_SECONDS]   (needs wrk and Debian's postgresql; runs as root or a normal user)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
DUR="${1:-10}"
WORK="$(mktemp -d /tmp/infsec-bench-XXXX)"; chmod 755 "$WORK"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
APIPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
PGPASS="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ADMINPASS="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
JWTKEY="$(head -c 48 /dev/urandom | base64 -w0)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "$PGPASS" > "$WORK/pw"; mkdir "$WORK/pg"
[ "$(id -u)" -eq 0 ] && chown -R postgres "$WORK/pg" "$WORK/pw"
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=scram-sha-256 --pwfile="$WORK/pw" -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
PGCS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS"

dotnet publish "$ROOT/src/WebApi" -c Release --use-current-runtime --self-contained false -o "$WORK/app" --nologo -v q >/dev/null

count_threats() { # provider dbname
  if [ "$1" = Sqlite ]; then
    python3 -c "import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute('select count(*) from threats').fetchone()[0])" "$WORK/$2.db"
  else
    PGPASSWORD="$PGPASS" psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$2" -tAc 'select count(*) from threats'
  fi
}

echo "| database | write path | connections | analyze req/s | threats stored/s | p50 latency | p99 latency |"
echo "|---|---|---|---|---|---|---|"
for provider in Sqlite Postgres; do
  for mode in GroupCommit Direct; do
    for conns in 1 64; do
      db="b_${provider}_${mode}_${conns}"; db="${db,,}"
      if [ "$provider" = Sqlite ]; then cs="Data Source=$WORK/$db.db"; else
        PGPASSWORD="$PGPASS" psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database $db" >/dev/null; cs="$PGCS;Database=$db"; fi
      ( cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APIPORT" Logging__LogLevel__Default=Warning \
        Database__Provider=$provider ConnectionStrings__Default="$cs" Persistence__WriteMode=$mode Persistence__SpoolDirectory="$WORK/spool-$db" \
        RateLimiting__Enabled=false Bootstrap__AdminPassword="$ADMINPASS" Jwt__SigningKey="$JWTKEY" DataDirectory="$WORK/data-$db" DataProtection__AllowUnencryptedKeyRing=true \
        exec dotnet "$WORK/app/InfiniteSecurity.WebApi.dll" ) > "$WORK/api.log" 2>&1 &
      API_PID=$!
      for _ in $(seq 100); do curl -sf "http://127.0.0.1:$APIPORT/health/live" >/dev/null && break; sleep 0.2; done
      export INFSEC_TOKEN=$(curl -s -X POST "http://127.0.0.1:$APIPORT/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$ADMINPASS\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
      # warm-up, then measure
      wrk -t1 -c4 -d2s -s "$HERE/analyze-attacks.lua" "http://127.0.0.1:$APIPORT" >/dev/null
      before=$(count_threats $provider $db)
      threads=$([ "$conns" -eq 1 ] && echo 1 || echo 2)
      out=$(wrk -t$threads -c$conns -d${DUR}s --latency -s "$HERE/analyze-attacks.lua" "http://127.0.0.1:$APIPORT")
      sleep 1; after=$(count_threats $provider $db)
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
      stored=$(python3 -c "print(round(($after-$before)/$DUR))")
      echo "| $provider | $mode | $conns | $rps | $stored | $p50 | $p99 |${non2xx:+ non-2xx: $non2xx}"
      kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=
    done
  done
done
echo
echo "(wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) CPUs shared by wrk, the service and the database; ${DUR}s per row after a 2s warm-up)"
