/**
 * The feature registry: every feature of the kit, one module each, and the helpers that derive
 * from them what used to be listed by hand: the options' defaults, the content collections, the
 * routes, the page types, the list and entry URLs, the CMS's preview paths. A site adds its own
 * features with `openOutreach({ ownFeatures: [...] })`; they go through the same helpers.
 */
import type { ContentTypeName } from '@openoutreach/core';
import { albums } from './albums.ts';
import { contact } from './contact.ts';
import { events } from './events.ts';
import { giving } from './giving.ts';
import { news } from './news.ts';
import { pages } from './pages.ts';
import { people } from './people.ts';
import { projects } from './projects.ts';
import { resources } from './resources.ts';
import { search } from './search.ts';
import type { Feature, FeatureRoute } from './types.ts';

export type { CmsCollection, Feature, FeatureRoute } from './types.ts';

/** The features a site turns on and off in `openOutreach({ features })`, in the order their routes are added. */
export const FEATURE_NAMES = ['news', 'events', 'albums', 'search', 'people', 'projects', 'resources', 'giving', 'contact'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
/** Which of the kit's features a site publishes. */
export type FeatureSwitches = Record<FeatureName, boolean>;

/** Every feature of the kit: the pages every site has first, then the ones a site switches. */
export const FEATURES: readonly Feature[] = [pages, news, events, albums, search, people, projects, resources, giving, contact];

const byName = new Map(FEATURES.map((feature) => [feature.name, feature]));

/** A feature of the kit by name. */
export function featureNamed(name: FeatureName | 'pages'): Feature {
  return byName.get(name)!;
}

/** What each switchable feature is when the site does not say. */
export function defaultFeatures(): FeatureSwitches {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, featureNamed(name).default === true])) as FeatureSwitches;
}

/**
 * The features a site publishes: the pages, the kit's features it has on, then its own.
 * `switches` may lack a feature (a test's partial list): it is then off.
 */
export function enabledFeatures(switches: Partial<FeatureSwitches>, own: readonly Feature[] = []): Feature[] {
  return [...FEATURES.filter((feature) => feature.default === 'always' || switches[feature.name as FeatureName]), ...own];
}

/**
 * The kit's content collections of the features on, `pages` first: the folders the build reads,
 * checks and gives the CMS. A site's own feature reads its own files.
 */
export function collectionsFor(switches: Partial<FeatureSwitches>): ContentTypeName[] {
  return [...new Set(enabledFeatures(switches).flatMap((feature) => feature.collections as ContentTypeName[]))];
}

/** The CMS's admin page and its configuration: there when the CMS is on, once for the whole site. */
const CMS_ROUTES: FeatureRoute[] = [
  { pattern: '/admin', entrypoint: 'admin.astro', siteWide: true },
  { pattern: '/admin/config.yml', entrypoint: 'admin-config.yml.ts', siteWide: true },
];

/**
 * The routes a site gets for its features, and the CMS's when it is on. A multilingual site
 * gets each route that is not site-wide again under `/[locale]` (see runtime/locale.ts).
 */
export function routesFor(
  switches: Partial<FeatureSwitches>,
  cms: { enabled: boolean } = { enabled: true },
  multilingual = false,
  own: readonly Feature[] = [],
): FeatureRoute[] {
  const routes = [...enabledFeatures(switches, own).flatMap((feature) => feature.routes), ...(cms.enabled ? CMS_ROUTES : [])];
  if (!multilingual) return routes;
  const localized = routes
    .filter((route) => !route.siteWide)
    .map((route) => ({ ...route, pattern: route.pattern === '/' ? '/[locale]' : `/[locale]${route.pattern}` }));
  return [...routes, ...localized];
}

/**
 * Every page type of the kit's features (and of `own`), each once, in the registry's order with
 * the site-wide pages (the 404 page) last: the order the site check reports them in.
 */
export function pageTypes(own: readonly Feature[] = []): string[] {
  const routes = [...FEATURES, ...own].flatMap((feature) => feature.routes);
  const ordered = [...routes.filter((route) => !route.siteWide), ...routes.filter((route) => route.siteWide)];
  return [...new Set(ordered.flatMap((route) => route.pageType ?? []))];
}

/** The page type of a route pattern (with or without its `/[locale]` prefix), if its pages have one. */
export function pageTypeOf(routePattern: string, own: readonly Feature[] = []): string | undefined {
  const pattern = routePattern.replace(/^\/\[locale\](?=\/|$)/, '') || '/';
  return [...FEATURES, ...own].flatMap((feature) => feature.routes).find((route) => route.pattern === pattern)?.pageType;
}

/** The list pages every language has for the features on (`/`, `/news/`, `/events/past/`…). */
export function listPaths(switches: Partial<FeatureSwitches>, own: readonly Feature[] = []): string[] {
  return enabledFeatures(switches, own).flatMap((feature) => feature.lists);
}

/** The collections whose entries have a page each, with the path their pages start with: `{ news: '/news/' }`. */
export function entryPrefixes(switches: Partial<FeatureSwitches>, own: readonly Feature[] = []): Record<string, string> {
  return Object.assign({}, ...enabledFeatures(switches, own).map((feature) => feature.entries ?? {}));
}

/** Every collection's entry prefix, whether its feature is on or not: for mapping a built page back to its file. */
export function allEntryPrefixes(own: readonly Feature[] = []): Record<string, string> {
  return Object.assign({}, ...[...FEATURES, ...own].map((feature) => feature.entries ?? {}));
}

/**
 * The entry a page path (within its language) is the page of: `/news/x/` → news `x`. For mapping
 * a built page back to its content file; `prefixes` as `allEntryPrefixes()` gives them.
 */
