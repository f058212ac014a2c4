#!/usr/bin/env bash
# Brings up the service stack, builds and runs the side service with a demo domain and users, an OpenID provider
# for the Twake Calendar SPA and (DEMO_DAV=double, the default) the esn-sabre double in front of Radicale for /dav.
#   REST API  http://127.0.0.1:8080     webadmin  http://127.0.0.1:8000 (Swagger UI at /swagger)
#   OpenID    http://127.0.0.1:9090     mails     http://127.0.0.1:1080 (MailDev)
#   DEMO_OIDC=off: no OpenID provider; DEMO_DAV=radicale: /dav goes to plain Radicale (no esn-sabre JSON dialect).
#   DEMO_SPA_ORIGINS: where the SPA is served (CORS and OpenID redirect URIs), default http://localhost:5000 and :3000 (localhost and 127.0.0.1).
# Any variable already set in the environment (or in .env) wins over the demo defaults below.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/node.sh
source scripts/lib/deps.sh
ensure_node
ensure_deps

bash scripts/stack.sh up
eval "$(bash scripts/stack.sh env)"

: "${DEMO_DOMAIN:=twake.test}"
: "${DEMO_USER:=alice@twake.test}"
export MONGO_DATABASE="${MONGO_DATABASE:-tcalendar}"
export DOMAINS="${DOMAINS:-$DEMO_DOMAIN}"
export REST_API_PORT="${REST_API_PORT:-8080}" WEBADMIN_PORT="${WEBADMIN_PORT:-8000}" WEBADMIN_HOST="${WEBADMIN_HOST:-127.0.0.1}"
export SELF_URL="${SELF_URL:-http://127.0.0.1:${REST_API_PORT}}"
export SPA_CALENDAR_URL="${SPA_CALENDAR_URL:-http://127.0.0.1:9900/calendar}"
export SPA_CONTACTS_URL="${SPA_CONTACTS_URL:-http://127.0.0.1:9900/contacts}"
export SPA_EXCAL_URL="${SPA_EXCAL_URL:-http://127.0.0.1:9900/excal}"
export VISIO_URL="${VISIO_URL:-https://meet.jit.si}"
export DAV_ADMIN_USER="${DAV_ADMIN_USER:-admin}" DAV_ADMIN_PASSWORD="${DAV_ADMIN_PASSWORD:-dav-admin-secret}"
export ADMIN_USERNAME="${ADMIN_USERNAME:-admin@$DEMO_DOMAIN}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin-secret}"
export MAIL_SENDER="${MAIL_SENDER:-no-reply@$DEMO_DOMAIN}"
export LOG_PRETTY="${LOG_PRETTY:-true}"
# The demo users sign in with Basic too (README), and the attendee picker finds them without a contact index.
export BASIC_AUTH_ENABLED="${BASIC_AUTH_ENABLED:-true}"
export PEOPLE_SEARCH_USERS_WITH_CONTACTS="${PEOPLE_SEARCH_USERS_WITH_CONTACTS:-true}"
: "${DEMO_SPA_ORIGINS:=http://localhost:5000,http://127.0.0.1:5000,http://localhost:3000,http://127.0.0.1:3000}"
export CORS_ALLOWED_ORIGINS="${CORS_ALLOWED_ORIGINS:-$DEMO_SPA_ORIGINS}"
: "${DEMO_DAV:=double}" "${DEMO_OIDC:=on}"
: "${OIDC_DEMO_PORT:=9090}" "${ESN_SABRE_DOUBLE_PORT:=8090}"

echo "building ..." >&2
npm run --silent build

pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null' INT TERM EXIT
mkdir -p .stack/logs

# Starts "$@" in the background and waits for the JSON line it prints once listening.
start_component() {
  local name=$1 log=.stack/logs/demo-$1.log
  shift
  "$@" >"$log" 2>&1 &
  pids+=($!)
  # Up to 2 minutes: the double's first PROPFIND on Radicale's root grows with the homes it holds.
  for _ in $(seq 1 240); do
    grep -q '^{' "$log" 2>/dev/null && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "$name stopped during start-up (see $log):" >&2; cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name did not start (see $log)" >&2
  exit 1
}

