// Runs every test suite (unit and browser) with vitest and ends with one line
// "N passed, N failed" summing them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(root, 'tests/.output/vitest.json');
mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });

// The browser tests need Chromium: without one, stop before anything runs and say how to get it.
const { browserMissing, findBrowser } = await import('../packages/check/src/browser.ts');
if (!findBrowser()) {
  console.error(browserMissing());
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed = summary.numPassedTests ?? 0;
  failed = summary.numFailedTests ?? 0;
  skipped = (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
}
if (result.status !== 0 && failed === 0) failed = 1;

// The whole run also checks the formatting (one more test): a file Prettier would change fails it.
let formatted = true;
if (process.argv.length <= 2) {
  const prettier = join(root, 'node_modules/prettier/bin/prettier.cjs');
  formatted = spawnSync(process.execPath, [prettier, '--check', '--log-level=warn', '.'], { cwd: root, stdio: 'inherit' }).status === 0;
  if (formatted) passed += 1;
  else {
    failed += 1;
    console.error('Formatting: the files above are not formatted; run `npm run format` and commit the result.');
  }
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit((result.status ?? 1) || (formatted ? 0 : 1));
