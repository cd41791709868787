// Prints vitest's JSON results as one plain line ("vitest: N passed, N failed, N skipped").
import fs from 'node:fs';
import process from 'node:process';

const file = process.argv[2] ?? 'build/test-results.json';
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
process.stdout.write(
  `vitest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
);
process.exitCode = results.numFailedTests > 0 || results.numPassedTests === 0 ? 1 : 0;
