import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeSites, VALID_SITE, writeSite } from '../test/write-site.ts';
import { findBrowser } from './browser.ts';
import { runLighthouse } from './lighthouse.ts';
import { serveSite, type SiteServer } from './serve.ts';

afterAll(removeSites);

const chromePath = findBrowser();
let server: SiteServer;
beforeAll(async () => {
  server = await serveSite(writeSite(VALID_SITE), '/');
});
afterAll(() => server?.close());

test.skipIf(!chromePath)('scores each category of a page offline, and notes the page types the site lacks', { timeout: 120_000 }, async () => {
  const [home, event] = await runLighthouse(chromePath!, [
    { type: 'home', path: '/', url: server.url },
    { type: 'event', path: undefined, url: undefined },
  ]);
  expect(Object.keys(home!.scores).sort()).toEqual(['accessibility', 'best-practices', 'performance', 'seo']);
  expect(home!.scores.accessibility).toBe(100);
  expect(home!.note).toBeUndefined();
  expect(event).toEqual({ type: 'event', path: undefined, scores: {}, shortfalls: [], note: 'skipped: the site has no event page' });
});
