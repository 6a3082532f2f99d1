#!/usr/bin/env bash
# Smoke-test a built Unico (the program, not the source): version, a generated file imported and
# matched through the bundled CLI, and every screen rendered offscreen. Prints size and start-up time.
# Usage: build/smoke.sh dist/unico/unico
set -euo pipefail
BIN=$(readlink -f "${1:?usage: build/smoke.sh PATH/TO/unico}")
export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"   # nothing may depend on the working directory

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

start=${EPOCHREALTIME/./}
version=$("$BIN" --version) || fail "--version"
echo "smoke: $version (start-up $(( (${EPOCHREALTIME/./} - start) / 1000 )) ms)"

"$BIN" demo generate files --people 120 --seed 3 >/dev/null || fail "demo generate"
till=$(ls files/till_clienti*.csv | head -1)
"$BIN" --db shop.db import "$till" --json > import.json || fail "import $till"
grep -q '"imported"' import.json || fail "import printed no counts"
receipts=$(ls files/till_scontrini*.csv | head -1)
"$BIN" --db shop.db import "$receipts" >/dev/null || fail "import $receipts"
"$BIN" --db shop.db match --json > match.json || fail "match"
grep -q '"profiles"' match.json || fail "match printed no profiles"
"$BIN" --db shop.db sources | grep -q till || fail "sources"

# the helper process (a second core) from the frozen program: files prepared ahead, a match's random
# pairs; UNICO_HELPER=require turns a helper that cannot start or dies into an error
"$BIN" demo generate big --records 30000 --seed 5 >/dev/null || fail "demo generate --records"
UNICO_HELPER=require "$BIN" --db big.db import big/till_clienti.csv big/shopify_customers.csv \
  big/mailchimp_audience.zip --json > big.json || fail "import of several files with the helper"
[ "$(grep -c '"imported"' big.json)" = 3 ] || fail "several files: no counts for each"
UNICO_HELPER=require "$BIN" --db big.db match --json > bigmatch.json || fail "match with the helper"
grep -q '"profiles"' bigmatch.json || fail "match with the helper printed no profiles"
echo "smoke: helper process OK (3 files imported, $(grep -o '"records": [0-9]*' bigmatch.json) matched)"

"$BIN" gui --db shop.db --lang it --screenshots shots >/dev/null || fail "gui --screenshots"
for s in welcome sources import_wizard review profiles reports settings; do
  [ -s "shots/$s.png" ] || fail "no screenshot $s.png"
done
echo "smoke: $(ls shots | wc -l) screenshots rendered"
echo "smoke: bundle size $(du -sh "$(dirname "$BIN")" | cut -f1)"
echo "smoke: OK"
