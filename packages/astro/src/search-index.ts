/**
 * The site's search index, written at build time with Pagefind into `dist/pagefind/`. The search
 * page loads it in the browser only when a visitor searches (see the theme's SearchPage).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { PagefindServiceConfig } from 'pagefind';
import { pageTypeOf, readBuiltSite, type BuiltSite } from './build-cache/built-pages.ts';
import { hashOf, kitCacheDir, kitStamp } from './build-cache/cache-file.ts';
import { linkTree } from './build-cache/link-tree.ts';
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

export { pageTypeOf } from './build-cache/built-pages.ts';

function isSearchableType(type: string | undefined): boolean {
  return type !== undefined && !UNSEARCHABLE_PAGE_TYPES.has(type);
}

export function isSearchable(html: string): boolean {
  return isSearchableType(pageTypeOf(html));
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

/** The searchable pages of a built site, in a stable order, each with its URL and a hash of its HTML. */
function searchablePages(built: BuiltSite): { file: string; url: string; hash: string }[] {
  return built.pages.filter((page) => isSearchableType(page.pageType)).map(({ file, hash }) => ({ file, url: searchUrlOf(file), hash }));
}

/** What an index is made from: the kit's and Pagefind's versions (kitStamp), its settings, and each page's URL and HTML. */
function indexKey(pages: { url: string; hash: string }[]): string {
  return hashOf(kitStamp(), JSON.stringify(PAGEFIND_CONFIG), ...pages.flatMap(({ url, hash }) => [url, hash]));
}

/** The index a build wrote last, kept for the next build: its files and what it was made from. */
interface KeptIndex {
  key: string;
  pages: number;
}

/** An index being written: every page has been read, so the pages may change now; `written` settles when the index is in `dist`. */
export interface StartedIndex {
  written: Promise<SearchIndexResult>;
}

/**
 * Indexes every searchable page of a built site into `<outDir>/pagefind/`. Pagefind runs as a
 * service binary, in a process of its own; it is closed afterwards so the build can exit. This
 * resolves once every page has been read and handed to Pagefind, so that the build can go on
 * (the link check) while Pagefind makes the index. With a `cacheDir`, the index is kept there,
 * and a build whose searchable pages are all the same as the last one's copies it instead of
 * indexing again.
 */
export async function startSearchIndex(outDir: string, cacheDir?: string, built: BuiltSite = readBuiltSite(outDir)): Promise<StartedIndex> {
  const pages = searchablePages(built);
  const key = indexKey(pages);
  const kept = cacheDir ? join(kitCacheDir(cacheDir), 'search-index') : undefined;
  const target = join(outDir, SEARCH_INDEX_DIR);
  if (kept && existsSync(join(kept, 'files')) && readKeptIndex(kept)?.key === key) {
    linkTree(join(kept, 'files'), target);
    return { written: Promise.resolve({ pages: pages.length, errors: [] }) };
  }
  const keep = (result: SearchIndexResult) => {
    if (kept && !result.errors.length) {
      rmSync(kept, { recursive: true, force: true });
      linkTree(target, join(kept, 'files'));
      writeFileSync(join(kept, 'index.json'), JSON.stringify({ key, pages: result.pages } satisfies KeptIndex));
    }
    return result;
  };
  const { written } = await indexPages(outDir, pages);
  return { written: written.then(keep) };
}

/** {@link startSearchIndex}, settling once the index is written. */
export async function writeSearchIndex(outDir: string, cacheDir?: string, built?: BuiltSite): Promise<SearchIndexResult> {
  return (await startSearchIndex(outDir, cacheDir, built)).written;
}

function readKeptIndex(kept: string): KeptIndex | undefined {
  try {
    return JSON.parse(readFileSync(join(kept, 'index.json'), 'utf8')) as KeptIndex;
  } catch {
    return undefined;
  }
}

/** How many pages are handed to Pagefind at once. */
const PAGES_IN_FLIGHT = 8;

/**
 * Hands `pages` to Pagefind, then (in `written`) writes its files, without its ready-made
 * interfaces, into `<outDir>/pagefind/`. Pagefind numbers the pages in the order they come, and
 * its files depend on that order: the pages go in their sorted order, several on their way at
 * once (the service takes them in the order they are sent).
 */
async function indexPages(outDir: string, pages: { file: string; url: string }[]): Promise<StartedIndex> {
  const failed = async (result: SearchIndexResult) => {
    await pagefind.close();
    return { written: Promise.resolve(result) };
  };
  try {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
    if (!index) return await failed({ pages: 0, errors });
    // Several pages on their way at once, so that Pagefind reads them on all its threads; a
    // window, so that a large site's HTML is not all in memory together.
    let indexed = 0;
    const addErrors: string[] = [];
    let next = 0;
    const sender = async () => {
      while (next < pages.length && !addErrors.length) {
        const { file, url } = pages[next++]!;
        const added = await index.addHTMLFile({ url, content: readFileSync(join(outDir, file), 'utf8') });
        addErrors.push(...added.errors.map((error) => `${file}: ${error}`));
        if (!added.errors.length) indexed += 1;
      }
    };
    await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, sender));
    if (addErrors.length) return await failed({ pages: indexed, errors: addErrors });
    const written = (async () => {
      try {
        const { files: bundle, errors: bundleErrors } = await index.getFiles();
        for (const { path, content } of bundle.filter((file) => !isPagefindUi(file.path))) {
          const target = join(outDir, SEARCH_INDEX_DIR, path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, content);
        }
        return { pages: indexed, errors: bundleErrors };
      } finally {
        await pagefind.close();
      }
    })();
    return { written };
  } catch (error) {
    await pagefind.close();
    throw error;
  }
}

/**
 * Starts the search index at the end of a build; `done` settles once it is written, logging how
 * many pages it holds, or stops the build if Pagefind failed.
 */
export async function buildSearchIndex(
  outDir: string,
  logger: AstroIntegrationLogger,
  cacheDir: string | undefined,
  built: BuiltSite,
): Promise<{ done: Promise<void> }> {
  const { written } = await startSearchIndex(outDir, cacheDir, built);
  const done = written.then(({ pages, errors }) => {
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
  });
  return { done };
}
