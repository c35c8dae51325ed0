#!/usr/bin/env bash
# `npm test`: builds every module, then runs every test runner and closes with one line,
# "N passed, N failed", summed over all of them. Fails when a test fails or none ran.
set -uo pipefail
cd "$(dirname "$0")/.."
# Plain output when it goes to a file or a CI log.
[ -t 1 ] || export NO_COLOR=1 FORCE_COLOR=0

bash tests/require-tools.sh || { echo "0 passed, 1 failed"; exit 1; }
rm -rf test-results && mkdir -p test-results

echo "== build"
npm run --silent build || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

echo "== typecheck"
npx tsc --noEmit; typecheck=$?

echo "== unit and end-to-end tests (vitest)"
AK_BUILT=1 npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json; vitest=$?

echo "== component tests in Chromium (@web/test-runner)"
npx web-test-runner --config web-test-runner.config.mjs; wtr=$?

node tests/summarize.mjs test-results/vitest.json "$vitest" test-results/browser-junit.xml "$wtr" "$typecheck"