if [ "$DEMO_OIDC" != off ]; then
  redirects=$(echo "$DEMO_SPA_ORIGINS" | tr ',' '\n' | sed 's#/*$#/callback#' | paste -sd, -)
  export OIDC_DEMO_PORT OIDC_DEMO_REDIRECT_URIS="${OIDC_DEMO_REDIRECT_URIS:-$redirects}"
  export OIDC_DEMO_INTROSPECTION_SECRET="${OIDC_DEMO_INTROSPECTION_SECRET:-tcalendar-demo-secret}"
  start_component oidc node test/doubles/oidc/demo-provider.mjs
  issuer="http://127.0.0.1:${OIDC_DEMO_PORT}"
  export OIDC_USERINFO_URL="${OIDC_USERINFO_URL:-$issuer/me}"
  export OIDC_INTROSPECT_URL="${OIDC_INTROSPECT_URL:-$issuer/token/introspection}"
  export OIDC_INTROSPECT_CREDENTIALS="${OIDC_INTROSPECT_CREDENTIALS:-Basic $(printf 'tcalendar:%s' "$OIDC_DEMO_INTROSPECTION_SECRET" | base64 -w0)}"
  export OIDC_AUDIENCE="${OIDC_AUDIENCE:-twake-calendar-spa}"
fi

if [ "$DEMO_DAV" = double ]; then
  export RADICALE_URL="$DAV_URL" SIDE_SERVICE_URL="http://127.0.0.1:${REST_API_PORT}" ESN_SABRE_DOUBLE_PORT
  start_component esn-sabre node -r ts-node/register/transpile-only test/doubles/esn-sabre/main.ts
  export DAV_URL="http://127.0.0.1:${ESN_SABRE_DOUBLE_PORT}"
fi

node --max-semi-space-size=4 --max-old-space-size=512 dist/apps/side-service/src/main.js &
service=$!
pids+=("$service")

admin="http://127.0.0.1:${WEBADMIN_PORT}"
for _ in $(seq 1 60); do
  curl -fsS "$admin/healthcheck/checks" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { echo "the service stopped during start-up" >&2; exit 1; }
  sleep 0.5
done
register_user() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$admin/registeredUsers" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"firstname\":\"$2\",\"lastname\":\"$3\"}")
  case "$code" in
    201) echo "demo user $1 created" >&2 ;;
    409) echo "demo user $1 already exists" >&2 ;;
    *) echo "could not create the demo user $1 (HTTP $code)" >&2 ;;
  esac
}
register_user "$DEMO_USER" Alice Martin
register_user "${DEMO_ATTENDEE:-bob@$DEMO_DOMAIN}" Bob Durand
cat >&2 <<MSG

Twake Calendar side service is running (Ctrl-C stops it; 'scripts/stack.sh down' stops the services)
  REST API   http://127.0.0.1:${REST_API_PORT}
  webadmin   $admin   (Swagger UI $admin/swagger, health $admin/healthcheck, metrics $admin/metrics)
  MailDev    ${MAILDEV_URL:-http://127.0.0.1:1080}
  demo       domain $DEMO_DOMAIN, users $DEMO_USER (alice-secret), ${DEMO_ATTENDEE:-bob@$DEMO_DOMAIN} (bob-secret)
             curl -u $DEMO_USER:alice-secret http://127.0.0.1:${REST_API_PORT}/api/user
  /dav       $DAV_URL ($( [ "$DEMO_DAV" = double ] && echo "esn-sabre double in front of Radicale" || echo Radicale ))
MSG
if [ "$DEMO_OIDC" != off ]; then
  cat >&2 <<MSG
  OpenID     $issuer (public client $OIDC_AUDIENCE, code + PKCE; redirect URIs $OIDC_DEMO_REDIRECT_URIS)
  SPA .env.js  SSO_BASE_URL='$issuer' SSO_CLIENT_ID='$OIDC_AUDIENCE'
               CALENDAR_BASE_URL='http://127.0.0.1:${REST_API_PORT}' WEBSOCKET_URL='ws://127.0.0.1:${REST_API_PORT}'
MSG
fi
wait "$service"
