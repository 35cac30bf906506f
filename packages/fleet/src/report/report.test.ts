import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { axeViolations, findBrowser, launchBrowser } from '@openoutreach/check';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FleetSummary, ShotDiff } from '../types.ts';
import { readReport, writeReport } from './index.ts';

const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'oo-fleet-report-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function writePng(dir: string, file: string, width: number, height: number) {
  const image = new PNG({ width, height });
  image.data.fill(200);
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), PNG.sync.write(image));
}

const shot = (fields: Partial<ShotDiff> & Pick<ShotDiff, 'pageType' | 'width' | 'scheme'>): ShotDiff => {
  const name = `${fields.pageType}-${fields.width}-${fields.scheme}.png`;
  return {
    path: `/${fields.pageType}/`,
    file: `sites/riverside/after/${name}`,
    before: `sites/riverside/before/${name}`,
    after: `sites/riverside/after/${name}`,
    changedPixels: 0,
    ratio: 0,
    changed: false,
    accepted: false,
    ...fields,
  };
};

const GATES = [
  { name: 'Accessibility (axe)', passed: true, summary: '0 violations on 9 pages' },
  {
    name: 'Links',
    passed: false,
    summary: '2 broken links on 40 pages',
    failures: ['/news/ (news-index): links to /news/old-post/, which is not a page', '/about/ (page): links to /team/<b>, which is not a page'],
  },
];

/** A run over four sites, one of each status, with the images of the changed shots on disk. */
function fleetRun(dir: string): FleetSummary {
  const shots = [
    shot({
      pageType: 'event',
      width: 'phone',
      scheme: 'dark',
      changed: true,
      changedPixels: 900,
      ratio: 0.0231,
      diff: 'sites/riverside/diff/event-phone-dark.png',
    }),
    shot({
      pageType: 'event',
      width: 'desktop',
      scheme: 'light',
      changed: true,
      accepted: true,
      changedPixels: 12,
      ratio: 0.00001,
      diff: 'sites/riverside/diff/event-desktop-light.png',
    }),
    shot({ pageType: 'home', width: 'phone', scheme: 'light' }),
    shot({ pageType: 'donate (es)', width: 'phone', scheme: 'light', path: '/es/donar/', before: '', changed: true, changedPixels: 100, ratio: 1 }),
  ];
  for (const { before, after, diff, width } of shots) for (const file of [before, after, diff]) if (file) writePng(dir, file, width === 'phone' ? 39 : 128, 60);
  mkdirSync(join(dir, 'sites/eastside/logs'), { recursive: true });
  writeFileSync(join(dir, 'sites/eastside/logs/build-after.txt'), 'error: <Header> broke\n');
  return {
    candidate: 'workspace /work/main',
    startedAt: '2026-11-28T18:30:05.123Z',
    seconds: 312.4,
    threshold: 0.001,
    sites: [
      {
        name: 'riverside',
        commit: '0123456789abcdef0123456789abcdef01234567',
        status: 'changed',
        cached: false,
        buildSeconds: 41.25,
        seconds: 83.14,
        gates: [GATES[0]!],
        shots,
        domain: 'riverside.example',
      },
      {
        name: 'eastside',
        commit: 'fedcba9876543210fedcba9876543210fedcba98',
        status: 'failed',
        cached: false,
        error: 'with the candidate, the build failed: <Header> broke & stopped',
        shots: [],
      },
      { name: 'northside', commit: '1111111111222222222233333333334444444444', status: 'failed', cached: true, buildSeconds: 12, gates: GATES, shots: [] },
      { name: 'westside', commit: '', status: 'error', cached: false, error: 'git clone failed: repository not found', shots: [] },
      {
        name: 'southside',
        commit: 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd',
        status: 'passed',
        cached: true,
        buildSeconds: 9.5,
        gates: [GATES[0]!],
        shots: [shot({ pageType: 'home', width: 'phone', scheme: 'dark' })],
      },
    ],
  };
}

