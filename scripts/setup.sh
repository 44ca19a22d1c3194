#!/usr/bin/env sh
# Installs what the project needs on a machine that has only Node 20:
# pnpm (run through npx, nothing global) and the workspace's dependencies.
# With --browser, also a Chromium for the browser tests and util-linux `script` for the
# CLI's terminal tests (apt-get, when root).
set -eu
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
pnpm() { npx --yes "pnpm@$PNPM_VERSION" "$@"; }

log=$(mktemp)
pnpm install --frozen-lockfile --reporter=append-only >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
rm -f "$log"

if [ "${1:-}" = "--browser" ]; then
  chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium_path" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing Chromium for the browser tests (apt-get)..."
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "The browser tests need Chromium at $chromium_path (set CHROMIUM_PATH, or run as root to install it with apt-get)." >&2
      exit 1
    fi
  fi
  # The CLI's colour and password-prompt tests run `uiza` on a pseudo-terminal through it.
  if ! command -v script >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing util-linux script for the terminal tests (apt-get)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bsdutils >/dev/null
  fi
fi
