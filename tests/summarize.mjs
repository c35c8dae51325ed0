// Sums the results of every runner into the closing line "N passed, N failed".
// Usage: node tests/summarize.mjs <vitest.json> <junit.xml> <typecheck exit code>
// Exits 1 when anything failed, a report is missing, or no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, junitFile, typecheckCode] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no tests in the counts: count it as a failure.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  console.error(`missing ${vitestFile}: vitest did not report`);
  failed += 1;
}

if (existsSync(junitFile)) {
  const xml = readFileSync(junitFile, 'utf8');
  const cases = xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
  for (const c of cases) {
    if (/<(failure|error)\b/.test(c)) failed += 1;
    else if (!/<skipped\b/.test(c)) passed += 1;
  }
} else {
  console.error(`missing ${junitFile}: the browser tests did not report`);
  failed += 1;
}

// The type check is one check of its own.
if (typecheckCode === '0') passed += 1;
else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
