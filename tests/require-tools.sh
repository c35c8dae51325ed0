#!/usr/bin/env bash
# Makes sure the programs the tests need are here: Debian's Chromium (browser tests) and
# xmllint (manifest validation). Installs them when it can (root with apt-get); otherwise stops
# at once and says how.
set -euo pipefail

missing=()
chromium_path="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the tests (apt-get) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
  exit 0
fi

cat >&2 <<MSG
The tests need: ${missing[*]}
Install them first, for example on Debian/Ubuntu:
  sudo apt-get install -y ${missing[*]}
(or point CHROME_PATH to a Chromium/Chrome binary you already have).
MSG
exit 1
