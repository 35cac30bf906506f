import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routesFor } from './routes.ts';

const patterns = (news: boolean, cms = true) => routesFor({ news }, { enabled: cms }).map((route) => route.pattern);

describe('routesFor', () => {
  it('always gives the home page, pages, the 404 page and robots.txt', () => {
    for (const news of [true, false]) {
      expect(patterns(news)).toEqual(expect.arrayContaining(['/', '/[...slug]', '/404', '/robots.txt']));
    }
  });

  it('adds the news list, posts, tag pages and the RSS feed when news is on', () => {
    expect(patterns(true)).toEqual(expect.arrayContaining(['/news/[...page]', '/news/[slug]', '/news/tags/[tag]', '/rss.xml']));
  });

  it('has no news, tag or feed route when news is off', () => {
    const routes = patterns(false);
    expect(routes.filter((pattern) => pattern.startsWith('/news') || pattern === '/rss.xml')).toEqual([]);
    expect(routesFor({ news: false }).map((route) => route.file)).not.toContain('rss.xml.ts');
  });

  it('never gives two routes the same pattern', () => {
    for (const news of [true, false]) {
      for (const cms of [true, false]) {
        const routes = patterns(news, cms);
        expect(new Set(routes).size).toBe(routes.length);
      }
    }
  });

  it('adds the CMS admin page and its config only when the CMS is enabled', () => {
    expect(patterns(true, true)).toEqual(expect.arrayContaining(['/admin', '/admin/config.yml']));
    expect(patterns(true, false).filter((pattern) => pattern.startsWith('/admin'))).toEqual([]);
  });

  it('points every route at a file that exists in src/routes/', () => {
    for (const route of routesFor({ news: true }, { enabled: true })) {
      expect(existsSync(new URL(`./routes/${route.file}`, import.meta.url)), route.file).toBe(true);
    }
  });
});
