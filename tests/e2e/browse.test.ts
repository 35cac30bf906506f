import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file));
}

describe.each(Object.entries(SITES))('%s, browsed as a visitor', (_name, { dist }) => {
  const site = visitSite(dist);

  /** Each page on the way: a heading, no script, no axe violation in light and dark mode. */
  async function checkPage(kind: string) {
    expect(await site.page.locator('h1').first().isVisible(), `${kind} shows its heading`).toBe(true);
    expect(await site.page.locator('h1').count(), `${kind} has exactly one h1`).toBe(1);
    expect(await site.page.locator('script:not([type="application/ld+json"])').count(), `${kind} ships no script`).toBe(0);
    expect(await axeInLightAndDark(site.page), `${kind} passes axe`).toEqual([]);
  }

  test('home → page → sub-page → news → post → tag, each accessible and without JavaScript', async () => {
    const response = await site.page.goto(site.server.url);
    expect(response?.status()).toBe(200);
    await checkPage('home');

    const submenu = site.page.locator('.site-nav details').first();
    if (await submenu.count()) {
      // Sub-menus open without JavaScript: a click (or Enter) on their summary shows their links.
      const hidden = submenu.locator('a').last();
      expect(await hidden.isVisible()).toBe(false);
      await submenu.locator('summary').click();
      expect(await hidden.isVisible()).toBe(true);
      await submenu.locator('summary').click();
    }
    const pageLink = site.page.locator('.site-nav a[href]:not([href$="/news/"]):not([href$="/events/"]):visible').first();
    await pageLink.click();
    await site.page.waitForLoadState();
    expect(site.page.url()).not.toBe(site.server.url);
    await checkPage('page');

    const subpage = site.page.locator('.subpages a').first();
    if (await subpage.count()) {
      await subpage.click();
      await site.page.waitForLoadState();
      expect(await site.page.locator('.breadcrumbs a').count()).toBeGreaterThanOrEqual(2);
      await checkPage('sub-page');
    }

    await site.page.goto(site.server.url);
    await site.page.locator('.home__news a', { hasText: /all news/i }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/news/');
    await checkPage('news index');

    const firstPost = site.page.locator('.news-card__title a').first();
    const postTitle = (await firstPost.textContent())?.trim();
    await firstPost.click();
    await site.page.waitForLoadState();
    expect((await site.page.locator('h1').textContent())?.trim()).toBe(postTitle);
    expect(await site.page.locator('article time').count(), 'the post shows its date').toBeGreaterThan(0);
    await checkPage('news post');

    const tag = site.page.locator('.tag-list a').first();
    const tagName = (await tag.textContent())?.trim();
    await tag.click();
    await site.page.waitForLoadState();
    expect(await site.page.locator('h1').textContent()).toContain(tagName);
    expect(await site.page.locator('.news-card').count()).toBeGreaterThanOrEqual(1);
    await checkPage('tag page');

    const missing = await site.page.goto(new URL('no-such-page/', site.server.url).href);
    expect(missing?.status()).toBe(404);
    await checkPage('404 page');

    expect(site.requests.foreign, 'no request leaves the site').toEqual([]);
    expect(site.requests.scripts, 'no JavaScript is loaded').toEqual([]);
  });

  test('the site ships no JavaScript file outside the CMS but the code features load on use, and self-hosts its fonts', () => {
    const files = filesIn(dist);
    // The event map and the photo viewer: their loaders, Vite's helper, and what they load on use.
    const onUse = /[\\/]_astro[\\/](EventMap\.astro_|event-map\.|Lightbox\.astro_|lightbox\.|preload-helper\.)[^\\/]*\.js$/;
    // Pagefind, which the search page loads once a visitor searches (search.test.ts).
    const searchIndex = join(dist, 'pagefind/');
    // The CMS's own script, bundled with the theme's previews, which only /admin/ loads.
    const cmsScript = /[\\/]_astro[\\/]admin\.astro_astro_type_script_index_0_lang\.[^\\/]*\.js$/;
    expect(
      files.filter(
        (file) => /\.m?js$/.test(file) && !file.startsWith(join(dist, 'admin/')) && !file.startsWith(searchIndex) && !onUse.test(file) && !cmsScript.test(file),
      ),
    ).toEqual([]);
    expect(files).toContain(join(dist, 'admin/decap-cms.js'));
    const cmsScripts = files.filter((file) => cmsScript.test(file));
    expect(cmsScripts).toHaveLength(1);
    expect(readFileSync(join(dist, 'admin/index.html'), 'utf8')).toContain(`/_astro/${basename(cmsScripts[0]!)}"`);
    expect(files.some((file) => file.endsWith('.woff2'))).toBe(true);
  });

  test('the CMS is served from the site itself, with the published backend and the theme’s styles for previews', () => {
    const admin = readFileSync(join(dist, 'admin/index.html'), 'utf8');
    expect(admin).not.toMatch(/(src|href)="https?:/);
    const styles = JSON.parse(/"previewStyles":(\[[^\]]*\])/.exec(admin)![1]!) as string[];
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(existsSync(join(dist, style)), style).toBe(true);
    const config = readFileSync(join(dist, 'admin/config.yml'), 'utf8');
    expect(config).toMatch(/^backend:/m);
    expect(config).not.toContain('local_backend');
  });

  test('feeds, sitemap and robots.txt are published', async () => {
    const rss = await (await fetch(new URL('rss.xml', site.server.url))).text();
    expect(rss).toMatch(/^<\?xml[\s\S]*<rss version="2.0">[\s\S]*<item>/);
    const sitemap = await fetch(new URL('sitemap-index.xml', site.server.url));
    expect(sitemap.status).toBe(200);
    const robots = await (await fetch(new URL('robots.txt', site.server.url))).text();
    expect(robots).toContain('Sitemap: ');
  });
});
