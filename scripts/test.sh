#!/usr/bin/env sh
# The whole test suite: install (Chromium too), type-check everything
# (sources, tests, examples, type-level tests), lint and format, type-check
# the code in the docs and JSDoc, run every Vitest project (the browser one in
# headless Chromium) with the coverage floor of the core package, check the
# browser bundle budget, and check the packed packages from a scratch project.
set -eu
cd "$(dirname "$0")/.."

sh scripts/setup.sh --browser
bin=node_modules/.bin

echo "== type-check"
"$bin/tsc" -b tsconfig.json
echo "== lint and format"
"$bin/eslint" .
echo "== code in docs and JSDoc examples"
node --import tsx scripts/check-docs.ts
echo "== API reference: @since and a checked @example on every export"
node --import tsx scripts/docs-api.ts --check
echo "== tests"
"$bin/vitest" run --coverage
echo "== browser bundle"
# Ceilings against regressions just above today's sizes (the SDK entry 79,229 bytes; added to
# the app: logout 9,627 and all operations 13,809 on its own client, 11,296 and 15,855 on
# BrowserUiza), with room for esbuild's few bytes of variation between builds; the 70 kB and
# 8 kB goals are not reached yet (docs/benchmarks.md).
node --conditions=source --import tsx scripts/bundle-size/check.ts --budget=79290 --logout-budget=9690 --operations-budget=13900 --preset-logout-budget=11365 --preset-operations-budget=15960
echo "== packaging"
sh scripts/packaging/check.sh
