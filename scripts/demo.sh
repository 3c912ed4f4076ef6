#!/usr/bin/env bash
# npm run demo: build the extension, serve the fixture sites (X, Facebook,
# LinkedIn look-alikes with their real editors) and open Chromium with
# Postcheck loaded on them. With a display: a normal browser window to try it.
# Without one: a scripted tour in headless Chromium, screenshots in .output/demo/.
#   bash scripts/demo.sh [--headless]
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium not found at $CHROMIUM: apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi

echo "==> building the extension (.output/chrome-mv3)"
npx wxt build
echo "==> building the fixture sites"
node tests/fixtures/build.mjs
echo "==> starting"
exec node scripts/demo.mjs "$@"
