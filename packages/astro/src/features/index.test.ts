import { existsSync, readFileSync } from 'node:fs';
import { KIT_PAGE_TYPES } from '@openoutreach/check';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES } from '../contract.ts';
import {
  cmsPreviewPaths,
  collectionsFor,
  defaultFeatures,
  entryOfPath,
  entryPath,
  entryPrefixes,
  FEATURE_NAMES,
  filePath,
  FEATURES,
  listPaths,
  pagePath,
  pageTypeOf,
  pageTypes,
  routePath,
  routesFor,
  type Feature,
} from './index.ts';

const jobs: Feature = {
  name: 'jobs',
  description: 'Job offers.',
  default: true,
  collections: [],
  routes: [
    { pattern: '/jobs', entrypoint: new URL('file:///site/src/jobs/JobsIndex.astro'), pageType: 'jobs-index' },
    { pattern: '/jobs/[slug]', entrypoint: new URL('file:///site/src/jobs/Job.astro'), pageType: 'job' },
  ],
  lists: ['/jobs/'],
  entries: { jobs: '/jobs/' },
};

describe('the feature registry', () => {
  it('has one module per switchable feature, and the pages every site has', () => {
    expect(FEATURES.map((feature) => feature.name)).toEqual(['pages', ...FEATURE_NAMES]);
  });

  it('gives the defaults the options had: news, events, search, giving and contact on', () => {
    expect(defaultFeatures()).toEqual({
      news: true,
      events: true,
      albums: false,
      search: true,
      people: false,
      projects: false,
      resources: false,
      giving: true,
      contact: true,
    });
  });

  it('lists the collections of the features on, pages first', () => {
    expect(collectionsFor(defaultFeatures())).toEqual(['pages', 'news', 'events']);
    expect(collectionsFor({ people: true, resources: true })).toEqual(['pages', 'people', 'resources']);
  });

  it('declares the page types the contract names, in the order the check reports them', () => {
    expect(pageTypes()).toEqual([...PAGE_TYPES]);
    expect(KIT_PAGE_TYPES).toEqual(pageTypes());
    expect(pageTypes([jobs]).slice(-3)).toEqual(['jobs-index', 'job', 'not-found']);
  });

  it('names the page type of a route, with or without its language prefix', () => {
    expect(pageTypeOf('/news/[slug]')).toBe('news-post');
    expect(pageTypeOf('/[locale]/news/[slug]')).toBe('news-post');
    expect(pageTypeOf('/[locale]')).toBe('home');
    expect(pageTypeOf('/resources/topic/[topic]')).toBe('resources-index');
    expect(pageTypeOf('/rss.xml')).toBeUndefined();
    expect(pageTypeOf('/jobs/[slug]', [jobs])).toBe('job');
  });

  it('lists the pages every language has, and where entries have pages, for the features on only', () => {
    expect(listPaths({ events: true, contact: true })).toEqual(['/', '/events/', '/events/past/', '/contact/', '/contact/thanks/']);
    expect(entryPrefixes(defaultFeatures())).toEqual({ news: '/news/', events: '/events/' });
    expect(entryPrefixes({ albums: true }, [jobs])).toEqual({ albums: '/albums/', jobs: '/jobs/' });
  });

  it('writes every URL from the route shapes', () => {
    expect(entryPath('people', 'ana')).toBe('/people/ana/');
    expect(entryPath('jobs', 'cook', [jobs])).toBe('/jobs/cook/');
    expect(() => entryPath('resources', 'x')).toThrow(/no page per entry/);
    expect(routePath('/news/tags/[tag]', { tag: 'parks' })).toBe('/news/tags/parks/');
    expect(routePath('/events/[slug].ics', { slug: 'fair' })).toBe('/events/fair.ics');
    expect(routePath('/news/[...page]', { page: 'page/2' })).toBe('/news/page/2/');
    expect(() => routePath('/news/[slug]')).toThrow(/needs the parameter "slug"/);
    expect(routePath('/news/[...page]')).toBe('/news/');
    expect(routePath('/[...slug]')).toBe('/');
  });

  it('finds a page by its page type and parameters, and a file by its route file', () => {
    expect(pagePath('home')).toBe('/');
    expect(pagePath('events-past')).toBe('/events/past/');
    expect(pagePath('news-index')).toBe('/news/');
    expect(pagePath('news-index', { page: 'page/2' })).toBe('/news/page/2/');
    expect(pagePath('news-tag', { tag: 'parks' })).toBe('/news/tags/parks/');
    expect(pagePath('page', { slug: 'about/history' })).toBe('/about/history/');
    expect(pagePath('resources-index')).toBe('/resources/');
    expect(pagePath('resources-index', { type: 'guide' })).toBe('/resources/type/guide/');
    expect(pagePath('resources-index', { topic: 'rent' })).toBe('/resources/topic/rent/');
    expect(pagePath('job', { slug: 'cook' }, [jobs])).toBe('/jobs/cook/');
    expect(filePath('event.ics.ts', { slug: 'fair' })).toBe('/events/fair.ics');
    expect(filePath('rss.xml.ts')).toBe('/rss.xml');
    expect(() => pagePath('news-tag')).toThrow(/no route of the page type "news-tag" takes the parameters \{\}/);
    expect(() => pagePath('nothing')).toThrow(/page type "nothing"/);
  });

  it('has a page for every list path and entry prefix it declares', () => {
    for (const feature of FEATURES) {
      const typed = feature.routes.filter((route) => route.pageType);
      const listed = typed.flatMap((route) => (/\[(?!\.\.\.)/.test(route.pattern) ? [] : [pagePath(route.pageType!)]));
      for (const list of feature.lists) expect(listed, `${feature.name} lists ${list}`).toContain(list);
      for (const collection of Object.keys(feature.entries ?? {})) {
        const entryPages = typed.map((route) => route.pattern).filter((pattern) => pattern.endsWith('/[slug]'));
        expect(entryPages.map((pattern) => routePath(pattern, { slug: 'x' }))).toContain(entryPath(collection, 'x'));
      }
    }
  });

  it('knows which entry a page path is the page of', () => {
    expect(entryOfPath('/news/x/')).toEqual({ collection: 'news', slug: 'x' });
    expect(entryOfPath('/people/ana/')).toEqual({ collection: 'people', slug: 'ana' });
    expect(entryOfPath('/news/tags/parks/')).toBeUndefined();
    expect(entryOfPath('/news/')).toBeUndefined();
    expect(entryOfPath('/about/')).toBeUndefined();
  });

  it('gives the CMS a preview path for each collection whose entries have a page', () => {
    expect(cmsPreviewPaths({ news: true, events: true, people: true, resources: true })).toEqual({
      news: 'news/{{slug}}',
      events: 'events/{{slug}}',
      people: 'people/{{slug}}',
    });
  });

  it("adds a site's own feature's routes once per language, and never two routes with one pattern", () => {
    const routes = routesFor({ ...defaultFeatures(), people: true, projects: true, resources: true, albums: true }, { enabled: true }, true, [jobs]);
    expect(routes.map((route) => route.pattern)).toEqual(expect.arrayContaining(['/jobs', '/[locale]/jobs/[slug]']));
    expect(routes.filter((route) => route.pattern.startsWith('/[locale]/admin') || route.pattern === '/[locale]/404')).toEqual([]);
    expect(new Set(routes.map((route) => route.pattern)).size).toBe(routes.length);
  });

  it("points every route at a file of src/routes/, and a page's file takes its page type from the registry", () => {
    for (const route of FEATURES.flatMap((feature) => feature.routes)) {
      const file = new URL(`../routes/${route.entrypoint}`, import.meta.url);
      expect(existsSync(file), String(route.entrypoint)).toBe(true);
      const source = readFileSync(file, 'utf8');
      // A page's file passes on the page type its page context has from the registry, never its own.
      expect(/pageType="/.test(source), route.pattern).toBe(false);
      if (route.pageType) expect(source, route.pattern).toContain('pageType={Astro.locals.openOutreach.pageType!}');
    }
  });
});
