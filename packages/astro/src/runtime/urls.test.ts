import { describe, expect, it, vi } from 'vitest';
import { joinBase, siteHref } from './urls.ts';

describe('joinBase', () => {
  it.each([
    ['', '/', '/'],
    ['', '', '/'],
    ['', '/news/', '/news/'],
    ['', '/news', '/news/'],
    ['', 'news', '/news/'],
    ['', '//news/', '/news/'],
    ['', '/about/history', '/about/history/'],
    ['', '/rss.xml', '/rss.xml'],
    ['/my-repo', '/', '/my-repo/'],
    ['/my-repo', '', '/my-repo/'],
    ['/my-repo', '/news/', '/my-repo/news/'],
    ['/my-repo/', '/news', '/my-repo/news/'],
    ['/my-repo//', 'news/', '/my-repo/news/'],
    ['/my-repo', '/rss.xml', '/my-repo/rss.xml'],
    ['/my-repo', '/robots.txt', '/my-repo/robots.txt'],
    ['/my-repo', '/news/page/2', '/my-repo/news/page/2/'],
  ])('joins base %j and path %j as %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});

describe('siteHref', () => {
  it('prefixes paths of the site with the base', () => {
    expect(siteHref('/my-repo', '/news/')).toBe('/my-repo/news/');
    expect(siteHref('/my-repo', '/rss.xml')).toBe('/my-repo/rss.xml');
    expect(siteHref('', '/about')).toBe('/about/');
  });

  it.each(['https://donate.example.org/', 'http://x.example', 'mailto:hello@example.org', 'tel:+15550100', '//cdn.example.org/x', '#top'])(
    'leaves %j alone',
    (href) => {
      expect(siteHref('/my-repo', href)).toBe(href);
    },
  );
});

describe("the runtime's href helpers", () => {
  // Each helper fills a shape the feature registry declares: if one wrote its own, these differ.
  it('link every page where the registry puts it, under the base path and language prefix', async () => {
    vi.doMock('astro:content', () => ({ getCollection: async () => [], getEntry: async () => undefined }));
    vi.doMock('astro:assets', () => ({ getImage: async () => ({ src: '' }) }));
    vi.doMock('virtual:openoutreach/config', () => ({
      default: { base: '/maple', dev: false, features: {}, filledCollections: [], settings: { locales: ['en', 'es'], defaultLocale: 'en' } },
    }));
    const runtime = await import('./index.ts');
    const { albumHref } = await import('./albums.ts');
    const registry = await import('../features/index.ts');
    const under = (path: string, locale: 'en' | 'es') => `/maple${locale === 'es' ? '/es' : ''}${path}`;
    for (const locale of ['en', 'es'] as const) {
      expect(runtime.newsHref('x', locale)).toBe(under(registry.entryPath('news', 'x'), locale));
      expect(runtime.eventHref('x', locale)).toBe(under(registry.entryPath('events', 'x'), locale));
      expect(runtime.personHref('x', locale)).toBe(under(registry.entryPath('people', 'x'), locale));
      expect(runtime.projectHref('x', locale)).toBe(under(registry.entryPath('projects', 'x'), locale));
      expect(albumHref('x', locale)).toBe(under(registry.entryPath('albums', 'x'), locale));
      expect(runtime.eventIcsHref('x', locale)).toBe(under(registry.routePath('/events/[slug].ics', { slug: 'x' }), locale));
      expect(runtime.tagHref('Rent Strike', locale)).toBe(under(registry.routePath('/news/tags/[tag]', { tag: 'rent-strike' }), locale));
      expect(runtime.calendarMonthHref('2026-05', locale)).toBe(under(registry.routePath('/events/calendar/[month]', { month: '2026-05' }), locale));
      expect(runtime.resourceTypeHref('guide', locale)).toBe(under(registry.routePath('/resources/type/[type]', { type: 'guide' }), locale));
      expect(runtime.resourceTopicHref('Rent', locale)).toBe(under(registry.routePath('/resources/topic/[topic]', { topic: 'rent' }), locale));
    }
  });
});
