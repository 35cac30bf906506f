import type { ResolvedOptions } from './options.ts';

export interface RouteSpec {
  pattern: string;
  /** Route file inside this package's `src/routes/`. */
  file: string;
}

/**
 * Routes a multilingual site builds once per language: at the root for the main language and
 * under `/[locale]` for the others (see runtime/locale.ts). The rest exist once for the site.
 */
const SITE_WIDE = new Set(['/404', '/robots.txt', '/admin', '/admin/config.yml']);

/**
 * The routes a site gets for its enabled features. Route patterns never collide: the news list is `/news/` then
 * `/news/page/N/`, so a post can be called anything, even "page". Events are the exception: an event file
 * called `past.md` would be hidden by the list of past events, so the build refuses that name
 * (events-check.ts).
 */
export function routesFor(
  features: ResolvedOptions['features'],
  cms: { enabled: boolean } = { enabled: true },
  multilingual = false,
): RouteSpec[] {
  const routes: RouteSpec[] = [
    { pattern: '/', file: 'home.astro' },
    { pattern: '/[...slug]', file: 'page.astro' },
    { pattern: '/404', file: '404.astro' },
    { pattern: '/robots.txt', file: 'robots.txt.ts' },
  ];
  if (features.news) {
    routes.push(
      { pattern: '/news/[...page]', file: 'news-index.astro' },
      { pattern: '/news/[slug]', file: 'news-post.astro' },
      { pattern: '/news/tags/[tag]', file: 'news-tag.astro' },
      { pattern: '/rss.xml', file: 'rss.xml.ts' },
    );
  }
  if (features.events) {
    routes.push(
      { pattern: '/events', file: 'events-index.astro' },
      { pattern: '/events/past', file: 'events-past.astro' },
      { pattern: '/events/calendar/[month]', file: 'events-calendar.astro' },
      { pattern: '/events/[slug]', file: 'event.astro' },
      { pattern: '/events/[slug].ics', file: 'event.ics.ts' },
      { pattern: '/events.ics', file: 'events.ics.ts' },
    );
  }
  if (features.albums) {
    routes.push({ pattern: '/albums', file: 'albums-index.astro' }, { pattern: '/albums/[slug]', file: 'album.astro' });
  }
  if (features.search) routes.push({ pattern: '/search', file: 'search.astro' });
  if (features.people) {
    routes.push({ pattern: '/people', file: 'people-index.astro' }, { pattern: '/people/[slug]', file: 'person.astro' });
  }
  if (features.projects) {
    routes.push({ pattern: '/projects', file: 'projects-index.astro' }, { pattern: '/projects/[slug]', file: 'project.astro' });
  }
  if (features.resources) {
    routes.push(
      { pattern: '/resources', file: 'resources-index.astro' },
      { pattern: '/resources/type/[type]', file: 'resources-type.astro' },
      { pattern: '/resources/topic/[topic]', file: 'resources-topic.astro' },
    );
  }
  if (features.giving) routes.push({ pattern: '/donate', file: 'donate.astro' });
  if (features.contact) routes.push({ pattern: '/contact', file: 'contact.astro' }, { pattern: '/contact/thanks', file: 'contact-thanks.astro' });
  if (cms.enabled) {
    routes.push({ pattern: '/admin', file: 'admin.astro' }, { pattern: '/admin/config.yml', file: 'admin-config.yml.ts' });
  }
  if (!multilingual) return routes;
  const localized = routes
    .filter((route) => !SITE_WIDE.has(route.pattern))
    .map((route) => ({ ...route, pattern: route.pattern === '/' ? '/[locale]' : `/[locale]${route.pattern}` }));
  return [...routes, ...localized];
}
