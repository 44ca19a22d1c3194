#!/usr/bin/env sh
# The whole test suite: install, type-check everything (sources, tests,
# examples, type-level tests), then every Vitest project, the browser one in
# headless Chromium.
set -eu
cd "$(dirname "$0")/.."

sh scripts/setup.sh --browser
bin=node_modules/.bin

echo "== type-check"
"$bin/tsc" -b tsconfig.json
echo "== code in docs and JSDoc examples" && node --import tsx scripts/check-docs.ts
echo "== tests"
"$bin/vitest" run
