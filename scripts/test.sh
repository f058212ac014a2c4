#!/usr/bin/env bash
# Installs what the tests need (Node 24, npm dependencies, the service stack) and runs lint, type checks and
# every test against the real services. Extra arguments go to jest (e.g. a path).
# The integration suites (*.int-spec.ts) then run a second time on the benchmark engine (mongo-java-server, in
# memory, `stack.sh up mongobench`), so that a query only one MongoDB-protocol engine answers correctly fails.
# TEST_ENGINES=ferretdb skips that second run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/node.sh
source scripts/lib/deps.sh
ensure_node
ensure_deps

if [ "$#" -eq 0 ]; then
  npm run --silent lint
  npm run --silent typecheck
fi
bash scripts/stack.sh up
status=0
# --forceExit: client libraries (the RabbitMQ connection manager's reconnect timer among them) can outlive the
# apps a test file closes and would keep jest alive after the last test.
STACK_SKIP=1 npx jest --runInBand --forceExit "$@" || status=$?

if [ "$#" -eq 0 ]; then
  # Tests that run two service instances in one process (or a Redis on a closed port) leave a reconnect timer of
  # the RabbitMQ library's process-wide connection manager behind: they run here, in their own jest process that
  # exits when they are done (they are skipped in the run above).
  echo "multi-node WebSocket tests (their own jest process, --forceExit)"
  WEBSOCKET_MULTI_NODE_TESTS=1 STACK_SKIP=1 npx jest --runInBand --forceExit \
    test/websocket/websocket-cluster test/websocket/websocket-redis-down || status=$?
fi

if [ "${TEST_ENGINES:-both}" != ferretdb ]; then
  bash scripts/stack.sh up mongobench >/dev/null
  bench_url="$(bash scripts/stack.sh env | sed -n 's/^export MONGO_BENCH_URL=//p')"
  echo "integration suites on the second engine: mongo-java-server at $bench_url (TEST_MONGO_ENGINE=mongo-java-server)"
  # jest.config.js keeps only *.int-spec.ts files under TEST_MONGO_ENGINE=mongo-java-server.
  TEST_MONGO_URL="$bench_url" TEST_MONGO_ENGINE=mongo-java-server MONGO_PARTIAL_INDEXES=sparse STACK_SKIP=1 \
    npx jest --runInBand --forceExit --passWithNoTests "$@" || status=$?
fi
exit "$status"
