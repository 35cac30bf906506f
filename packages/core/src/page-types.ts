/**
 * The kinds of page the kit's features publish, in the order the quality gates report them. A
 * layout marks each page with one on `<body data-page-type>`. The feature registry
 * (`@openoutreach/astro`, `src/features/`) declares which route makes each; its test keeps the two
 * equal. The list lives here so that the theme contract and `@openoutreach/check`, which checks
 * any built site, share it without depending on the integration.
 */
export const PAGE_TYPES = [
  'home',
  'page',
  'news-index',
  'news-post',
  'news-tag',
  'events-index',
  'events-past',
  'events-calendar',
  'event',
  'albums-index',
  'album',
  'search',
  'people-index',
  'person',
  'projects-index',
  'project',
  'resources-index',
  'donate',
  'contact',
  'contact-thanks',
  'not-found',
] as const;

/** One of the kit's page types. */
export type PageType = (typeof PAGE_TYPES)[number];
