import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closestKey, type Problem } from '@openoutreach/core';
import { findBrokenLinks, linkedTags, startTags, urlPathOf, type LinkedPage } from '@openoutreach/core/built-site';
import { readBuiltSite, type BuiltSite } from './build-cache/built-pages.ts';
import { hashOf, kitStamp, openCache, type CacheFile } from './build-cache/cache-file.ts';
import { entryOfPath } from './features/index.ts';

/** Files written by integrations that may finish after this check (@astrojs/sitemap). */
const WRITTEN_LATER = /^sitemap-[\w-]+\.xml$/;

/** What the build stops on: a link to a page or file of the site that is not there, as an editor writes it. */
const STOPS_THE_BUILD = new Set(['malformed', 'outside-base', 'missing']);

/** A page's linked tags as the cache keeps them: name and attributes. */
type KeptTags = [name: string, attributes: [string, string][]][];

/** A built page the links are checked on, with a hash of its HTML. */
interface HashedPage {
  file: string;
  hash: string;
}

/**
 * The built pages with the tags the check reads: those of `checked`, taken from `cache` when a
 * page had the same HTML in an earlier build, else read. The other pages are there as the
 * targets of links, without tags of their own, but for the home page, which names the site's
 * address (its canonical link).
 */
function builtPages(outDir: string, prefix: string, pages: HashedPage[], checked: Set<HashedPage>, cache?: CacheFile<KeptTags>): LinkedPage[] {
  return pages.map((page) => {
    const { file, hash } = page;
    const path = urlPathOf(file, prefix);
    if (!checked.has(page) && path !== prefix) return { file, path, tags: [] };
    let kept = cache?.get(hash);
    if (!kept) {
      kept = linkedTags(startTags(readFileSync(join(outDir, file), 'utf8'))).map((tag) => [tag.name, [...tag.attributes]]);
      cache?.set(hash, kept);
    }
    return { file, path, tags: kept.map(([name, attributes]) => ({ name, attributes: new Map(attributes) })) };
  });
}

/** Files written beside the check (the search index) or after it (the sitemap), left out of what a check is made from. */
const WRITTEN_BESIDE = /^pagefind\/|^sitemap-[\w-]+\.xml$/;

/**
 * What a check is made from: the kit's version, the options and every file of the site (`key`),
 * and each page with a hash of its HTML. The pages are those the links are checked on (the
 * CMS's pages are the CMS package's).
 */
function checkInputs(built: BuiltSite, options: unknown[]): { key: string; pages: HashedPage[] } {
  const files = built.files.filter((file) => !WRITTEN_BESIDE.test(file));
  const pages = built.pages.filter(({ file }) => !file.startsWith('admin/') && !WRITTEN_BESIDE.test(file)).map(({ file, hash }) => ({ file, hash }));
  return { key: hashOf(kitStamp(), JSON.stringify(options), ...files), pages };
}

/** Whether every `%` of a link starts an escape a browser can read (`%20`, `%C3%A9`). */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The languages of a multilingual site, the main one first; empty for a site in one language. */
export interface SiteLanguages {
  locales?: readonly string[] | undefined;
}

/** A path's language prefix and the rest: `es/news/x/` → `es`, `news/x/`; the main language has none. */
function splitLanguage(path: string, { locales = [] }: SiteLanguages): { locale: string | undefined; rest: string } {
  const [first, ...rest] = path.split('/');
  if (locales.length > 1 && locales.slice(1).includes(first!)) return { locale: first, rest: rest.join('/') };
  return { locale: locales.length > 1 ? locales[0] : undefined, rest: path };
}

/** The content file a built page comes from, when it is a page or an entry with a page of its own (features/). */
export function sourceOf(root: string, page: string, languages: SiteLanguages): string | undefined {
  const { locale, rest } = splitLanguage(page, languages);
  const segments = rest
    .replace(/(^|\/)index\.html$/, '')
    .split('/')
    .filter(Boolean);
  const inFolder = (folder: string, name: string) => `src/content/${folder}/${locale ? `${locale}/` : ''}${name}.md`;
  const entry = entryOfPath(`/${segments.join('/')}/`);
  const candidates = !segments.length ? [inFolder('pages', 'home')] : entry ? [inFolder(entry.collection, entry.slug)] : [inFolder('pages', segments.at(-1)!)];
  return candidates.find((candidate) => existsSync(join(root, candidate)));
}

/**
 * Internal links of the built site that lead nowhere, as problems naming the content file (or
 * the settings file, for a link on nearly every page, which comes from a menu or the
 * announcement banner). Runs on the
 * real output, so it knows every route of every feature.
 */
