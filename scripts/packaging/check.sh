#!/usr/bin/env sh
# Checks the packages as they would be published: builds them, packs each
# tarball, lints it with publint and @arethetypeswrong/cli and checks that its
# manifest exposes only built files, then installs the tarballs with npm into a
# scratch project outside the workspace, type-checks a program there under a
# strict monorepo's settings and runs it there: a logout against the local
# Uiza server, the installed `uiza` binary, an app with its own HttpClient
# next to the preset, and real errors sent through JSON and decoded. Last,
# every install line of the docs runs in its own scratch project.
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
# The Node-only copy of the core (its `node` condition): packages/core/dist/node.
node scripts/build-node-bundles.mjs

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
  mkdir -p "$work/unpacked/$tarball"
  tar -xzf "$work/packs/$tarball" -C "$work/unpacked/$tarball"
  node scripts/packaging/manifest.mjs "$work/unpacked/$tarball/package" "$dir/package.json"
done

consumer="$work/consumer"
mkdir -p "$consumer"
cp scripts/packaging/consumer.mjs scripts/packaging/consumer.ts scripts/packaging/record-resolutions.mjs "$consumer/"
# A monorepo convention: its own packages export a "source" condition. The SDK's must not answer it.
cat >"$consumer/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022", "DOM"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "customConditions": ["source"],
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "exactOptionalPropertyTypes": true,
    "skipLibCheck": true,
    "noEmit": true,
    "types": []
  },
  "files": ["consumer.ts"]
}
EOF
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
(cd "$consumer" && npm install --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null 2>&1) \
  || (cd "$consumer" && npm install --prefer-offline --no-audit --no-fund --loglevel=error)
(cd "$consumer" && "$bin/tsc" -p tsconfig.json --pretty false) || { echo "the consumer program does not type-check"; exit 1; }
echo "consumer: a program type-checks with customConditions [\"source\"] and noUncheckedIndexedAccess"
(cd "$consumer" && UIZA_RESOLUTIONS="$work/resolutions.txt" node --conditions=source --import ./record-resolutions.mjs consumer.mjs)

echo "-- install lines of the docs"
node scripts/packaging/installs.mjs "$work/packs" "$work/installs"
echo "packaging: ok"
