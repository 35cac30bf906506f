import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const BIN = join(import.meta.dirname, '../bin/create-openoutreach.mjs');
const cwd = mkdtempSync(join(tmpdir(), 'create-openoutreach-bin-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const REFUSAL =
  /^Open Outreach needs Node\.js 22\.12 or newer, but this is v[\d.]+\. Install Node\.js 24 from https:\/\/nodejs\.org and run the command again\.\n$/;

/** Runs the command with `node`, with `preload` run first (to make this Node look older). */
function runBin(node: string, preload?: string) {
  const args = [...(preload ? ['--import', `data:text/javascript,${encodeURIComponent(preload)}`] : []), BIN, 'site', '--name', 'A', '--no-install'];
  return spawnSync(node, args, { cwd, encoding: 'utf8' });
}

test('an old Node is refused with one line saying what to install, and nothing is written', () => {
  const result = runBin(process.execPath, "Object.defineProperty(process.versions, 'node', { value: '22.11.0' });");
  expect(result.stderr).toMatch(REFUSAL);
  expect(result.stdout).toBe('');
  expect(result.status).toBe(1);
  expect(existsSync(join(cwd, 'site'))).toBe(false);
});

// The machine's own Node, when it is an old one (this project's machines have Node 20 there).
const systemNode = spawnSync('node', ['-p', 'process.versions.node'], { encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin' } });
const [major = 0, minor = 0] = (systemNode.stdout ?? '').trim().split('.').map(Number);
test.skipIf(systemNode.status !== 0 || major > 22 || (major === 22 && minor >= 12))(
  `a real old Node (${systemNode.stdout?.trim()}) parses the command far enough to refuse`,
  () => {
    const result = spawnSync('node', [BIN, 'site', '--name', 'A'], { cwd, encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin' } });
    expect(result.stderr).toMatch(REFUSAL);
    expect(result.status).toBe(1);
  },
);
