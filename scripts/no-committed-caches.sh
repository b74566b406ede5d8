#!/usr/bin/env bash
# The repository holds no cache folder: the build keeps its caches outside the checkout
# (nkexports/caches.py), and a committed .cache/ could only be an attempt to make it read one.
# Checks what git tracks, which is what a pull request can add.
set -euo pipefail
cd "$(dirname "$0")/.."
cached=$(git -c safe.directory="$PWD" ls-files -z -- .cache '*/.cache' | tr '\0' '\n')
if [ -n "$cached" ]; then
  echo "error: the repository holds cache files; remove them (git rm -r --cached .cache): the build makes its own, outside the checkout:" >&2
  printf '%s\n' "$cached" | sed 's/^/  /' >&2
  exit 1
fi
