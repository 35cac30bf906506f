import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { watchRequests } from '../support/page-checks.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';
import { visitSite } from '../support/visitor.ts';

/**
 * Content written as an attacker would (tests/fixtures/security-content): markup in an event's
 * place, a photo's description and caption, a video's title and a page's title, `$` sequences
 * that `String.replace` would read as patterns, and headings named like the layout's and a
 * form's ids. Each payload sets `window.__pwned` if it ever runs; in real Chromium, after the
 * click that brings in each feature's script, none has run and the text reads as written.
 */
const FIXTURE = fixture('security-content');
const dist = join(FIXTURE, 'dist');
/** A 1×1 transparent PNG, the answer to every map tile. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

beforeAll(async () => {
  const { code, output } = await astroBuild(FIXTURE);
  expect(code, output).toBe(0);
});
const site = visitSite(dist);

/** A fresh page that records what ran: requests to other hosts are aborted unless routed. */
async function openPage(path: string, routes: Record<string, (route: Route) => Promise<void>> = {}) {
  const { browser, server } = site;
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const requests = watchRequests(page, server.origin);
  await page.route(
    (url) => url.origin !== server.origin,
    (route) => route.abort(),
  );
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  const response = await page.goto(new URL(path, server.url).href);
  expect(response?.status(), path).toBe(200);
  return { page, dialogs, requests };
}

/** Whether a payload ran: its `onerror` would have set the flag. Waits for the broken images to fail first. */
async function payloadRan(page: Page): Promise<unknown> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
}

