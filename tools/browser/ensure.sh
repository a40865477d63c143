#!/usr/bin/env bash
# The admin app's tests drive Debian's Chromium with Playwright (never a downloaded browser): installs it with apt-get
# when it is missing and the user may (CI runs as root). CHROMIUM_PATH points elsewhere when it lives elsewhere.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then echo "[browser] $("$path" --version 2>/dev/null | head -1) at $path"; exit 0; fi
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  echo "[browser] installed $("$path" --version 2>/dev/null | head -1)"
else
  echo "[browser] Chromium is missing: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi
