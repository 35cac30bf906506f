import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fleet = join(dir, 'fleet.yaml');
writeFileSync(fleet, 'sites:\n  - name: riverside\n    git: https://codeberg.org/riverside/website.git\n');

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, { log: (line) => lines.push(line) });
  return { code, output: lines.join('\n') };
}

describe('openoutreach-fleet', () => {
  test('without a command shows the commands and exits 2; with --help, 0', async () => {
    expect(await cli()).toMatchObject({ code: 2, output: expect.stringContaining('check <fleet.yaml> --candidate') });
    expect(await cli('--help')).toMatchObject({ code: 0, output: expect.stringContaining('merge <report>... --out DIR') });
    expect((await cli('check', '--help')).output).toContain('--shard i/n');
  });

  test('an unknown command names the commands there are', async () => {
    expect(await cli('deplyo')).toMatchObject({
      code: 2,
      output: expect.stringContaining('There is no command "deplyo": use one of check, merge, deploy, rollback, nginx'),
    });
  });

  test.each([
    ['no fleet file', ['check', '--candidate', '0.2.0'], 'Name one fleet file'],
    ['no candidate', ['check', fleet], '--candidate is missing'],
    ['an unknown option', ['check', fleet, '--candidate', '0.2.0', '--job', '2'], "Unknown option '--job'"],
    ['no jobs', ['check', fleet, '--candidate', '0.2.0', '--jobs', '0'], '--jobs 0: give a whole number of at least 1'],
    [
      'a threshold that is not a share',
      ['check', fleet, '--candidate', '0.2.0', '--threshold', '5%'],
      '--threshold 5%: give a share of the pixels between 0 and 1',
    ],
    ['a shard past the last', ['check', fleet, '--candidate', '0.2.0', '--shard', '3/2'], '--shard 3/2: write it as i/n'],
    ['a missing fleet file', ['check', join(dir, 'nope.yaml'), '--candidate', '0.2.0'], `There is no fleet file at ${join(dir, 'nope.yaml')}`],
    [
      'a missing accept file',
      ['check', fleet, '--candidate', '0.2.0', '--accept', join(dir, 'accept.yaml')],
      `There is no accept file at ${join(dir, 'accept.yaml')}`,
    ],
    ['merge without --out', ['merge', dir], '--out is missing'],
    ['merge of a folder without a report', ['merge', dir, '--out', join(dir, 'merged')], `${dir} holds no report.json`],
  ])('%s: one line saying what to do, exit 2', async (_, argv, message) => {
    const { code, output } = await cli(...argv);
    expect(code).toBe(2);
    expect(output).toContain(message);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test('a bad fleet file: its file, field and fix, exit 2', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'sites:\n  - name: riverside\n    git: x\n    domian: riverside.org\n');
    const { code, output } = await cli('check', bad, '--candidate', '0.2.0');
    expect(code).toBe(2);
    expect(output).toBe(`${bad}: sites[0].domian: "domian" is not a field of this fleet file — did you mean "domain"? Rename it, or remove the line.`);
  });

  test('merge exits 1 when a shard is missing, and says which', async () => {
    const shard = join(dir, 'shard-1');
    mkdirSync(shard);
    writeFileSync(
      join(shard, 'report.json'),
      JSON.stringify({
        candidate: '0.2.0',
        startedAt: '2026-05-01T10:00:00Z',
        seconds: 5,
        threshold: 0.001,
        shard: '1/2',
        sites: [{ name: 'riverside', commit: 'abc', status: 'passed', cached: false, shots: [] }],
      }),
    );
    const { code, output } = await cli('merge', shard, '--out', join(dir, 'merged'));
    expect(code).toBe(1);
    expect(output).toContain('Shard 2/2 missing: its sites are not in the report');
  });
});
