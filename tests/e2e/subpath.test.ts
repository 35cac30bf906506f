import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { crawl } from '../support/crawl.ts';
import { findNginx, serveWithNginx } from '../support/nginx.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { SUBPATH } from '../support/sites.ts';

let server: StaticServer;
beforeAll(async () => {
  // nginx is what the co-op hosts with; a machine without it still checks with a plain server.
  server = findNginx() ? await serveWithNginx(SUBPATH.dist, SUBPATH.base) : await serveStatic(SUBPATH.dist, SUBPATH.base);
});
afterAll(async () => {
  await server?.close();
});

test('the co-op site built under /opentech-coop/ has zero broken internal links or anchors', async () => {
  const { pages, broken } = await crawl(server.url);
  expect(pages.length).toBeGreaterThan(10);
  expect(broken).toEqual([]);
});

test('a missing page under the base path gets the site’s own 404 page', async () => {
  const response = await fetch(new URL('no-such-page/', server.url));
  expect(response.status).toBe(404);
  expect(await response.text()).toContain(`href="${SUBPATH.base}"`);
});

test('feeds, sitemap and robots.txt carry the base path', () => {
  const rss = readFileSync(join(SUBPATH.dist, 'rss.xml'), 'utf8');
  const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((match) => match[1]);
  expect(links.length).toBeGreaterThan(1);
  for (const link of links) expect(link).toMatch(/^https:\/\/opentech\.coop\/opentech-coop\//);
  const sitemap = readFileSync(join(SUBPATH.dist, 'sitemap-0.xml'), 'utf8');
  const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(locations.length).toBeGreaterThan(5);
  for (const location of locations) expect(location).toMatch(/^https:\/\/opentech\.coop\/opentech-coop\//);
  expect(locations.some((location) => location!.includes('404'))).toBe(false);
  expect(readFileSync(join(SUBPATH.dist, 'robots.txt'), 'utf8')).toContain('https://opentech.coop/opentech-coop/sitemap-index.xml');
});

test('search works from the host: Pagefind’s index and WebAssembly load under the base path', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(new URL('search/?q=bylaws', server.url).href);
    await page.locator('.search-result a').first().waitFor({ timeout: 10_000 });
    const results = await page.locator('.search-result a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(results).toContain(`${SUBPATH.base}news/bylaws-adopted/`);
    expect(failed).toEqual([]);
  } finally {
    await browser.close();
  }
});
