#!/usr/bin/env bash
# Fetches a fresh access token for the gate's machine client and reloads nginx with it.
# Access tokens live Auth:AccessTokenMinutes (30 by default): run this well inside that, e.g. every 10 minutes
# (cron: */10 * * * * root /etc/nginx/infinitesecurity/infinitesecurity-gate-token.sh).
#
# Environment (or /etc/nginx/infinitesecurity/gate-client.env, mode 600):
#   INFSEC_URL            the service, e.g. http://127.0.0.1:8000
#   INFSEC_CLIENT_ID      cl_... from POST /api/v1/clients {"name":"nginx-gate","scopes":["analyze"]}
#   INFSEC_CLIENT_SECRET  the secret shown once at creation (or after POST /api/v1/clients/{id}/secret)
#   INFSEC_TOKEN_CONF     where nginx includes it from (default /etc/nginx/infinitesecurity/gate-token.conf)
#   INFSEC_NO_RELOAD=1    only write the file (e.g. when a container's entrypoint reloads nginx itself)
set -euo pipefail
env_file=/etc/nginx/infinitesecurity/gate-client.env
# shellcheck disable=SC1090
[ -r "$env_file" ] && . "$env_file"
: "${INFSEC_URL:?set INFSEC_URL}" "${INFSEC_CLIENT_ID:?set INFSEC_CLIENT_ID}" "${INFSEC_CLIENT_SECRET:?set INFSEC_CLIENT_SECRET}"
conf=${INFSEC_TOKEN_CONF:-/etc/nginx/infinitesecurity/gate-token.conf}

# The secret goes in the HTTP Basic header (from stdin via a config), never on the command line where ps shows it.
response=$(curl -fsS --max-time 10 -K - "$INFSEC_URL/connect/token" -d grant_type=client_credentials -d scope=analyze <<CURL
user = "$INFSEC_CLIENT_ID:$INFSEC_CLIENT_SECRET"
CURL
)
token=$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "error: no access_token in the answer of $INFSEC_URL/connect/token" >&2
  exit 1
fi

# Written beside the target and renamed over it: nginx never reads half a file.
umask 077
tmp=$(mktemp "$conf.XXXXXX")
printf 'proxy_set_header Authorization "Bearer %s";\n' "$token" > "$tmp"
chmod 640 "$tmp"
mv "$tmp" "$conf"
if [ "${INFSEC_NO_RELOAD:-}" != 1 ]; then
  nginx -t -q && nginx -s reload
fi
