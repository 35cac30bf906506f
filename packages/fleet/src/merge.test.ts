import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FleetError } from './fleet-error.ts';
import { mergeReports, mergeSummaries } from './merge.ts';
import type { FleetSummary, SiteResult } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const site = (name: string, status: SiteResult['status'] = 'passed'): SiteResult => ({ name, commit: 'abc', status, cached: false, shots: [] });
const summary = (shard: string | undefined, names: string[], startedAt: string, seconds: number, change: Partial<FleetSummary> = {}): FleetSummary => ({
  candidate: 'workspace /kit',
  startedAt,
  seconds,
  sites: names.map((name) => site(name)),
  threshold: 0.001,
  ...(shard ? { shard } : {}),
  ...change,
});

describe('mergeSummaries', () => {
  test('joins the shards’ sites by name, timed from the first start to the last end', () => {
    const { summary: merged, missingShards } = mergeSummaries([
      { dir: 'b', summary: summary('2/2', ['bravo', 'delta'], '2026-05-01T10:00:30.000Z', 60) },
      { dir: 'a', summary: summary('1/2', ['alpha', 'charlie'], '2026-05-01T10:00:00.000Z', 45) },
    ]);
    expect(merged.sites.map((each) => each.name)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(merged.startedAt).toBe('2026-05-01T10:00:00.000Z');
    expect(merged.seconds).toBe(90);
    expect(merged.shard).toBeUndefined();
    expect(missingShards).toEqual([]);
  });

  test('names the shards that are missing', () => {
    expect(mergeSummaries([{ dir: 'a', summary: summary('1/3', ['alpha'], '2026-05-01T10:00:00.000Z', 1) }]).missingShards).toEqual(['2/3', '3/3']);
  });

  test.each([
    [
      'a site in two reports',
      [summary('1/2', ['alpha'], '2026-05-01T10:00:00Z', 1), summary('2/2', ['alpha'], '2026-05-01T10:00:00Z', 1)],
      /alpha is in both a and b/,
    ],
    [
      'reports of two candidates',
      [summary('1/2', ['alpha'], '2026-05-01T10:00:00Z', 1), summary('2/2', ['bravo'], '2026-05-01T10:00:00Z', 1, { candidate: '0.2.0' })],
      /merge only the shards of one run/,
    ],
    [
      'shards of two splits',
      [summary('1/2', ['alpha'], '2026-05-01T10:00:00Z', 1), summary('2/3', ['bravo'], '2026-05-01T10:00:00Z', 1)],
      /is shard 2\/3, but another report is one of 2/,
    ],
  ])('refuses %s', (_, [first, second], message) => {
    expect(() =>
      mergeSummaries([
        { dir: 'a', summary: first! },
        { dir: 'b', summary: second! },
      ]),
    ).toThrow(message);
  });
});

describe('mergeReports', () => {
  function shardReport(name: string, shard: string, sites: string[]): string {
    const report = join(dir, name);
    const data = summary(shard, sites, '2026-05-01T10:00:00.000Z', 10);
    for (const each of sites) {
      mkdirSync(join(report, 'sites', each, 'after'), { recursive: true });
      writeFileSync(join(report, 'sites', each, 'after/home-phone-light.png'), `png of ${each}`);
    }
    writeFileSync(join(report, 'report.json'), JSON.stringify(data));
    return report;
  }

  test('writes one report with every shard’s sites and images', async () => {
    const out = join(dir, 'merged');
    const { summary: merged } = await mergeReports([shardReport('one', '1/2', ['alpha', 'charlie']), shardReport('two', '2/2', ['bravo'])], out);
    expect(merged.sites.map((each) => each.name)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).sites).toHaveLength(3);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readFileSync(join(out, 'sites/bravo/after/home-phone-light.png'), 'utf8')).toBe('png of bravo');
  });

  test('a folder that holds no report is named', async () => {
    mkdirSync(join(dir, 'empty'));
    await expect(mergeReports([join(dir, 'empty')], join(dir, 'out'))).rejects.toThrow(FleetError);
    await expect(mergeReports([join(dir, 'empty')], join(dir, 'out'))).rejects.toThrow(`${join(dir, 'empty')} holds no report.json`);
  });

  test('the merged report may not overwrite one of its parts', async () => {
    const one = shardReport('three', '1/1', ['alpha']);
    await expect(mergeReports([one], one)).rejects.toThrow(/is also one of the reports to merge/);
  });
});
