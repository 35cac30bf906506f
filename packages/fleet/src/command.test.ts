import { describe, expect, test } from 'vitest';
import { lastWords } from './command.ts';

describe('lastWords', () => {
  test('gives what npm says is wrong, not its usage text or log path', () => {
    const output = [
      'npm warn ERESOLVE overriding peer dependency',
      'npm error code EUSAGE',
      'npm error',
      'npm error `npm ci` can only install packages when your package.json and package-lock.json are in sync.',
      'npm error',
      'npm error Missing: left-pad@1.3.0 from lock file',
      'npm error',
      'npm error Clean install a project',
      'npm error Usage:',
      'npm error npm ci',
      'npm error A complete log of this run can be found in: /root/.npm/_logs/x.log',
    ].join('\n');
    expect(lastWords(output)).toBe(
      '`npm ci` can only install packages when your package.json and package-lock.json are in sync. Missing: left-pad@1.3.0 from lock file',
    );
  });

  test('gives the last error line of a build, without colours or stack frames', () => {
    const output = ['building…', '\x1b[31m[ERROR] Could not resolve "./Missing.astro"\x1b[39m', '    at resolve (file:///x.js:1:1)', 'done'].join('\n');
    expect(lastWords(output)).toBe('[ERROR] Could not resolve "./Missing.astro"');
  });
});
