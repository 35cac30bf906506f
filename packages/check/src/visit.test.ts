import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { page, removeSites, VALID_SITE, writeSite } from '../test/write-site.ts';
import { findBrowser, launchBrowser } from './browser.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { visitPage } from './visit.ts';

afterAll(removeSites);

const chromePath = findBrowser();

describe.skipIf(!chromePath)('visitPage in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: SiteServer;
  beforeAll(async () => {
    browser = await launchBrowser(chromePath!);
    server = await serveSite(
      writeSite({
        ...VALID_SITE,
        'bad/index.html': page('page', {
          body: '<h1>Bad</h1><img src="/dot.svg"><p style="color:#bbb">Faint text</p><img src="https://cdn.example.net/tracker.gif" alt=""><img src="/gone.png" alt="">',
        }),
        'dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
      }),
      '/',
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const visit = (path: string) => visitPage(browser, { type: 'page', path, url: server.origin + path, origin: server.origin });

  test('a clean page: no violation, no foreign request, and the weight of what it loaded', async () => {
    const result = await visit('/about/');
    expect(result).toMatchObject({ status: 200, violations: [], foreignRequests: [], failedRequests: [] });
    expect(result.resources.map(({ kind, bytes }) => ({ kind, bytes }))).toEqual(
      expect.arrayContaining([
        { kind: 'html', bytes: Buffer.byteLength(VALID_SITE['about/index.html']!) },
        { kind: 'css', bytes: Buffer.byteLength(VALID_SITE['style.css']!) },
      ]),
    );
  });

  test('reports axe violations, requests to other hosts (blocked) and loads that fail', async () => {
    const result = await visit('/bad/');
    expect(result.violations.map((violation) => [violation.rule, violation.target])).toEqual(
      expect.arrayContaining([
        ['image-alt', 'img[src$="dot.svg"]'],
        ['color-contrast', 'p'],
      ]),
    );
    expect(result.foreignRequests).toEqual(['https://cdn.example.net/tracker.gif']);
    expect(result.failedRequests).toEqual([{ url: `${server.origin}/gone.png`, reason: 'HTTP 404' }]);
  });
});