describe('text from content that scripts put on the page', () => {
  test('the map: the place in the marker’s label is text, and nothing runs', async () => {
    const { page, dialogs } = await openPage('events/park-meeting/', {
      'https://tile.openstreetmap.org/**': (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
    });
    const place = `Park <img src=x onerror="window.__pwned='map'"> $& $'`;
    await page.getByRole('button', { name: 'Show map' }).click();
    const tooltip = page.locator('.leaflet-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.textContent()).toBe(place);
    expect(await tooltip.locator('img').count(), 'no element made from the name').toBe(0);
    expect(await page.locator('.event-map__map').getAttribute('aria-label')).toBe(`Map of ${place}`);
    expect(await page.locator('.leaflet-marker-icon').getAttribute('title')).toBe(place);
    expect(await payloadRan(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  test('the photo viewer: a photo’s description and caption are text, and nothing runs', async () => {
    const { page, dialogs } = await openPage('albums/payload-album/');
    await page.locator('[data-gallery] a').first().click();
    const dialog = page.locator('dialog[data-lightbox]');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('[data-lightbox-frame] img').getAttribute('alt')).toBe(`Beds <img src=x onerror="window.__pwned='alt'">`);
    expect(await dialog.locator('[data-lightbox-caption]').textContent()).toBe(`Caption <img src=x onerror="window.__pwned='caption'"> $& $'`);
    expect(await dialog.locator('[data-lightbox-caption] img').count()).toBe(0);
    expect(await dialog.locator('[data-lightbox-position]').textContent()).toBe('1 of 2');
    expect(await payloadRan(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  test('the videos: titles in the play buttons and players are text, $ sequences included', async () => {
    const { page } = await openPage('albums/payload-album/');
    const clip = `Clip <img src=x onerror="window.__pwned='video'"> $& $'`;
    await page.getByRole('button', { name: `Play video: ${clip}` }).click();
    expect(await page.locator(`iframe[title="${clip.replaceAll('"', '\\"')}"]`).count()).toBe(1);
    // Smart punctuation turns the Markdown's ' into ’; the $ sequences stay as written.
    expect(await page.locator('.prose .video-embed__label').textContent()).toBe('Play video: Talk $& bold $`');
    expect(await payloadRan(page)).toBeUndefined();
    await page.context().close();
  });

  test('search: a title and a text that quote markup are shown as text, the matched words marked', async () => {
    const { page, dialogs } = await openPage('search/?q=zebrafinch');
    const result = page.locator('.search-result', { hasText: 'Payload' });
    await result.waitFor({ state: 'visible' });
    expect(await result.locator('a').textContent()).toBe(`Payload <img src=x onerror="window.__pwned='search title'"> zebrafinch`);
    expect(new URL((await result.locator('a').getAttribute('href'))!, site.server.url).pathname).toBe('/payload/');
    // Smart punctuation has curled the quotes of the text; the markup is there as characters.
    expect(await result.locator('.search-result__excerpt').textContent()).toContain(`<img src=x onerror=`);
    expect(await result.locator('.search-result__excerpt').textContent()).toContain(`<script>window.__pwned='code'</script>`);
    expect(await result.locator('.search-result__excerpt mark').allTextContents()).toContain('zebrafinch.');
    expect(await page.locator('.search-results img').count()).toBe(0);
    expect(await payloadRan(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});

describe('ids of headings', () => {
  test('“## Main” leaves the skip link’s target alone, and in-page links still lead to their sections', async () => {
    const { page } = await openPage('payload/');
    expect(await page.locator('[id="main"]').evaluateAll((elements) => elements.map((element) => element.tagName))).toEqual(['MAIN']);
    expect(await page.locator('.prose h2').first().getAttribute('id')).toBe('user-content-main');
    await page.getByRole('link', { name: 'the main section' }).click();
    expect(new URL(page.url()).hash).toBe('#user-content-main');
    await page.getByRole('link', { name: 'the costs' }).click();
    const costs = page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.slice(1))}"]`);
    expect(await costs.evaluate((element) => element.tagName)).toBe('H2');
    expect(await costs.locator('.oo-heading-anchor').getAttribute('aria-label')).toBe('Link to the section “Costs $’ and $` and $& and $1”');
    await page.context().close();
  });

  test('a heading “Contact email” leaves the form’s field its id, so its label still names it', async () => {
    const { page } = await openPage('contact/');
    expect(await page.locator('[id="contact-email"]').evaluateAll((elements) => elements.map((element) => element.tagName))).toEqual(['INPUT']);
    expect(await page.locator('.prose h2', { hasText: 'Contact email' }).getAttribute('id')).toBe('user-content-contact-email');
    const label = (await page.locator('label[for="contact-email"]').textContent())!.trim();
    expect(await page.getByLabel(label, { exact: true }).evaluateAll((fields) => fields.map((field) => field.id))).toEqual(['contact-email']);
    await page.context().close();
  });

  test('the plain SVG in the text and the logo are published', async () => {
    const { page } = await openPage('payload/');
    const drawing = page.getByRole('img', { name: 'The fixture’s logo' }).or(page.getByRole('img', { name: "The fixture's logo" }));
    expect(await drawing.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(64);
    await page.context().close();
  });
});

/**
 * Each scenario is the fixture with files replaced. The build must stop with a message naming
 * the file, the field when there is one, and the fix, and no stack trace.
 */
const SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(document.domain)</script><circle r="4"/></svg>';
const SCENARIOS: { name: string; files: Record<string, string>; expect: string[] }[] = [
  {
    name: 'a logo SVG with a script',
    files: { 'src/assets/logo.svg': SCRIPT_SVG },
    expect: ['src/assets/logo.svg', 'this SVG contains a script', 'a script <script> (line 1)', 'Fix: export it again as a plain SVG'],
  },
  {
    name: 'SVGs with scripts in a text and in public',
    files: {
      'src/assets/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
      'public/icon.svg':
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></foreignObject></svg>',
      'src/content/pages/evil.md': '---\ntitle: Evil\n---\n![A drawing](../../assets/evil.svg)\n',
    },
    expect: ['src/assets/evil.svg', 'an event handler onload', 'public/icon.svg', 'embedded HTML <foreignObject>'],
  },
  {
    name: 'an SVG as an album photo',
    files: {
      'src/assets/albums/drawing.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>',
      'src/content/albums/payload-album.md':
        '---\ntitle: Drawings\ndate: 2026-05-01\nphotos:\n  - src: ../../assets/albums/drawing.svg\n    alt: A circle\n---\n',
    },
    expect: ['src/content/albums/payload-album.md', 'photos[0].src: "../../assets/albums/drawing.svg" is an SVG drawing', 'Fix: export it as a PNG'],
  },
  {
    name: 'a link with a malformed escape',
    files: { 'src/content/pages/evil.md': '---\ntitle: Evil\n---\nA link: <a href="/news/%zz/">broken</a>\n' },
    expect: ['src/content/pages/evil.md', 'the link /news/%zz/ has a "%" that starts no escape', 'Fix: write a "%" that belongs in the address as %25'],
  },
];

describe.each(SCENARIOS)('a site with $name', (scenario) => {
  test('fails with a message naming the file, the field and the fix', async () => {
    const dir = join(REPO_ROOT, 'tests/.output/security-content', scenario.name.replace(/\W+/g, '-'));
    rmSync(dir, { recursive: true, force: true });
    cpSync(FIXTURE, dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
    for (const [file, content] of Object.entries(scenario.files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    const { code, output } = await astroBuild(dir);
    expect(code, output).toBe(1);
    for (const expected of scenario.expect) expect(output).toContain(expected);
    expect(output, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
