import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_TYPES } from '@openoutreach/core';
import { startTags, type StartTag } from './html-scan.ts';
import { filesIn, urlPathOf } from './site-files.ts';

/**
 * The page types of the kit's features, in the order they are reported (core's `PAGE_TYPES`). A
 * layout marks each page with one on `<body data-page-type>`; types a newer kit or a site adds are
 * picked up too, after these.
 */
export const KIT_PAGE_TYPES: readonly string[] = PAGE_TYPES;

/** One HTML file of the built site. */
export interface SitePage {
  /** Path relative to `dist`, e.g. `about/index.html`. */
  file: string;
  /** URL path, base included, e.g. `/base/about/`. */
  path: string;
  /** The value of `<body data-page-type>`, if any. */
  type: string | undefined;
  /** The value of `<html lang>`, if any. */
  lang: string | undefined;
  tags: StartTag[];
}

/** Every HTML file under `dist`, read and tokenised once for all the checks that need it. */
export function readPages(dist: string, base: string): SitePage[] {
  return filesIn(dist, ['.html']).map((file) => {
    const tags = startTags(readFileSync(join(dist, file), 'utf8'));
    const type = tags.find((tag) => tag.name === 'body')?.attributes.get('data-page-type') || undefined;
    const lang = tags.find((tag) => tag.name === 'html')?.attributes.get('lang') || undefined;
    return { file, path: urlPathOf(file, base), type, lang, tags };
  });
}

/** The kit's types first in their order, then any others alphabetically. */
function typeOrder(a: string, b: string): number {
  const rank = (type: string) => (KIT_PAGE_TYPES.includes(type) ? KIT_PAGE_TYPES.indexOf(type) : KIT_PAGE_TYPES.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * One page of every page type: the one with the shortest URL path (then the first
 * alphabetically), so the pick is stable from build to build. A site in several languages gets
 * one of each type in each language, as a translation can break what the original gets right
 * (a longer word, a missing label): keyed `donate` in the language of the shortest path (the
 * home page's), `donate (es)` in another.
 */
export function pickPageOfEachType(pages: SitePage[]): Map<string, SitePage> {
  const picked = new Map<string, SitePage>();
  const byPath = [...pages].sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
  const mainLang = byPath.find((page) => page.type)?.lang;
  for (const page of byPath) {
    if (!page.type) continue;
    const key = page.lang === mainLang ? page.type : `${page.type} (${page.lang ?? 'no lang'})`;
    if (!picked.has(key)) picked.set(key, page);
  }
  const typeOf = (key: string) => picked.get(key)!.type!;
  return new Map([...picked].sort(([a], [b]) => typeOrder(typeOf(a), typeOf(b)) || a.localeCompare(b)));
}
