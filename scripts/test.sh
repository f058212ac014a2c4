#!/usr/bin/env bash
# Installs what the tests need (Node 24, npm dependencies, the service stack) and runs lint, type checks and
# every test against the real services. Extra arguments go to jest (e.g. a path).
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
STACK_SKIP=1 npx jest --runInBand "$@"
