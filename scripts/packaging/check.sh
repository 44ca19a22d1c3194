#!/usr/bin/env sh
# Checks the packages as they would be published: builds them, packs each
# tarball, lints it with publint and @arethetypeswrong/cli, then installs the
# tarballs with npm into a scratch project outside the workspace and logs out
# against the local Uiza server from there.
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
bin="$root/node_modules/.bin"
work=$(mktemp -d "${TMPDIR:-/tmp}/uiza-effect-packaging.XXXXXX")
trap 'rm -rf "$work"' EXIT
# publint packs with the workspace's package manager: put the pinned pnpm on PATH for it.
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec npx --yes pnpm@10.34.9 "$@"\n' >"$work/bin/pnpm"
chmod +x "$work/bin/pnpm"
PATH="$work/bin:$PATH"
export PATH

"$bin/tsc" -b tsconfig.build.json

mkdir -p "$work/packs"
for dir in packages/*/; do
  name=$(node -p "require('./$dir/package.json').name")
  echo "-- $name"
  (cd "$dir" && pnpm pack --pack-destination "$work/packs" >/dev/null)
  "$bin/publint" run "$dir" --strict --level warning
  tarball=$(ls "$work/packs" | grep "^$(echo "$name" | sed 's/@//; s/\//-/')-[0-9]")
  # ESM only: Node 20.19+ loads it from CommonJS with require(esm).
  "$bin/attw" --profile esm-only --no-color --format table-flipped "$work/packs/$tarball" >"$work/attw.log" 2>&1 \
    || { cat "$work/attw.log"; exit 1; }
done

consumer="$work/consumer"
mkdir -p "$consumer"
cp scripts/packaging/consumer.mjs "$consumer/"
node -e '
const fs = require("fs"), path = require("path")
const [packs, consumer, root] = process.argv.slice(1)
const rootPkg = require(path.join(root, "package.json"))
const dependencies = {}
for (const file of fs.readdirSync(packs)) {
  const name = "@uiza-effect/" + file.replace(/^uiza-effect-/, "").replace(/-\d+\.\d+\.\d+.*$/, "")
  dependencies[name] = "file:" + path.join(packs, file)
}
for (const peer of ["effect", "@effect/platform", "@effect/platform-node", "@effect/cli", "@effect/printer", "@effect/printer-ansi"]) {
  if (rootPkg.devDependencies[peer]) dependencies[peer] = rootPkg.devDependencies[peer]
}
fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies }, null, 2))
' "$work/packs" "$consumer" "$root"
(cd "$consumer" && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1) \
  || (cd "$consumer" && npm install --no-audit --no-fund --loglevel=error)
(cd "$consumer" && node consumer.mjs)
echo "packaging: ok"
