import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CreateError } from '../create-error.mjs';
import { installDependencies, packageManagerOf } from './install.mjs';

const cwd = mkdtempSync(join(tmpdir(), 'create-openoutreach-install-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** The step, with `true` or `false` standing in for the package manager. */
async function install(packageManager: string, more: { install?: boolean; dryRun?: boolean } = {}) {
  const lines: string[] = [];
  const ctx = { cwd, projectDir: cwd, install: true, dryRun: false, packageManager, env: process.env, log: (line: string) => lines.push(line), ...more };
  const error = await installDependencies(ctx).catch((thrown: unknown) => thrown);
  return { error, output: lines.join('\n') };
}

test('runs the package manager', async () => {
  expect(await install('true')).toEqual({ error: undefined, output: 'Installing the dependencies with true (this can take a few minutes)…' });
});

test('a failure says the files are there and how to finish', async () => {
  const { error } = await install('false');
  expect(error).toBeInstanceOf(CreateError);
  expect((error as CreateError).message).toBe(
    "`false install` failed (exit code 1). The site's files are in place; only its dependencies are missing.\n  Fix: check your internet connection, then run `cd .` and `false install`.",
  );
});

test('--no-install and --dry-run run nothing', async () => {
  expect(await install('false', { install: false })).toEqual({ error: undefined, output: '' });
  expect(await install('false', { dryRun: true })).toEqual({ error: undefined, output: "Would run `false install` in the site's folder." });
});

test('the package manager is the one that ran `create`', () => {
  expect(packageManagerOf({ npm_config_user_agent: 'pnpm/10.2.0 npm/? node/v24.9.0 linux x64' })).toBe('pnpm');
  expect(packageManagerOf({ npm_config_user_agent: 'npm/11.19.1 node/v24.9.0 linux x64' })).toBe('npm');
  expect(packageManagerOf({})).toBe('npm');
});
