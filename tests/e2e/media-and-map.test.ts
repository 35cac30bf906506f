import type { Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchRequests } from '../support/page-checks.ts';
import { SITES } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

/**
 * The starter's album (gallery, photo viewer, a video that plays on request) and the map of an
 * event, in real Chromium. The network is offline: requests to other hosts are answered here, and
 * each test says which of them may happen and when.
 */
const ALBUM = 'albums/autumn-on-maple-street/';
const EVENT_WITH_MAP = 'events/spring-clean-up/';
/** A 1×1 transparent PNG, the answer to every map tile. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const site = visitSite(SITES.starter.dist);

/** A fresh page with its requests recorded; requests to other hosts are aborted unless routed. */
async function openPage(path: string, routes: Record<string, (route: Route) => Promise<void>> = {}) {
  const { browser, server } = site;
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  const requests = watchRequests(page, server.origin);
  await page.route(
    (url) => url.origin !== server.origin,
    (route) => route.abort(),
  );
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  const response = await page.goto(new URL(path, server.url).href);
  expect(response?.status(), path).toBe(200);
  return { page, requests };
}

describe('an album', () => {
  test('the album list links to the album with its cover and number of photos', async () => {
    const { page } = await openPage('albums/');
    expect(await axeInLightAndDark(page), 'album list passes axe').toEqual([]);
    const card = page.locator('.album-card', { hasText: 'Autumn on Maple Street' });
    expect(await card.locator('.news-card__meta').textContent()).toContain('Photos: 5');
    await card.locator('a').click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`/${ALBUM}`);
    await page.context().close();
  });

  test('is accessible, links each thumbnail to its full-size photo and downloads no full-size photo up front', async () => {
    const { page, requests } = await openPage(ALBUM);
    expect(await axeInLightAndDark(page), 'album passes axe').toEqual([]);
    const links = page.locator('[data-gallery] a');
    expect(await links.count()).toBe(5);
    const fullSize = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    await page.waitForLoadState('networkidle');
    const images = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(
      images.filter((url) => fullSize.includes(url)),
      'no full-size photo is loaded with the page',
    ).toEqual([]);
    // Without JavaScript the link itself shows the photo.
    expect((await page.request.get(fullSize[0]!)).headers()['content-type']).toMatch(/^image\//);
    expect(requests.foreign, 'nothing is requested from another site').toEqual([]);
    expect(
      requests.scripts.filter((url) => !/\/_astro\/(Lightbox\.astro|preload-helper)[^/]*\.js$/.test(url)),
      'only the viewer’s loader',
    ).toEqual([]);
    await page.context().close();
  });

  test('the photo viewer: opened by keyboard, focus inside, arrows move, Escape closes and focus returns', async () => {
    const { page, requests } = await openPage(ALBUM);
    const links = page.locator('[data-gallery] a');
    const fullSize = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    await links.nth(1).focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[data-lightbox]');
    await dialog.waitFor({ state: 'visible' });
    expect(
      requests.scripts.some((url) => /\/_astro\/lightbox\.[^/]*\.js$/.test(url)),
      'the viewer is loaded on use',
    ).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]')), 'focus is in the viewer').toBe(true);
    const photo = dialog.locator('[data-lightbox-frame] img');
    expect(await photo.evaluate((image) => (image as HTMLImageElement).src)).toBe(fullSize[1]);
    expect(await photo.getAttribute('alt')).toBe(await links.nth(1).locator('img').getAttribute('alt'));
    expect(await dialog.locator('[data-lightbox-position]').textContent()).toBe('2 of 5');
    expect(await axeInLightAndDark(page), 'album with the viewer open passes axe').toEqual([]);

    await page.keyboard.press('ArrowRight');
    expect(await dialog.locator('[data-lightbox-position]').textContent()).toBe('3 of 5');
    expect(await dialog.locator('[data-lightbox-caption]').textContent()).toBe('The welcome table, staffed all afternoon.');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await dialog.locator('[data-lightbox-position]').textContent(), 'previous from the first is the last').toBe('5 of 5');
    await dialog.getByRole('button', { name: 'Next photo' }).click();
    expect(await dialog.locator('[data-lightbox-position]').textContent()).toBe('1 of 5');
    expect(await dialog.locator('[data-lightbox-caption]').textContent()).toBe('Bunting up for the open day.');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Closing hands focus back to the opener at once; the viewer's close event, a task later, moves it on.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href), {
        message: 'focus returns to the current photo’s thumbnail',
        timeout: 2000,
      })
      .toBe(fullSize[0]);
    await page.context().close();
  });

  test('the video: a play button and a link, nothing from the host until play, then its player', async () => {
    const { page, requests } = await openPage(ALBUM);
    await page.waitForLoadState('networkidle');
    const video = page.locator('#album-videos + .video-embed');
    expect(await video.locator('iframe').count(), 'no player before the click').toBe(0);
    expect(await video.locator('a[href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"]').count(), 'a plain link to the video').toBe(1);
    expect(requests.foreign, 'nothing from the host before the click').toEqual([]);

    await video.getByRole('button', { name: 'Play video: Big Buck Bunny, an open movie' }).click();
    const player = video.locator('iframe');
    await player.waitFor({ state: 'attached' });
    expect(await player.getAttribute('title')).toBe('Big Buck Bunny, an open movie');
    expect(await player.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1');
    expect(await player.getAttribute('allowfullscreen')).not.toBeNull();
    await expect.poll(() => requests.foreign.some((url) => url.startsWith('https://www.youtube-nocookie.com/')), { timeout: 5000 }).toBe(true);
    await page.context().close();
  });
});

