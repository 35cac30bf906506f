import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routesFor } from './routes.ts';

const ALL = [
  { news: true, events: true },
  { news: true, events: false },
  { news: false, events: true },
  { news: false, events: false },
];
type Features = Parameters<typeof routesFor>[0];
const patterns = (features: Partial<Features>, cms = true) =>
  routesFor({ news: false, events: false, albums: false, ...features } as Features, { enabled: cms }).map((route) => route.pattern);

describe('routesFor', () => {
  it('adds the donate page and the contact page with its thank-you page only when they are on', () => {
    expect(patterns({ giving: true, contact: true })).toEqual(expect.arrayContaining(['/donate', '/contact', '/contact/thanks']));
    expect(patterns({}).filter((pattern) => /donate|contact/.test(pattern))).toEqual([]);
  });

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
    expect(routesFor({ news: false, events: true } as Features).map((route) => route.file)).not.toContain('rss.xml.ts');
  });

  it('adds the event lists, pages, month calendars and iCalendar files when events are on', () => {
    expect(patterns({ news: false, events: true })).toEqual(
      expect.arrayContaining(['/events', '/events/past', '/events/calendar/[month]', '/events/[slug]', '/events/[slug].ics', '/events.ics']),
    );
    expect(patterns({ news: true, events: false }).filter((pattern) => pattern.startsWith('/events'))).toEqual([]);
  });

  it('adds the album list and album pages only when albums are on', () => {
    expect(patterns({ albums: true })).toEqual(expect.arrayContaining(['/albums', '/albums/[slug]']));
    expect(patterns({ news: true, events: true }).filter((pattern) => pattern.startsWith('/albums'))).toEqual([]);
  });

  it('adds people, projects and resources with their filter pages only when each is on, and every route file exists', () => {
    expect(patterns({ people: true })).toEqual(expect.arrayContaining(['/people', '/people/[slug]']));
    expect(patterns({ projects: true })).toEqual(expect.arrayContaining(['/projects', '/projects/[slug]']));
    expect(patterns({ resources: true })).toEqual(expect.arrayContaining(['/resources', '/resources/type/[type]', '/resources/topic/[topic]']));
    expect(patterns({ news: true, events: true }).filter((pattern) => /^\/(people|projects|resources)/.test(pattern))).toEqual([]);
    for (const route of routesFor({ people: true, projects: true, resources: true } as Features)) {
      expect(existsSync(new URL(`./routes/${route.file}`, import.meta.url)), route.file).toBe(true);
    }
  });

  it('adds the search page only when search is on, once per language', () => {
    expect(patterns({ search: true })).toContain('/search');
    expect(patterns({ news: true, events: true })).not.toContain('/search');
    const multilingual = routesFor({ news: false, events: false, albums: false, search: true } as Features, { enabled: true }, true);
    expect(multilingual.map((route) => route.pattern)).toEqual(expect.arrayContaining(['/search', '/[locale]/search']));
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
    for (const route of routesFor({ news: true, events: true, albums: true, search: true } as Features, { enabled: true })) {
      expect(existsSync(new URL(`./routes/${route.file}`, import.meta.url)), route.file).toBe(true);
    }
  });

  it("resolves the kit's route files in src/routes/ and keeps a site's own feature's where its module says", () => {
    const page = new URL('file:///site/src/jobs/JobPage.astro');
    const own = [
      { name: 'jobs', description: '', default: true, collections: [], lists: [], routes: [{ pattern: '/jobs/[slug]', entrypoint: page, pageType: 'job' }] },
    ];
    const routes = routesFor({ news: true }, { enabled: false }, false, own);
    expect(routes.find((route) => route.pattern === '/news/[slug]')).toMatchObject({
      file: 'news-post.astro',
      entrypoint: new URL('./routes/news-post.astro', import.meta.url),
      pageType: 'news-post',
    });
    expect(routes.at(-1)).toEqual({ pattern: '/jobs/[slug]', file: 'JobPage.astro', entrypoint: page, pageType: 'job' });
  });
});
