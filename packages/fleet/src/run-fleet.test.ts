import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from '@openoutreach/check';
import { afterAll, describe, expect, test } from 'vitest';
import { checkFleet } from './run-fleet.ts';
import { exitCodeOf } from './verdict.ts';

/** The runs that build nothing: the fleet e2e test (tests/e2e/fleet.test.ts) checks real sites. */
const dir = mkdtempSync(join(tmpdir(), 'fleet-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fleetFile = join(dir, 'fleet.yaml');
writeFileSync(fleetFile, `sites:\n  - name: gone\n    git: ${join(dir, 'no-such-repository')}\n`);
const options = { fleetFile, candidate: '0.2.0', work: join(dir, 'work'), log: () => {} };

describe.skipIf(!findBrowser())('checkFleet without a site to build', () => {
  test('an empty shard writes an empty report and passes, so a CI matrix larger than the fleet works', async () => {
    const out = join(dir, 'empty-shard');
    const summary = await checkFleet({ ...options, out, shard: '2/2' });
    expect(summary).toMatchObject({ sites: [], shard: '2/2', candidate: '0.2.0' });
    expect(exitCodeOf(summary)).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).sites).toEqual([]);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  test('a site that cannot be checked out is an error in the report, and the run fails', async () => {
    const summary = await checkFleet({ ...options, out: join(dir, 'unreachable') });
    expect(summary.sites).toEqual([
      expect.objectContaining({ name: 'gone', status: 'error', error: expect.stringMatching(/^Cloning .*no-such-repository failed: /) }),
    ]);
    expect(exitCodeOf(summary)).toBe(1);
  });
});