export function entryOfPath(path: string, prefixes: Record<string, string> = allEntryPrefixes()): { collection: string; slug: string } | undefined {
  for (const [collection, prefix] of Object.entries(prefixes)) {
    const slug = path.startsWith(prefix) ? path.slice(prefix.length).replace(/\/$/, '') : '';
    if (slug && !slug.includes('/')) return { collection, slug };
  }
  return undefined;
}

/**
 * The path of an entry's page, without base path or language prefix: `entryPath('news', 'x')` →
 * `/news/x/`. Throws for a collection whose entries have no page (a programming error).
 */
export function entryPath(collection: string, slug: string, own: readonly Feature[] = []): string {
  const prefix = allEntryPrefixes(own)[collection];
  if (!prefix) throw new Error(`the collection "${collection}" has no page per entry`);
  return `${prefix}${slug}/`;
}

/**
 * A route pattern with its parameters filled in, as a path of the site: pages end in `/`, files
 * keep their extension. `routePath('/news/tags/[tag]', { tag: 'parks' })` → `/news/tags/parks/`; a rest
 * parameter left out is empty: `routePath('/news/[...page]')` → `/news/`.
 */
export function routePath(pattern: string, params: Record<string, string> = {}): string {
  const filled = pattern.replace(/\/?\[(\.\.\.)?(\w+)\]/g, (whole: string, rest: string | undefined, name: string) => {
    // A rest parameter left out is the route's first page: `/news/[...page]` → `/news/`.
    const value = params[name] ?? (rest ? '' : undefined);
    if (value === undefined) throw new Error(`the route ${pattern} needs the parameter "${name}"`);
    return whole.replace(/\[.*\]/, () => value);
  });
  return /\.[a-z0-9]+$/i.test(filled) || filled.endsWith('/') ? filled : `${filled}/`;
}

/** Whether a route pattern takes exactly these parameters; a rest parameter (`[...page]`) may be left out. */
function takes(pattern: string, params: Record<string, string>): boolean {
  const declared = [...pattern.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map(([, rest, name]) => ({ name: name!, optional: Boolean(rest) }));
  const given = Object.keys(params);
  return given.every((name) => declared.some((param) => param.name === name)) && declared.every((param) => param.optional || given.includes(param.name));
}

/** The first of `routes` that takes the parameters `params` names. */
function routeTaking(routes: FeatureRoute[], params: Record<string, string>, what: string): FeatureRoute {
  const route = routes.find((candidate) => takes(candidate.pattern, params));
  if (!route) throw new Error(`no route of ${what} takes the parameters {${Object.keys(params).join(', ')}}`);
  return route;
}

/**
 * The path of a page by its page type and parameters, as the registry declares it, without base
 * path or language prefix: `pagePath('events-past')` → `/events/past/`,
 * `pagePath('news-tag', { tag: 'parks' })` → `/news/tags/parks/`. Routes sharing a page type are
 * told apart by their parameters: `pagePath('resources-index', { topic: 'x' })` →
 * `/resources/topic/x/`. Throws for a page type no route has (a programming error).
 */
export function pagePath(pageType: string, params: Record<string, string> = {}, own: readonly Feature[] = []): string {
  const routes = [...FEATURES, ...own].flatMap((feature) => feature.routes).filter((route) => route.pageType === pageType);
  return routePath(routeTaking(routes, params, `the page type "${pageType}"`).pattern, params);
}

/**
 * The path of a file a route publishes (a feed, an event's calendar file), by the route's file:
 * `filePath('event.ics.ts', { slug: 'fair' })` → `/events/fair.ics`.
 */
export function filePath(entrypoint: string, params: Record<string, string> = {}, own: readonly Feature[] = []): string {
  const routes = [...FEATURES, ...own].flatMap((feature) => feature.routes).filter((route) => route.entrypoint === entrypoint);
  return routePath(routeTaking(routes, params, `the file ${entrypoint}`).pattern, params);
}

/** Where the CMS previews an entry of each collection on the site: `{ news: 'news/{{slug}}' }`. */
export function cmsPreviewPaths(switches: Partial<FeatureSwitches>, own: readonly Feature[] = []): Record<string, string> {
  return Object.fromEntries(Object.entries(entryPrefixes(switches, own)).map(([collection, prefix]) => [collection, `${prefix.slice(1)}{{slug}}`]));
}

/** The CMS collections the site's own features add. */
export function ownCmsCollections(own: readonly Feature[]): Record<string, unknown>[] {
  return own.flatMap((feature) => feature.cms ?? []);
}

/**
 * What would make a site's own features clash with the kit's or with each other: a name the kit
 * uses, or a route pattern another feature has (whether or not that feature is on, so turning one
 * on later cannot break the site). Each names the feature's place in `ownFeatures`.
 */
export function ownFeatureClashes(own: readonly Feature[]): { index: number; message: string }[] {
  const clashes: { index: number; message: string }[] = [];
  const names = new Map<string, string>(FEATURES.map((feature) => [feature.name, 'the kit']));
  const patterns = new Map<string, string>([
    ...FEATURES.flatMap((feature) => feature.routes.map((route) => [route.pattern, `the kit's "${feature.name}" feature`] as const)),
    ...CMS_ROUTES.map((route) => [route.pattern, "the kit's CMS"] as const),
  ]);
  own.forEach((feature, index) => {
    if (names.has(feature.name))
      clashes.push({ index, message: `a feature called "${feature.name}" is already in ${names.get(feature.name)}: give this one another name` });
    names.set(feature.name, 'ownFeatures');
    for (const route of feature.routes) {
      const taken = patterns.get(route.pattern);
      if (taken) clashes.push({ index, message: `the route ${route.pattern} of "${feature.name}" is taken by ${taken}: choose another address` });
      patterns.set(route.pattern, `the feature "${feature.name}"`);
    }
  });
  return clashes;
}
