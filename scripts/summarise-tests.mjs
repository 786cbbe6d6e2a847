// Adds up vitest JSON reports into one closing line, "<Label>: N passed, N failed" (the label is one word).
import { readFileSync } from 'node:fs';

const label = process.env.TEST_LABEL ?? 'Tests';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (r.success === false && (r.numFailedTests ?? 0) === 0) failed += 1;
  } catch {
    console.error(`no readable results in ${file}`);
    failed += 1;
  }
}
if (passed + failed === 0) failed = 1;
console.log(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
