#!/usr/bin/env bash
# Makes sure Debian's Chromium (browser tests, PDF printing), the Thai fonts and poppler-utils (PDF checks
# in tests) are installed; never downloads a browser from anywhere else.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-thai-tlwg >/dev/null 2>&1 || missing+=(fonts-thai-tlwg)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ -f /etc/debian_version ] && [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
The tests need Debian's Chromium, Thai fonts and poppler-utils: ${missing[*]} is missing.
Install them with:  sudo apt-get install -y chromium fonts-thai-tlwg poppler-utils
(The tests never download a browser of their own.)
MSG
exit 1
