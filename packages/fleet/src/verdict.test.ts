import { describe, expect, test } from 'vitest';
import type { ShotDiff, SiteResult } from './types.ts';
import { exitCodeOf, siteLine, siteStatus, withAccepted } from './verdict.ts';

const shot = (pageType: string, changed: boolean): ShotDiff => ({
  pageType,
  path: `/${pageType}/`,
  width: 'phone',
  scheme: 'light',
  file: `sites/a/after/${pageType}.png`,
  before: `sites/a/before/${pageType}.png`,
  after: `sites/a/after/${pageType}.png`,
  changedPixels: changed ? 500 : 0,
  ratio: changed ? 0.05 : 0,
  changed,
  accepted: false,
});
const site = (change: Partial<SiteResult>): SiteResult => ({
  name: 'riverside',
  commit: 'abc',
  status: 'passed',
  cached: false,
  shots: [shot('home', false)],
  ...change,
});

describe('a site’s status', () => {
  test('passes with every gate passed and no shot changed', () => {
    expect(siteStatus(site({ gates: [{ name: 'Accessibility', passed: true, summary: '' }] }))).toBe('passed');
  });
  test('fails on a failed gate, before any change counts', () => {
    expect(siteStatus(site({ gates: [{ name: 'Links', passed: false, summary: '2 broken' }], shots: [shot('event', true)] }))).toBe('failed');
  });
  test('fails on a failed build', () => {
    expect(siteStatus(site({ error: 'with the candidate, the build failed: …', shots: [] }))).toBe('failed');
  });
  test('is changed by a shot above the threshold, and passes once the accept file covers it', () => {
    const changed = site({ shots: [shot('home', false), shot('event', true)] });
    expect(withAccepted(changed, []).status).toBe('changed');
    const accepted = withAccepted(changed, [{ pageType: 'event' }]);
    expect(accepted.status).toBe('passed');
    expect(accepted.shots.map((each) => each.accepted)).toEqual([false, true]);
  });
  test('stays an error', () => {
    expect(withAccepted(site({ status: 'error', error: 'Cloning failed' }), [{ site: '*' }]).status).toBe('error');
  });
});

describe('a site’s line in the output', () => {
  test('names a failed gate and its first failure, with the page', () => {
    const failed = site({
      status: 'failed',
      buildSeconds: 8.2,
      gates: [
        { name: 'Accessibility', passed: true, summary: '0 violations on 9 pages' },
        {
          name: 'Policy (CSP)',
          passed: false,
          summary: '1 violation or error on 19 pages',
          failures: ['/events/ (events-index): script error after loading the page: x is not defined'],
        },
      ],
    });
    expect(siteLine(failed)).toBe(
      '✗ riverside failed: built in 8.2 s; Policy (CSP) failed: 1 violation or error on 19 pages (first: /events/ (events-index): script error after loading the page: x is not defined)',
    );
  });
});

describe('the exit code', () => {
  test('is 0 when every site passed', () => {
    expect(exitCodeOf({ sites: [site({}), site({ name: 'b' })] })).toBe(0);
  });
  test.each(['failed', 'changed', 'error'] as const)('is 1 when a site is %s', (status) => {
    expect(exitCodeOf({ sites: [site({}), site({ name: 'b', status })] })).toBe(1);
  });
});