describe('a video in an album’s text', () => {
  test('a video link on a line of its own in the text plays the same way', async () => {
    const { page, requests } = await openPage(ALBUM);
    const video = page.locator('.prose .video-embed');
    expect(await video.locator('a[href="https://vimeo.com/76979871"]').textContent()).toContain('Open source, explained');
    await page.waitForLoadState('networkidle');
    expect(requests.foreign, 'nothing from Vimeo before the click').toEqual([]);
    await video.getByRole('button', { name: 'Play video: Open source, explained' }).click();
    const player = video.locator('iframe');
    await player.waitFor({ state: 'attached' });
    expect(await video.locator('iframe').count(), 'one player, though the page has two play handlers').toBe(1);
    expect(await player.getAttribute('src')).toBe('https://player.vimeo.com/video/76979871?dnt=1&autoplay=1');
    expect(await player.getAttribute('title')).toBe('Open source, explained');
    await page.context().close();
  });
});

describe('the map of an event', () => {
  test('a link and a Show map button; Leaflet and the tiles load only when the button is pressed', async () => {
    const tiles: string[] = [];
    const { page, requests } = await openPage(EVENT_WITH_MAP, {
      'https://tile.openstreetmap.org/**': async (route) => {
        tiles.push(route.request().url());
        await route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
      },
    });
    await page.waitForLoadState('networkidle');
    const map = page.locator('[data-event-map]');
    expect(await map.locator('a[href^="https://www.openstreetmap.org/"]').count(), 'the plain link stays').toBe(1);
    const button = map.getByRole('button', { name: 'Show map' });
    expect(await button.isVisible()).toBe(true);
    expect(await axeInLightAndDark(page), 'event with a map passes axe').toEqual([]);
    expect(tiles, 'no tile before the click').toEqual([]);
    expect(requests.foreign).toEqual([]);
    expect(
      requests.scripts.some((url) => /event-map\.[^/]*\.js$/.test(url)),
      'Leaflet waits for the click',
    ).toBe(false);

    await button.focus();
    await page.keyboard.press('Enter');
    const region = map.getByRole('region', { name: 'Map of Maple Street Park, by the gazebo' });
    await region.waitFor();
    expect(await region.evaluate((element) => element.classList.contains('leaflet-container')), 'Leaflet drew the map').toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'focus moves to the map').toBe('region');
    expect(await region.locator('img.leaflet-marker-icon').getAttribute('alt')).toBe('Maple Street Park, by the gazebo');
    expect(await region.locator('.leaflet-tooltip').textContent()).toBe('Maple Street Park, by the gazebo');
    expect(await region.locator('.leaflet-control-attribution').textContent()).toContain('OpenStreetMap');
    await expect.poll(() => tiles.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(
      requests.foreign.filter((url) => !url.startsWith('https://tile.openstreetmap.org/')),
      'only tiles leave the site',
    ).toEqual([]);
    // Keyboard zoom: the map has focus, and + asks for the tiles of the next zoom level.
    expect(tiles.every((url) => url.startsWith('https://tile.openstreetmap.org/16/'))).toBe(true);
    await page.keyboard.press('+');
    await expect.poll(() => tiles.some((url) => url.startsWith('https://tile.openstreetmap.org/17/')), { timeout: 5000 }).toBe(true);
    expect(await axeInLightAndDark(page), 'event with the map shown passes axe').toEqual([]);
    await page.context().close();
  });
});
