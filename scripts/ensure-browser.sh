#!/usr/bin/env bash
# The browser tests drive Debian's chromium; Playwright's own browser download cannot work offline.
# The citation tests render CSL-JSON with Debian's pandoc (pandoc --citeproc), as students' tools do.
set -euo pipefail
if ! command -v pandoc >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's pandoc for the citation tests ..."
    apt-get update -qq && apt-get install -y -qq pandoc >/dev/null
  else
    echo "error: the citation tests need pandoc; install it with: sudo apt-get install pandoc" >&2
    exit 1
  fi
fi
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests ..."
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "error: the browser tests need chromium; install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
scripts/ensure-node-packages.sh
