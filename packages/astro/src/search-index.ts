/**
 * The site's search index, written at build time with Pagefind into `dist/pagefind/`. The search
 * page loads it in the browser only when a visitor searches (see the theme's SearchPage).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { PagefindServiceConfig } from 'pagefind';
import { stopWithProblems } from './failure.ts';

/** Where the index goes, inside `dist`; the search page loads `<base>/pagefind/pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Pages left out of search: those with nothing to find (the 404 page, the search page, the
 * thank-you page of the contact form), and lists whose every item has its own page, which would
 * otherwise come up again and again next to the page a visitor wants. Pages without a page type
 * (the CMS at /admin/) are left out too.
 */
const UNSEARCHABLE_PAGE_TYPES = new Set([
  'not-found',
  'search',
  'contact-thanks',
  'news-index',
  'news-tag',
  'events-index',
  'events-past',
  'events-calendar',
  'albums-index',
  'people-index',
  'projects-index',
]);

/**
 * Only the main content is indexed, not the header, menus and footer that every page repeats,
 * and within it not what would only clutter excerpts: navigation (breadcrumbs, pagination),
 * forms, the `#` of heading anchors and text meant for screen readers ("(external site)").
 * Pagefind still reads `<html lang>` and keeps one index per language, so a page searches in
 * its own language.
 */
export const PAGEFIND_CONFIG: PagefindServiceConfig = {
  rootSelector: 'main',
  excludeSelectors: ['nav', 'form', '.oo-heading-anchor', '.visually-hidden', '[aria-hidden="true"]'],
};

/** The value of `<body data-page-type>`, which every layout of the kit sets. */
export function pageTypeOf(html: string): string | undefined {
  const body = /<body\b[^>]*>/i.exec(html)?.[0] ?? '';
  return /\sdata-page-type="([^"]+)"/.exec(body)?.[1];
}

export function isSearchable(html: string): boolean {
  const type = pageTypeOf(html);
  return type !== undefined && !UNSEARCHABLE_PAGE_TYPES.has(type);
}

/**
 * The URL a page is found at, without the base path: `about/index.html` → `/about/`. Pagefind's
 * script adds the base path of the folder it is loaded from, so the same index works under any
 * base path.
 */
export function searchUrlOf(file: string): string {
  const path = file
    .split(sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1');
  return encodeURI(`/${path}`);
}

/**
 * Pagefind's ready-made interfaces and its highlighter. The theme lists results itself, so they
 * are left out of the site.
 */
export const isPagefindUi = (path: string) => /^pagefind-(?:[\w-]*ui|highlight)\.(?:js|css)$/.test(path);

export interface SearchIndexResult {
  pages: number;
  /** What Pagefind reported, if anything failed. */
  errors: string[];
}

/**
 * Indexes every searchable page of a built site into `<outDir>/pagefind/`. Pagefind runs as a
 * service binary; it is closed afterwards so the build can exit.
 */
export async function writeSearchIndex(outDir: string): Promise<SearchIndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
    if (!index) return { pages: 0, errors };
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .sort();
    let pages = 0;
    for (const file of files) {
      const content = readFileSync(join(outDir, file), 'utf8');
      if (!isSearchable(content)) continue;
      const added = await index.addHTMLFile({ url: searchUrlOf(file), content });
      if (added.errors.length) return { pages, errors: added.errors.map((error) => `${file}: ${error}`) };
      pages += 1;
    }
    const { files: bundle, errors: bundleErrors } = await index.getFiles();
    for (const { path, content } of bundle.filter((file) => !isPagefindUi(file.path))) {
      const target = join(outDir, SEARCH_INDEX_DIR, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    return { pages, errors: bundleErrors };
  } finally {
    await pagefind.close();
  }
}

/** Writes the search index at the end of a build, logging how many pages it holds. */
export async function buildSearchIndex(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const { pages, errors } = await writeSearchIndex(outDir);
  if (errors.length) {
    const problem = {
      file: 'astro.config.mjs',
      field: 'openOutreach.features.search',
      message: `Pagefind could not write the search index: ${errors.join('; ')}`,
      fix: 'build again; if it keeps failing, turn search off with `features: { search: false }` and tell the co-op.',
    };
    stopWithProblems([problem], logger);
  }
  logger.info(`search index: ${pages} pages`);
}
