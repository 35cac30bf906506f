/**
 * The built site as the after-build steps see it, read once: every file's name and a hash of
 * each page's HTML. The search index and the link check both decide from these hashes what is
 * unchanged since the last build; each reads again only the pages it has to work on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { hashOf } from './cache-file.ts';

/** A built page: its file under the output folder (`/` between folders) and a hash of its HTML. */
export interface BuiltPage {
  file: string;
  hash: string;
  /** The value of `<body data-page-type>`, which every layout of the kit sets; undefined for other pages (the CMS). */
  pageType: string | undefined;
}

export interface BuiltSite {
  /** Every file under the output folder, `/` between folders, sorted. */
  files: string[];
  /** Every `.html` file, in the order of `files`. */
  pages: BuiltPage[];
}

/** The value of `<body data-page-type>` of a page. */
export function pageTypeOf(html: string): string | undefined {
  const body = /<body\b[^>]*>/i.exec(html)?.[0] ?? '';
  return /\sdata-page-type="([^"]+)"/.exec(body)?.[1];
}

/** Reads the built site in `outDir`: each page once, kept only as its hash and page type. */
export function readBuiltSite(outDir: string): BuiltSite {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const pages = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(join(outDir, file), 'utf8');
      return { file, hash: hashOf(html), pageType: pageTypeOf(html) };
    });
  return { files, pages };
}
