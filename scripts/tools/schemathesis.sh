#!/usr/bin/env bash
# Puts schemathesis (PyPI, pinned) into a project-local virtual environment under .tools/ and prints the path of
# its `st` command. Idempotent: a second call only prints the path.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=4.32.5
# The real path: a virtual environment's scripts name their interpreter by absolute path, and `.tools` may be a
# link shared by several checkouts (git worktrees); made through one checkout's link, it breaks when that one goes.
mkdir -p .tools
VENV="$(realpath .tools)/schemathesis-$VERSION"
if ! "$VENV/bin/st" --version >/dev/null 2>&1; then
  # A half-made or broken environment (interrupted install, interpreter gone) is made again from scratch.
  rm -rf "$VENV"
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2 || {
    rm -rf "$VENV"
    exit 1
  }
fi
echo "$VENV/bin/st"
