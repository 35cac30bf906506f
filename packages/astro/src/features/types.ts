/**
 * What a feature declares: the one place its collections, routes, page types, URLs, feeds and CMS
 * details are written. Everything that used to list them by hand derives from these.
 */

/** One route of a feature, built once per language on a multilingual site unless `siteWide`. */
export interface FeatureRoute {
  /** Astro route pattern without language prefix: `/news/[slug]`. */
  pattern: string;
  /**
   * The route file: a file name inside the kit's `src/routes/` for the kit's features, or a file
   * URL (`new URL('./JobPage.astro', import.meta.url)`) for a feature a site adds.
   */
  entrypoint: string | URL;
  /** The page type the route's pages carry on `<body data-page-type>`; none for feeds and files. */
  pageType?: string;
  /** Built once for the whole site, not once per language (the 404 page, robots.txt, the CMS). */
  siteWide?: boolean;
}

/** A Decap collection a site's own feature adds to /admin/config.yml, as Decap reads it. */
export type CmsCollection = Record<string, unknown> & { name: string; label: string };

export interface Feature {
  /** The key in `openOutreach({ features })` that turns it on and off. */
  name: string;
  /** What a site gets with it, for the options' documentation. */
  description: string;
  /** On when the site does not say; `'always'` for the pages every site has. */
  default: boolean | 'always';
  /**
   * The kit's content collections (content type names of @openoutreach/core) it reads: the build
   * checks their files and the CMS edits them. A site's own feature reads its own files and lists
   * none; its CMS collection is in `cms`.
   */
  collections: readonly string[];
  routes: readonly FeatureRoute[];
  /** List pages every language has when the feature is on, as paths: `/events/past/`. */
  lists: readonly string[];
  /**
   * Where each entry of a collection has its own page: `{ news: '/news/' }` → `/news/<slug>/`.
   * The CMS previews an entry at that address.
   */
  entries?: Readonly<Record<string, string>>;
  /** Feeds and calendar files it publishes at fixed addresses: `/rss.xml`. */
  feeds?: readonly string[];
  /** Collections a site's own feature adds to the CMS (the kit's come from core's schemas). */
  cms?: readonly CmsCollection[];
}
