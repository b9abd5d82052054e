#!/usr/bin/env bash
# Builds secrel in the action's checkout ($GITHUB_ACTION_PATH) once per job and puts `secrel` on PATH.
# `npm ci` installs the locked dependencies and runs the `prepare` build; no secrel from the registry.
set -euo pipefail
here="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: this script runs inside the secrel action}"
if [ ! -f "$here/dist/main.js" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi
bin="${RUNNER_TEMP:-$here}/secrel-bin"
mkdir -p "$bin"
ln -sf "$here/bin/secrel.js" "$bin/secrel"
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin" >> "$GITHUB_PATH"; fi
