#!/usr/bin/env bash
# Install the Debian packages Qt needs, when missing. As root we install them; otherwise we
# print the exact apt-get line and go on (the packages may already be present by other names).
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "unico: not a Debian system; make sure Qt's libraries are present: ${missing[*]}" >&2; exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "unico: Qt needs these Debian packages; please run:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
fi
