#!/usr/bin/env bash
# Puts schemathesis (PyPI, pinned) into a project-local virtual environment under .tools/ and prints the path of
# its `st` command. Idempotent: a second call only prints the path.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=4.32.5
VENV=".tools/schemathesis-$VERSION"
if [ ! -x "$VENV/bin/st" ]; then
  # A half-made environment (interrupted install) is made again from scratch.
  rm -rf "$VENV"
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2 || {
    rm -rf "$VENV"
    exit 1
  }
fi
echo "$PWD/$VENV/bin/st"
