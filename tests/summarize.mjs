// Sums the results of every runner into the closing line "N passed, N failed".
// Usage: node tests/summarize.mjs <vitest.json> <vitest exit> <junit.xml> <wtr exit> <typecheck exit>
// Exits 1 when anything failed, a runner failed without a failed test to show for it (a crash,
// an error in a hook), a report is missing, or no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, vitestExit, junitFile, wtrExit, typecheckExit] = process.argv.slice(2);
let passed = 0;
let failed = 0;

function runner(name, exit, count) {
  const before = failed;
  try {
    count();
  } catch (error) {
    console.error(`${name}: unreadable report (${error.message})`);
    failed += 1;
  }
  // A runner that failed but reported no failed test still failed: count it once.
  if (exit !== '0' && failed === before) {
    console.error(`${name} exited with ${exit} without a failed test in its report`);
    failed += 1;
  }
}

function missing(file) {
  console.error(`missing ${file}: the runner did not report`);
  failed += 1;
}

runner('vitest', vitestExit, () => {
  if (!existsSync(vitestFile)) return missing(vitestFile);
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A test file that failed to load has no tests in the counts.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
});

runner('web-test-runner', wtrExit, () => {
  if (!existsSync(junitFile)) return missing(junitFile);
  const cases = readFileSync(junitFile, 'utf8').match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
  for (const c of cases) {
    if (/<(failure|error)\b/.test(c)) failed += 1;
    else if (!/<skipped\b/.test(c)) passed += 1;
  }
});

// The type check is no test, but a failing one fails the run.
if (typecheckExit !== '0') {
  console.error('type check failed');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
