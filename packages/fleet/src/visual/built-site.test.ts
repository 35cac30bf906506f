import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser, launchBrowser } from '@openoutreach/check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../../../../tests/support/build.ts';
import { fixture } from '../../../../tests/support/sites.ts';
import { captureShots } from './capture.ts';
import { compareShots } from './compare.ts';

const chromePath = findBrowser();

/** The fixture `minimal`, built by the kit into a fresh folder; screenshot three times. */
describe.skipIf(!chromePath)('screenshots of a site the kit built', { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'oo-fleet-built-'));
  const dist = join(work, 'dist');
  let browser: Browser;
  beforeAll(async () => {
    const build = await astroBuild(fixture('minimal'), ['--outDir', dist]);
    if (build.code !== 0) throw new Error(`Building the fixture minimal failed:\n${build.output.slice(-3000)}`);
    browser = await launchBrowser(chromePath!);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('the same build gives the same PNGs; one CSS rule for wide dark screens on one page changes exactly that shot', async () => {
    const report = join(work, 'report');
    const first = await captureShots({ dist, outDir: join(report, 'first'), reportDir: report, browser });
    const second = await captureShots({ dist, outDir: join(report, 'second'), reportDir: report, browser });
    expect(new Set(first.map((shot) => shot.pageType))).toEqual(
      new Set(['home', 'page', 'news-index', 'news-post', 'news-tag', 'events-index', 'events-past', 'search', 'not-found']),
    );
    expect(first).toHaveLength(9 * 4);
    const unchanged = await compareShots(first, second, { threshold: 0, outDir: join(report, 'diff-same'), reportDir: report });
    expect(unchanged.filter((shot) => shot.changed)).toEqual([]);
    for (const shot of first)
      expect(readFileSync(join(report, shot.file)).equals(readFileSync(join(report, shot.file.replace('first/', 'second/'))))).toBe(true);

    const edited = join(work, 'dist-edited');
    cpSync(dist, edited, { recursive: true });
    // The pages' Content-Security-Policy allows the site's own stylesheets only, so the rule comes in a file.
    writeFileSync(join(edited, 'extra.css'), '@media (prefers-color-scheme: dark) and (min-width: 1000px) { main h1 { letter-spacing: 0.2em; } }\n');
    const about = join(edited, 'about/index.html');
    writeFileSync(about, readFileSync(about, 'utf8').replace('</head>', '<link rel="stylesheet" href="/extra.css"></head>'));
    const after = await captureShots({ dist: edited, outDir: join(report, 'after'), reportDir: report, browser });
    const diffs = await compareShots(first, after, { threshold: 0, outDir: join(report, 'diff'), reportDir: report });
    expect(diffs.filter((shot) => shot.changed).map(({ pageType, path, width, scheme, diff }) => ({ pageType, path, width, scheme, diff }))).toEqual([
      { pageType: 'page', path: '/about/', width: 'desktop', scheme: 'dark', diff: 'diff/page-desktop-dark.png' },
    ]);
    expect(diffs.find((shot) => shot.changed)!.changedPixels).toBeGreaterThan(100);
  });
});
