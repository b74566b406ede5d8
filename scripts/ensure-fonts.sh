#!/usr/bin/env bash
# Charts measure and draw their labels with matplotlib: the Korean edition's labels need a font with
# Hangul, Debian's fonts-noto-cjk (charts.py falls back to it for what DejaVu Sans lacks).
set -euo pipefail
if fc-list 2>/dev/null | grep -q "Noto Sans CJK KR"; then
  exit 0
fi
# As root (a container, a fresh Debian machine) or with password-less sudo (a CI runner).
if [ "$(id -u)" = 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo); else as_root=(none); fi
if [ "${as_root[0]:-}" != none ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's fonts-noto-cjk for the Korean edition's charts ..."
  "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq fonts-noto-cjk fontconfig >/dev/null
  # matplotlib lists the fonts once and keeps the list: one made before the install lacks the new font.
  rm -rf "${MPLCONFIGDIR:-$HOME/.cache/matplotlib}"/fontlist-*.json
else
  echo "error: the Korean edition's charts need a font with Hangul; install it with: sudo apt-get install fonts-noto-cjk" >&2
  exit 1
fi
