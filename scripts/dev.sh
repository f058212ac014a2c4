#!/usr/bin/env bash
# Brings up the service stack, builds and runs the side service with a demo domain and user.
#   REST API  http://127.0.0.1:8080     webadmin  http://127.0.0.1:8000 (Swagger UI at /swagger)
#   mails     http://127.0.0.1:1080 (MailDev)
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
export SELF_URL="${SELF_URL:-http://127.0.0.1:8080}"
export SPA_CALENDAR_URL="${SPA_CALENDAR_URL:-http://127.0.0.1:9900/calendar}"
export SPA_CONTACTS_URL="${SPA_CONTACTS_URL:-http://127.0.0.1:9900/contacts}"
export SPA_EXCAL_URL="${SPA_EXCAL_URL:-http://127.0.0.1:9900/excal}"
export VISIO_URL="${VISIO_URL:-https://meet.jit.si}"
export DAV_ADMIN_USER="${DAV_ADMIN_USER:-admin}" DAV_ADMIN_PASSWORD="${DAV_ADMIN_PASSWORD:-dav-admin-secret}"
export ADMIN_USERNAME="${ADMIN_USERNAME:-admin@$DEMO_DOMAIN}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin-secret}"
export MAIL_SENDER="${MAIL_SENDER:-no-reply@$DEMO_DOMAIN}"
export LOG_PRETTY="${LOG_PRETTY:-true}"

echo "building ..." >&2
npm run --silent build

node --max-semi-space-size=4 --optimize-for-size dist/apps/side-service/src/main.js &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null' INT TERM EXIT

admin="http://127.0.0.1:${WEBADMIN_PORT}"
for _ in $(seq 1 60); do
  curl -fsS "$admin/healthcheck/checks" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { echo "the service stopped during start-up" >&2; exit 1; }
  sleep 0.5
done
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$admin/registeredUsers" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$DEMO_USER\",\"firstname\":\"Alice\",\"lastname\":\"Martin\"}")
case "$code" in
  201) echo "demo user $DEMO_USER created" >&2 ;;
  409) echo "demo user $DEMO_USER already exists" >&2 ;;
  *) echo "could not create the demo user (HTTP $code)" >&2 ;;
esac
cat >&2 <<MSG

Twake Calendar side service is running (Ctrl-C stops it; 'scripts/stack.sh down' stops the services)
  REST API   http://127.0.0.1:${REST_API_PORT}
  webadmin   $admin   (Swagger UI $admin/swagger, health $admin/healthcheck, metrics $admin/metrics)
  MailDev    ${MAILDEV_URL:-http://127.0.0.1:1080}
  demo       domain $DEMO_DOMAIN, user $DEMO_USER
MSG
wait "$service"
