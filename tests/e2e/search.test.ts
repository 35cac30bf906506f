import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchRequests } from '../support/page-checks.ts';
import { SITES, SUBPATH } from '../support/sites.ts';
import { axeInLightAndDark, visitSite, type SiteVisit } from '../support/visitor.ts';

/** A fresh page of the visit's browser that records every request it makes for the search index. */
async function openPage({ browser, server }: SiteVisit, options: { javaScriptEnabled?: boolean } = {}) {
  const page = await (await browser.newContext(options)).newPage();
  page.setDefaultTimeout(10_000);
  const pagefindRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
  });
  return { page, pagefindRequests, requests: watchRequests(page, server.origin) };
}

async function results(page: Page) {
  await page.locator('.search-result a').first().waitFor();
  return page.locator('.search-result a').evaluateAll((links) => links.map((link) => ({ href: link.getAttribute('href'), title: link.textContent })));
}

describe('search on the starter site', () => {
  const site = visitSite(SITES.starter.dist);

  test('the header box leads to the search page, whose results lead to the page', async () => {
    const { page, pagefindRequests, requests } = await openPage(site);
    await page.goto(new URL('news/', site.server.url).href);
    expect(await page.locator('script:not([type="application/ld+json"])').count(), 'a normal page has no script').toBe(0);
    expect(requests.scripts, 'a normal page loads no script').toEqual([]);

    await page.getByRole('search', { name: 'Search this site' }).getByLabel('Search this site').fill('storm');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'storm');
    expect(await page.locator('#search-query').inputValue()).toBe('storm');

    const found = await results(page);
    expect(found).toContainEqual({ href: '/about/', title: 'About us' });
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^\d+ results? for “storm”$/);
    expect(await page.locator('.search-result mark').first().textContent()).toMatch(/storm/i);
    expect(
      requests.scripts.some((url) => url.endsWith('/pagefind/pagefind.js')),
      'Pagefind is loaded to search',
    ).toBe(true);
    expect(pagefindRequests.every((url) => new URL(url).origin === site.server.origin)).toBe(true);
    expect(requests.foreign).toEqual([]);

    expect(await axeInLightAndDark(page), 'the search page with results').toEqual([]);

    await page.locator('.search-result a[href="/about/"]').click();
    await page.waitForURL((url) => url.pathname === '/about/');
    expect(await page.locator('h1').textContent()).toBe('About us');
    await page.context().close();
  });

  test('the search page loads Pagefind only when a visitor is about to search', async () => {
    const { page, pagefindRequests, requests } = await openPage(site);
    await page.goto(new URL('search/', site.server.url).href, { waitUntil: 'networkidle' });
    expect(pagefindRequests, 'nothing of the index loads with the page').toEqual([]);
    expect(requests.scripts, 'the page’s own script is inline').toEqual([]);
    expect(await axeInLightAndDark(page), 'the empty search page').toEqual([]);

    const loaded = page.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js'));
    await page.locator('#search-query').focus();
    await loaded;

    await page.locator('#search-query').fill('xylophonequartz');
    await page.locator('#search-query').press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('No results for “xylophonequartz”');
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('xylophonequartz');
    await page.context().close();
  });

  test('without JavaScript, the search page says why it cannot search', async () => {
    const { page } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(new URL('search/?q=storm', site.server.url).href);
    const note = page.locator('.search-page__note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Searching needs JavaScript');
    expect(await page.locator('form[role="search"][action="/search/"] input[name="q"]').count()).toBe(2);
    await page.context().close();
  });
});

describe('search on a site under a base path', () => {
  const site = visitSite(SUBPATH.dist, { base: SUBPATH.base });

  test('finds pages and links to them under the base path', async () => {
    const { page, pagefindRequests } = await openPage(site);
    await page.goto(new URL('search/?q=drupal', site.server.url).href);
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    for (const { href } of found) expect(href).toMatch(/^\/opentech-coop\/[^/]/);
    expect(pagefindRequests.length).toBeGreaterThan(0);
    for (const url of pagefindRequests) expect(new URL(url).pathname).toMatch(/^\/opentech-coop\/pagefind\//);

    const first = page.locator('.search-result a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe(title);
    await page.context().close();
  });
});
