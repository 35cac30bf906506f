/**
 * Joins the site's base path and a path of the site, always ending in `/` for pages
 * (`url('/news/')` → `/my-repo/news/`); file paths such as `/rss.xml` keep their form.
 */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const clean = `/${path.replace(/^\/+/, '')}`;
  const isFile = /\.[a-z0-9]+$/i.test(clean);
  const withSlash = isFile || clean.endsWith('/') ? clean : `${clean}/`;
  return `${trimmedBase}${withSlash}` || '/';
}

/** Makes a menu or settings link work under the base path: site paths are prefixed, others kept. */
export function siteHref(base: string, href: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? joinBase(base, href) : href;
}

// The URL shapes of every feature are declared once, in the feature registry: href helpers fill them.
export { entryPath, filePath, pagePath, routePath } from '../features/index.ts';
