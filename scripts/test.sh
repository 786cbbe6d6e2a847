#!/usr/bin/env bash
# The one test command (README, CI): type-check, lint, unit/service/route suites, then the browser journeys.
# Ends with one line "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .test-results
rm -f .test-results/*.json

status=0
run() { echo "── $*"; "$@" || status=1; }

run npx tsc --noEmit -p tsconfig.json
run npx tsc --noEmit -p web/tsconfig.json
run npx biome lint .
# Chromium prints certificates in the server suites and drives the browser journeys.
if bash scripts/ensure-system-packages.sh; then
  run npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile=.test-results/server.json
  run npm run build:web --silent
  run npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile=.test-results/e2e.json
else
  status=1
fi

node scripts/summarise-tests.mjs .test-results/*.json || status=1
exit $status
