#!/usr/bin/env bash
# All tests: type check, unit tests, the packs' own examples, the corpus
# evaluation, the extension build, and end-to-end tests in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "type check"
npx tsc --noEmit

step "unit tests"
npx vitest run

step "rule pack examples"
node scripts/inflect-packs.mjs --check
node cli/bin.mjs test

step "corpus evaluation"
node cli/bin.mjs eval

step "extension build"
npx wxt build
node scripts/size-report.mjs .output/chrome-mv3
npx wxt build -b firefox
npx web-ext lint -s .output/firefox-mv2 --self-hosted --output json | node -e "const r=JSON.parse(require('fs').readFileSync(0,'utf8')); console.log('web-ext lint:', JSON.stringify(r.summary)); process.exit(r.summary.errors ? 1 : 0)"

step "end-to-end tests (Chromium + built extension + fixture sites)"
npx vitest run --config vitest.e2e.config.ts