export function brokenLinkProblems(
  outDir: string,
  base: string,
  root: string,
  settingsFile: string,
  {
    announcementLink,
    locales,
    cacheDir,
    built = readBuiltSite(outDir),
  }: SiteLanguages & { announcementLink?: string | undefined; cacheDir?: string; built?: BuiltSite } = {},
): Problem[] {
  const languages = { locales };
  const prefix = `${base.replace(/\/+$/, '')}/`;
  // With the same files as at a check that found nothing, the links of the pages that are as
  // they were then still lead somewhere: only the other pages are checked.
  const passed = openCache<string[]>(cacheDir, 'link-check-passed');
  const { key, pages: hashedPages } = checkInputs(built, [prefix, root, settingsFile, announcementLink, locales]);
  const passedPages = new Set(passed.get(key));
  const checked = new Set(hashedPages.filter(({ file, hash }) => !passedPages.has(`${file} ${hash}`)));
  if (!checked.size) {
    passed.save();
    return [];
  }
  // A full check keeps each page's tags for the next; a few pages are quicker read than the cache.
  const cache = checked.size === hashedPages.length ? openCache<KeptTags>(cacheDir, 'built-links') : undefined;
  const builtPageList = builtPages(outDir, prefix, hashedPages, checked, cache);
  cache?.save();
  const pages = builtPageList.map((page) => page.file);
  const pagePaths = builtPageList.map((page) => page.path);
  // The kit's one link checker (core's built-site/links.ts), as the check's link gate runs it; the
  // build stops on the links an editor writes from the site's root (`/about/`), and leaves
  // relative links, #fragments and stylesheets to the gate.
  const brokenOn = new Map<string, string[]>();
  for (const { file, href, kind } of findBrokenLinks(outDir, prefix, builtPageList, { stylesheets: false }).broken) {
    const target = href.split(/[?#]/)[0]!;
    if (!STOPS_THE_BUILD.has(kind) || !target.startsWith('/') || target.startsWith('//') || WRITTEN_LATER.test(target.slice(prefix.length))) continue;
    const onPages = brokenOn.get(target) ?? [];
    if (onPages.at(-1) !== file) brokenOn.set(target, [...onPages, file]);
  }
  // A menu link is on every page, under each language's prefix on a multilingual site.
  const pagesWithLink = new Map<string, number>();
  const linkKey = (target: string) => (target.startsWith(prefix) ? splitLanguage(target.slice(prefix.length), languages).rest : target);
  for (const [target, onPages] of brokenOn) pagesWithLink.set(linkKey(target), (pagesWithLink.get(linkKey(target)) ?? 0) + onPages.length);
  const problems: Problem[] = [];
  for (const [target, onPages] of brokenOn) {
    const outsideBase = !target.startsWith(prefix);
    const malformed = !decodable(target);
    const message = malformed
      ? `the link ${target} has a "%" that starts no escape (after "%" come two hexadecimal digits, as in %20)`
      : outsideBase
        ? `the link ${target} leaves the site's base path ${prefix}`
        : `the link ${target} leads to no page of this site`;
    // The announcement banner's link is on every page, with each language's prefix on a
    // multilingual site: one problem for all of them.
    if (announcementLink?.startsWith('/') && `/${linkKey(target)}` === announcementLink) {
      if (!problems.some((problem) => problem.field === 'announcement.link')) {
        problems.push({
          file: settingsFile,
          field: 'announcement.link',
          message: `the link ${announcementLink} leads to no page of this site (it is the announcement banner's link)`,
          fix: 'correct or remove the link; links to pages of this site start with / and end with /, e.g. /news/.',
        });
      }
      continue;
    }
    const everywhere = pagesWithLink.get(linkKey(target))!;
    if (everywhere > 1 && everywhere >= pages.length * 0.9) {
      // Said once, as the link is written in the settings: without the base path and language.
      const written = outsideBase || malformed ? message : `the link /${linkKey(target)} leads to no page of this site`;
      if (problems.some((problem) => problem.field === 'navigation' && problem.message.startsWith(`${written} (`))) continue;
      problems.push({
        file: settingsFile,
        field: 'navigation',
        message: `${written} (it is on every page, so it comes from a menu)`,
        fix: 'correct or remove that menu link; links to pages of this site start with / and end with /, e.g. /news/.',
      });
      continue;
    }
    const meant = outsideBase || malformed ? undefined : closestKey(target, pagePaths);
    for (const page of onPages) {
      const source = sourceOf(root, page, languages);
      problems.push({
        file: source ?? `the built page /${page.replace(/index\.html$/, '')}`,
        field: source ? 'body' : '',
        message,
        fix: malformed
          ? 'write a "%" that belongs in the address as %25, or correct the escape (e.g. %20 for a space), or remove the link.'
          : meant
            ? `did you mean ${meant}? Correct the link in the text, or remove it.`
            : 'correct the link in the text: links to pages of this site start with / (e.g. /about/ or /news/); check the spelling of the page address, or remove the link.',
      });
    }
  }
  if (!problems.length) {
    passed.set(
      key,
      hashedPages.map(({ file, hash }) => `${file} ${hash}`),
    );
    passed.save();
  }
  return problems;
}
