import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routesFor } from './routes.ts';

const ALL = [
  { news: true, events: true },
  { news: true, events: false },
  { news: false, events: true },
  { news: false, events: false },
];
const patterns = (features: { news: boolean; events: boolean }, cms = true) => routesFor(features, { enabled: cms }).map((route) => route.pattern);

describe('routesFor', () => {
  it('always gives the home page, pages, the 404 page and robots.txt', () => {
    for (const features of ALL) {
      expect(patterns(features)).toEqual(expect.arrayContaining(['/', '/[...slug]', '/404', '/robots.txt']));
    }
  });

  it('adds the news list, posts, tag pages and the RSS feed when news is on', () => {
    expect(patterns({ news: true, events: false })).toEqual(expect.arrayContaining(['/news/[...page]', '/news/[slug]', '/news/tags/[tag]', '/rss.xml']));
  });

  it('has no news, tag or feed route when news is off', () => {
    const routes = patterns({ news: false, events: true });
    expect(routes.filter((pattern) => pattern.startsWith('/news') || pattern === '/rss.xml')).toEqual([]);
    expect(routesFor({ news: false, events: true }).map((route) => route.file)).not.toContain('rss.xml.ts');
  });

  it('adds the event lists, pages, month calendars and iCalendar files when events are on', () => {
    expect(patterns({ news: false, events: true })).toEqual(
      expect.arrayContaining(['/events', '/events/past', '/events/calendar/[month]', '/events/[slug]', '/events/[slug].ics', '/events.ics']),
    );
    expect(patterns({ news: true, events: false }).filter((pattern) => pattern.startsWith('/events'))).toEqual([]);
  });

  it('never gives two routes the same pattern', () => {
    for (const features of ALL) {
      for (const cms of [true, false]) {
        const routes = patterns(features, cms);
        expect(new Set(routes).size).toBe(routes.length);
      }
    }
  });

  it('adds the CMS admin page and its config only when the CMS is enabled', () => {
    expect(patterns(ALL[0]!, true)).toEqual(expect.arrayContaining(['/admin', '/admin/config.yml']));
    expect(patterns(ALL[0]!, false).filter((pattern) => pattern.startsWith('/admin'))).toEqual([]);
  });

  it('points every route at a file that exists in src/routes/', () => {
    for (const route of routesFor({ news: true, events: true }, { enabled: true })) {
      expect(existsSync(new URL(`./routes/${route.file}`, import.meta.url)), route.file).toBe(true);
    }
  });
});
