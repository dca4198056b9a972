# Sourced by the bench scripts: starts the published service on loopback (SQLite, or a throwaway PostgreSQL cluster
# with DB=postgres), registers a machine client with scope analyze and exports its token as INFSEC_TOKEN.
# Sets WORK, APIPORT, API_PID; cleanup() stops everything and is installed as the EXIT trap.
# Extra service settings: SERVICE_ENV="Name=value ..." (environment variables, e.g. Persistence__WriteMode=Direct).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
PEER="$ROOT/../shared/tools/modsec-peer"
WORK="$(mktemp -d /tmp/infsec-bench-XXXX)"; chmod 755 "$WORK"   # the postgres user reaches its cluster inside
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
APIPORT=$(free_port)
DB="${DB:-sqlite}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
PEER_PORTS=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true
  [ -d "$WORK/pg" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  for p in "${PEER_PORTS[@]}"; do "$PEER/stop.sh" "$p" >/dev/null 2>&1 || true; done
  [ -n "${KEEP_LOG:-}" ] && cp "$WORK/api.log" "$KEEP_LOG" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_peer() { # PL PORT
  "$PEER/stop.sh" "$2" >/dev/null 2>&1 || true
  "$PEER/start.sh" "$1" "$2" >/dev/null
  PEER_PORTS+=("$2")
}

start_service() {
  local adminpass jwtkey provider cs json admin client cid csecret
  adminpass="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  jwtkey="$(head -c 48 /dev/urandom | base64 -w0)"
  if [ "$DB" = postgres ]; then
    local pgport pgpass; pgport=$(free_port); pgpass="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    echo "$pgpass" > "$WORK/pw"; mkdir "$WORK/pg"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$WORK/pg" "$WORK/pw"
    as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=scram-sha-256 --pwfile="$WORK/pw" -E UTF8 >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -o "-p $pgport -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    provider=Postgres; cs="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=$pgpass;Database=postgres"
  else
    provider=Sqlite; cs="Data Source=$WORK/bench.db"
  fi
  # Production encrypts its key ring with a certificate (docs/operations.md); a throwaway one for the run.
  local dppass; dppass="$(head -c 18 /dev/urandom | base64 -w0)"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/dp.key" -out "$WORK/dp.crt" -days 2 -subj /CN=bench-key-ring >/dev/null 2>&1
  openssl pkcs12 -export -inkey "$WORK/dp.key" -in "$WORK/dp.crt" -out "$WORK/dp.pfx" -passout "pass:$dppass"
  dotnet publish "$ROOT/src/WebApi" -c Release --use-current-runtime --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
  # Started from its own folder, so its appsettings.json applies (Production: JSON logs at Information).
  # shellcheck disable=SC2086
  ( cd "$WORK/app" && env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APIPORT" \
    Database__Provider="$provider" ConnectionStrings__Default="$cs" Persistence__SpoolDirectory="$WORK/spool" \
    RateLimiting__MachineClients__PermitsPerSecond=1000000 \
    Bootstrap__AdminPassword="$adminpass" Jwt__SigningKey="$jwtkey" DataDirectory="$WORK/data" \
    DataProtection__CertificatePath="$WORK/dp.pfx" DataProtection__CertificatePassword="$dppass" ${SERVICE_ENV:-} \
    dotnet "$WORK/app/InfiniteSecurity.WebApi.dll" ) > "$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$APIPORT/health/live" >/dev/null && break; sleep 0.2; done
  # The service's pid (the subshell execs nothing, so look for the child).
  SERVICE_PID=$(pgrep -P "$API_PID" -f InfiniteSecurity.WebApi.dll || echo "$API_PID")
  json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
  admin=$(curl -sf -X POST "http://127.0.0.1:$APIPORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$adminpass\"}" | json '["access_token"]')
  client=$(curl -sf -X POST "http://127.0.0.1:$APIPORT/api/v1/clients" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"name":"bench-gateway","scopes":["analyze"]}')
  cid=$(echo "$client" | json '["client"]["client_id"]'); csecret=$(echo "$client" | json '["client_secret"]')
  INFSEC_TOKEN=$(curl -sf -X POST "http://127.0.0.1:$APIPORT/connect/token" -u "$cid:$csecret" \
    -d 'grant_type=client_credentials&scope=analyze' | json '["access_token"]')
  export INFSEC_TOKEN
}

# wrk's RESULT line (from the lua scripts' done()) → a field.
field() { echo "$1" | grep '^RESULT' | sed -E "s/.*$2=([0-9.]+(ms)?).*/\1/"; }
