# shellcheck shell=bash
# npm dependencies of the project, installed with the project-local Node 24 (see node.sh).
#
#   source scripts/lib/deps.sh
#   ensure_deps     # `npm ci` when node_modules is missing or older than package-lock.json

ensure_deps() {
  local root stamp
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  stamp="$root/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$root/package-lock.json" -nt "$stamp" ]; then
    echo "installing npm dependencies (npm ci) ..." >&2
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
}
