#!/usr/bin/env bash
# Create the project's virtual environment; on Debian, venv support is a separate package.
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}
if ! "$python" -m venv "$venv" 2>/dev/null; then
  rm -rf "$venv"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's python3-venv ..."
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv "$venv"
  else
    echo "error: '$python -m venv' failed; install your system's venv package (Debian: sudo apt-get install python3-venv)" >&2
    exit 1
  fi
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade "pip>=24" "setuptools>=68"