describe('writeReport and readReport', () => {
  test('report.json holds the summary, and readReport gives it back', async () => {
    const dir = tempDir();
    const summary = fleetRun(dir);
    await writeReport(dir, summary);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual(summary);
    expect(await readReport(dir)).toEqual(summary);
  });

  test('index.html tells each site its status, commit, build time, cache and gates, and links the images of changed shots only', async () => {
    const dir = tempDir();
    await writeReport(dir, fleetRun(dir));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('5 sites: 1 passed, 2 failed, 1 changed, 1 could not check; 2 from the cache.');
    expect(text).toContain(
      "Started 2026-11-28 18:30 UTC, took 312.4 s. A screenshot counts as changed when more than 0.10 % of its pixels changed, or its page's length.",
    );
    expect(text).toMatch(/riverside Changed 0123456789 41\.3 s checked in 83\.1 s 1 of 1 passed 3 of 4 changed \(1 accepted\)/);
    expect(text).toMatch(/northside Failed 1111111111 12\.0 s from the cache 1 of 2 passed none/);
    expect(text).toMatch(/southside Passed aaaaaaaaaa 9\.5 s from the cache 1 of 1 passed 0 of 1 changed/);
    expect(text).toContain('Changed screenshots by page type Page type Sites Which donate (es) 1 riverside event 1 riverside');
    expect(text).toContain('event, phone (390 px), dark: 2.31 % of its pixels changed');
    expect(text).toContain('event, desktop (1280 px), light: under 0.01 % of its pixels changed (accepted)');
    expect(text).toContain('donate (es), phone (390 px), light: new with the candidate');
    expect(text).toContain('Failed Links: 2 broken links on 40 pages /news/ (news-index): links to /news/old-post/, which is not a page');
    expect(html).toContain('<li>/about/ (page): links to /team/&lt;b&gt;, which is not a page</li>');
    expect(text).toContain('git clone failed: repository not found');
    // The site's own text is escaped, never markup.
    expect(html).toContain('the build failed: &lt;Header&gt; broke &amp; stopped');
    const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
    expect(images).toEqual([
      'sites/riverside/before/event-phone-dark.png',
      'sites/riverside/after/event-phone-dark.png',
      'sites/riverside/diff/event-phone-dark.png',
      'sites/riverside/before/event-desktop-light.png',
      'sites/riverside/after/event-desktop-light.png',
      'sites/riverside/diff/event-desktop-light.png',
      'sites/riverside/after/donate%20(es)-phone-light.png',
    ]);
    expect(html).toContain('width="39" height="60"');
    expect(html).toContain('<a href="sites/eastside/logs/build-after.txt">build-after.txt</a>');
    // Passed sites with nothing changed have their row only.
    expect(html).not.toContain('id="site-southside"');
  });

  test('readReport names the folder or file and what to do', async () => {
    const dir = tempDir();
    await expect(readReport(dir)).rejects.toThrow(`${dir} holds no report.json: name the --out folder of an \`openoutreach-fleet check\` run.`);
    writeFileSync(join(dir, 'report.json'), '{ "candidate": ');
    await expect(readReport(dir)).rejects.toThrow(
      new RegExp(`^${join(dir, 'report.json')} is not JSON \\(.*\\): give the folder a \`check\` run wrote, unchanged\\.$`),
    );
    writeFileSync(join(dir, 'report.json'), '{ "candidate": "1.2.0" }');
    await expect(readReport(dir)).rejects.toThrow(`${join(dir, 'report.json')} is not a fleet report (it lacks candidate, startedAt or sites)`);
  });
});

const chromePath = findBrowser();

describe.skipIf(!chromePath)('the report page in Chromium, opened from disk', { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromePath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('every image loads from the report folder, nothing else is asked for, and axe finds nothing in light or dark', async () => {
    const dir = tempDir();
    await writeReport(dir, fleetRun(dir));
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    const loaded = await page.evaluate(async () => {
      const images = [...document.images];
      for (const image of images) image.loading = 'eager';
      await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
      return images.map((image) => image.naturalWidth > 0);
    });
    expect(loaded).toEqual(Array(7).fill(true));
    const folder = pathToFileURL(dir).href;
    expect(requests.filter((url) => !url.startsWith(`${folder}/`))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
