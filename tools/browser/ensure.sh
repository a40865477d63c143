#!/usr/bin/env bash
# The admin app's tests drive Debian's Chromium with Playwright (never a downloaded browser): installs it with apt-get
# when it is missing and the user may (CI runs as root), with its French (chromium-l10n: without it a date field reads
# mm/dd/yyyy whatever the page's language). CHROMIUM_PATH points elsewhere when it lives elsewhere.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
french() { [ -e "$(dirname "$(readlink -f "$path")")/locales/fr.pak" ] || [ -e /usr/lib/chromium/locales/fr.pak ]; }
if [ -x "$path" ] && { french || [ "$(id -u)" != 0 ]; }; then
  echo "[browser] $("$path" --version 2>/dev/null | head -1) at $path"
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq chromium chromium-l10n >/dev/null
  echo "[browser] installed $("$path" --version 2>/dev/null | head -1)"
else
  echo "[browser] Chromium is missing: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi
