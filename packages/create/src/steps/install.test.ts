import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { CreateError } from '../create-error.mjs';
import { installDependencies, packageManagerOf } from './install.mjs';

const cwd = mkdtempSync(join(tmpdir(), 'create-openoutreach-install-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** A package manager that takes `seconds` to install, on PATH as `slow-pm`. */
function slowPackageManager(seconds: number): NodeJS.ProcessEnv {
  writeFileSync(join(cwd, 'slow-pm'), `#!/bin/sh\nsleep ${seconds}\n`);
  chmodSync(join(cwd, 'slow-pm'), 0o755);
  return { ...process.env, PATH: `${cwd}${delimiter}${process.env.PATH}` };
}

/** The step, with `true` or `false` standing in for the package manager; not in a terminal unless `terminal`. */
async function install(packageManager: string, more: { install?: boolean; dryRun?: boolean; git?: boolean; terminal?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const lines: string[] = [];
  const output = Object.assign(new PassThrough(), { isTTY: more.terminal ?? false });
  let written = '';
  output.on('data', (chunk) => (written += chunk));
  const ctx = {
    cwd,
    projectDir: cwd,
    install: true,
    git: false,
    dryRun: false,
    packageManager,
    env: process.env,
    terminal: false,
    output,
    log: (line: string) => lines.push(line),
    ...more,
  };
  const error = await installDependencies(ctx, { every: 200 }).catch((thrown: unknown) => thrown);
  return { error, output: lines.join('\n'), written };
}

test('runs the package manager, and says when it is done', async () => {
  const { error, output } = await install('true');
  expect(error).toBeUndefined();
  expect(output).toMatch(/^Installing the dependencies with true \(this can take a few minutes\)…\nInstalled the dependencies with true in 0s\.$/);
});

describe.skipIf(process.platform === 'win32')('progress while installing', () => {
  test('not in a terminal: a line now and then', async () => {
    const { output } = await install('slow-pm', { env: slowPackageManager(0.7) });
    expect(output).toMatch(/\n {2}still installing… \ds\n/);
    expect(output.match(/still installing/g)?.length).toBeGreaterThanOrEqual(2);
  });

  test('in a terminal: a spinner with the seconds on one line, cleared at the end', async () => {
    const { output, written } = await install('slow-pm', { env: slowPackageManager(0.5), terminal: true });
    expect(written).toContain('\r\x1b[2K⠋ Installing the dependencies with slow-pm… 0s');
    expect(written).toContain('\r\x1b[2K⠙ Installing');
    expect(written).not.toContain('\n');
    expect(written.endsWith('\r\x1b[2K')).toBe(true);
    expect(output).toMatch(/^Installed the dependencies with slow-pm in \ds\.$/);
  });
});

test('a failure says the files are there and how to finish', async () => {
  const { error } = await install('false');
  expect(error).toBeInstanceOf(CreateError);
  expect((error as CreateError).message).toBe(
    "`false install` failed (exit code 1). The site's files are in place; only its dependencies are missing.\n  Fix: check your internet connection, then run `cd .` and `false install`.",
  );
});

test('a package manager that is not there is a failure, not a crash', async () => {
  const { error } = await install('no-such-package-manager');
  expect((error as CreateError).message).toMatch(/^`no-such-package-manager install` failed \(exit code 127\)/);
});

test('--no-install and --dry-run run nothing', async () => {
  expect(await install('false', { install: false })).toMatchObject({ error: undefined, output: '' });
  expect(await install('false', { dryRun: true })).toMatchObject({ error: undefined, output: "Would run `false install` in the site's folder." });
});

test('the package manager is the one that ran `create`', () => {
  expect(packageManagerOf({ npm_config_user_agent: 'pnpm/10.2.0 npm/? node/v24.9.0 linux x64' })).toBe('pnpm');
  expect(packageManagerOf({ npm_config_user_agent: 'npm/11.19.1 node/v24.9.0 linux x64' })).toBe('npm');
  expect(packageManagerOf({})).toBe('npm');
});
