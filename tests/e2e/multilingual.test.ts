import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

/** The Riverside Tenants Union publishes in English (at the root) and Spanish (under /es/). */
const { dist } = SITES.riversideTenants;
const built = (path: string) => readFileSync(join(dist, path), 'utf8');
const site = visitSite(dist);

const visit = async (path: string) => {
  const response = await site.page.goto(new URL(path.replace(/^\//, ''), site.server.url).href);
  expect(response?.status(), path).toBe(200);
};
const hreflangs = async () =>
  site.page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]));

describe('a site in English and Spanish', () => {
  test('speaks Spanish under /es/: language, interface words, menus, tagline and dates', async () => {
    await visit('/es/');
    expect(await site.page.locator('html').getAttribute('lang')).toBe('es');
    expect(await site.page.locator('.skip-link').textContent()).toBe('Saltar al contenido principal');
    const menu = await site.page.locator('.site-nav a').allTextContents();
    expect(menu).toEqual(expect.arrayContaining(['Noticias', 'Eventos', 'Sobre el sindicato', 'Conoce tus derechos']));
    expect(menu).not.toContain('News');
    expect(await site.page.locator('.site-tagline').textContent()).toContain('Vecinos unidos');
    expect(await site.page.locator('.site-nav a', { hasText: 'Noticias' }).getAttribute('href')).toBe('/es/news/');

    await visit('/es/know-your-rights/');
    expect(await site.page.locator('h2 .oo-heading-anchor').first().getAttribute('aria-label')).toBe('Enlace a la sección «Reparaciones y habitabilidad»');

    await visit('/es/news/heat-restored-river-road/');
    expect(await site.page.locator('article time').first().textContent()).toBe('14 de octubre de 2026');
    await visit('/news/heat-restored-river-road/');
    expect(await site.page.locator('article time').first().textContent()).toBe('October 14, 2026');
  });

  test('the language switcher leads to the translation, or to the home page of a language without one', async () => {
    await visit('/news/heat-restored-river-road/');
    const switcher = site.page.getByRole('navigation', { name: 'Languages' });
    expect(await switcher.getByRole('link', { name: 'English' }).getAttribute('aria-current')).toBe('true');
    await switcher.getByRole('link', { name: 'Español' }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/es/news/heat-restored-river-road/');
    expect(await site.page.locator('h1').textContent()).toContain('Vuelve la calefacción');
    await site.page.getByRole('navigation', { name: 'Idiomas' }).getByRole('link', { name: 'English' }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/news/heat-restored-river-road/');

    // Only in English: Spanish readers are sent to their home page, and no hreflang claims a translation.
    await visit('/news/volunteer-translators/');
    expect(await site.page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'Español' }).getAttribute('href')).toBe('/es/');
    expect(await hreflangs()).toEqual([]);
  });

  test('hreflang links join each page to its translations, with the main language as the default', async () => {
    await visit('/es/know-your-rights/');
    expect(await hreflangs()).toEqual([
      ['en', 'https://riversidetenants.org/know-your-rights/'],
      ['es', 'https://riversidetenants.org/es/know-your-rights/'],
      ['x-default', 'https://riversidetenants.org/know-your-rights/'],
    ]);
    expect(await site.page.locator('link[rel="canonical"]').getAttribute('href')).toBe('https://riversidetenants.org/es/know-your-rights/');
  });

  test('each language has its own news feed and calendar, and a translated event is one event to calendars', () => {
    const spanishFeed = built('es/rss.xml');
    expect(spanishFeed).toContain('<language>es</language>');
    expect(spanishFeed).toContain('Vuelve la calefacción');
    expect(spanishFeed).not.toContain('volunteer translators');
    expect(spanishFeed).toContain('https://riversidetenants.org/es/news/heat-restored-river-road/');
    expect(built('rss.xml')).not.toContain('Vuelve la calefacción');

    const english = new ICAL.Component(ICAL.parse(built('events/general-meeting.ics')));
    const spanish = new ICAL.Component(ICAL.parse(built('es/events/general-meeting.ics')));
    const [en, es] = [english, spanish].map((calendar) => calendar.getFirstSubcomponent('vevent')!);
    expect(es!.getFirstPropertyValue('summary')).toBe('Asamblea general');
    expect(es!.getFirstPropertyValue('uid')).toBe(en!.getFirstPropertyValue('uid'));
    expect(built('es/events/index.html')).toMatch(/jueves, \d+ de [a-z]+ de \d{4}/);
  });

  test('search finds a known page in each language, and only pages of that language', async () => {
    const results = async () => {
      await site.page.locator('.search-result a').first().waitFor();
      return site.page.locator('.search-result a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    };
    await visit('/es/');
    await site.page.getByRole('search').getByRole('searchbox').fill('habitabilidad');
    await site.page.getByRole('search').getByRole('searchbox').press('Enter');
    await site.page.waitForURL(/\/es\/search\/\?q=habitabilidad/);
    const spanish = await results();
    expect(spanish).toContain('/es/know-your-rights/');
    expect(spanish.every((href) => href?.startsWith('/es/'))).toBe(true);

    await visit('/search/?q=habitable');
    const english = await results();
    expect(english).toContain('/know-your-rights/');
    expect(english.some((href) => href?.startsWith('/es/'))).toBe(false);
  });

  test('a link written once for all languages leads to the reader’s language where the page exists, else to the original', () => {
    const banner = (html: string) => /<aside class="announcement"[^>]*>(.*?)<\/aside>/s.exec(html)?.[1] ?? '';
    // The announcement's post exists only in English: Spanish readers are sent to it, not to a missing page.
    expect(banner(built('es/index.html'))).toContain(
      'Buscamos traductores voluntarios. <a href="/news/volunteer-translators/">Más información (en inglés)</a>',
    );
    expect(banner(built('index.html'))).toContain('<a href="/news/volunteer-translators/">Find out more</a>');
    // A menu link whose page is translated leads to the translation.
    expect(built('es/index.html')).toContain('<a href="/es/donate/"');
  });

  test('the one 404 page the host serves also shows Spanish readers the way to their home page', () => {
    const notFound = built('404.html');
    expect(notFound).toMatch(/<section class="not-found__language" lang="es"[^>]*>.*Lo sentimos.*<a href="\/es\/">Ir a la página de inicio<\/a>/s);
  });

  test('the sitemap lists the pages of both languages, each with its translations', async () => {
    const index = await (await fetch(new URL('sitemap-index.xml', site.server.url))).text();
    const sitemapUrl = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
    const sitemap = await (await fetch(new URL(new URL(sitemapUrl).pathname, site.server.url))).text();
    expect(sitemap).toContain('https://riversidetenants.org/es/know-your-rights/');
    expect(sitemap).toContain('https://riversidetenants.org/know-your-rights/');
    // Each page with its translations, and none claimed for a page written in one language only.
    expect(sitemap).toContain(
      '<url><loc>https://riversidetenants.org/es/know-your-rights/</loc><xhtml:link rel="alternate" hreflang="es" href="https://riversidetenants.org/es/know-your-rights/"/><xhtml:link rel="alternate" hreflang="en" href="https://riversidetenants.org/know-your-rights/"/></url>',
    );
    expect(sitemap).toContain('<url><loc>https://riversidetenants.org/news/volunteer-translators/</loc></url>');
  });

  test.each(['/es/', '/es/know-your-rights/', '/es/news/', '/es/news/rent-increase-cap/', '/es/events/', '/es/events/general-meeting/'])(
    '%s passes axe in light and dark mode',
    async (path) => {
      await visit(path);
      expect(await axeInLightAndDark(site.page), path).toEqual([]);
    },
  );
});
