#!/usr/bin/env bash
# The repository holds no symbolic links: the build would follow one out of the repository and
# publish whatever it points to. Checks what git tracks, which is what a pull request can add.
set -euo pipefail
cd "$(dirname "$0")/.."
links=$(git -c safe.directory="$PWD" ls-files -s | awk '$1 == "120000" { $1 = $2 = $3 = ""; sub(/^ +/, ""); print }')
if [ -n "$links" ]; then
  echo "error: the repository holds symbolic links; replace each with the file it points to, or remove it:" >&2
  printf '%s\n' "$links" | sed 's/^/  /' >&2
  exit 1
fi
