import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { beforeKey, cacheKey, FolderCache, type BeforeKeyInputs, type BeforeShots, type CacheKeyInputs } from './cache.ts';
import type { SiteResult } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inputs: CacheKeyInputs = { site: 'riverside', base: '/', commit: 'a'.repeat(40), candidate: 'version 0.2.0', fleetVersion: '0.1.0', threshold: 0.001 };

describe('cacheKey', () => {
  test('is the same for the same inputs', () => {
    expect(cacheKey({ ...inputs })).toBe(cacheKey(inputs));
  });

  test.each([
    ['the site’s commit', { commit: 'b'.repeat(40) }],
    ['the candidate', { candidate: 'version 0.2.1' }],
    ['the fleet tool’s version', { fleetVersion: '0.2.0' }],
    ['the threshold', { threshold: 0.01 }],
    ['the base the site is built for', { base: '/riverside/' }],
    ['the site', { site: 'eastside' }],
  ])('changes with %s', (_, change) => {
    expect(cacheKey({ ...inputs, ...change })).not.toBe(cacheKey(inputs));
  });
});

describe('beforeKey (a site’s screenshots with its own kit)', () => {
  const before: BeforeKeyInputs = { site: 'riverside', base: '/', commit: 'a'.repeat(40), fleetVersion: '0.1.0', day: '2026-11-29' };

  test('is the same for any candidate, and not a result’s key', () => {
    expect(beforeKey({ ...before })).toBe(beforeKey(before));
    expect(beforeKey(before)).not.toBe(cacheKey(inputs));
  });

  test.each([
    ['the site’s commit', { commit: 'b'.repeat(40) }],
    ['the day (upcoming events and scheduled posts move with it)', { day: '2026-11-30' }],
    ['the fleet tool’s version', { fleetVersion: '0.2.0' }],
    ['the base the site is built for', { base: '/riverside/' }],
    ['the site', { site: 'eastside' }],
  ])('changes with %s', (_, change) => {
    expect(beforeKey({ ...before, ...change })).not.toBe(beforeKey(before));
  });

  test('keeps the build clock and the shots, with their images', () => {
    const cache = new FolderCache(join(dir, 'before'));
    const shots: BeforeShots = {
      buildDate: '2026-11-29T08:00:00Z',
      shots: [{ pageType: 'home', path: '/', width: 'phone', scheme: 'light', file: 'sites/riverside/before/home-phone-light.png' }],
    };
    const files = join(dir, 'before-run-1/before');
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, 'home-phone-light.png'), 'png bytes');
    cache.store(beforeKey(before), shots, files);
    const into = join(dir, 'before-run-2/before');
    expect(cache.restore<BeforeShots>(beforeKey(before), into)).toEqual(shots);
    expect(readFileSync(join(into, 'home-phone-light.png'), 'utf8')).toBe('png bytes');
  });
});

describe('FolderCache', () => {
  const result: SiteResult = { name: 'riverside', commit: 'a'.repeat(40), status: 'passed', cached: false, buildSeconds: 3.2, shots: [] };

  function siteFiles(name: string): string {
    const files = join(dir, name);
    mkdirSync(join(files, 'before'), { recursive: true });
    writeFileSync(join(files, 'before/home-phone-light.png'), 'png bytes');
    return files;
  }

  test('a result stored by one run, with its images, is found by another with the same folder', () => {
    const key = cacheKey(inputs);
    new FolderCache(join(dir, 'shared')).store(key, result, siteFiles('report-1'));
    const restoredInto = join(dir, 'report-2/sites/riverside');
    const restored = new FolderCache(join(dir, 'shared')).restore(key, restoredInto);
    expect(restored).toEqual(result);
    expect(readFileSync(join(restoredInto, 'before/home-phone-light.png'), 'utf8')).toBe('png bytes');
  });

  test('misses a key it does not hold, and leaves the folder alone', () => {
    const into = siteFiles('report-3');
    expect(new FolderCache(join(dir, 'shared')).restore(cacheKey({ ...inputs, commit: 'c'.repeat(40) }), into)).toBeUndefined();
    expect(existsSync(join(into, 'before/home-phone-light.png'))).toBe(true);
  });

  test('storing a key twice keeps the first, and leaves no half-written entry', () => {
    const cache = new FolderCache(join(dir, 'twice'));
    const key = cacheKey({ ...inputs, site: 'twice' });
    cache.store(key, result, siteFiles('report-4'));
    cache.store(key, { ...result, status: 'failed' }, siteFiles('report-5'));
    expect(cache.restore(key, join(dir, 'report-6'))?.status).toBe('passed');
    expect(readdirSync(join(dir, 'twice'))).toEqual([key]);
  });
});
