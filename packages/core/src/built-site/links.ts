import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fragmentTargets, type StartTag } from './html-scan.ts';
import { filesIn, resolvePath, urlPathOf, type Resolution } from './site-files.ts';

/** A page of a built site, its start tags read once (html-scan.ts). */
export interface LinkedPage {
  /** Path relative to `dist`, e.g. `about/index.html`. */
  file: string;
  /** URL path, base included, e.g. `/base/about/`. */
  path: string;
  tags: StartTag[];
}

/** A link that leads nowhere: where it is, where it points, and why it is broken. */
export interface BrokenLink {
  /** URL path of the page (or stylesheet) the link is on. */
  from: string;
  /** The link as written. */
  href: string;
  reason: string;
}

/** Why a link is broken, for a caller that words it its own way (the build names the content file). */
export type BrokenLinkKind = 'invalid' | 'malformed' | 'outside-base' | 'missing' | 'fragment';

/** A broken link with the file it is in and the kind of its problem. */
export interface LinkFinding extends BrokenLink {
  /** The page or stylesheet the link is in, relative to `dist`. */
  file: string;
  kind: BrokenLinkKind;
}

/** The origin links are resolved against; a link that resolves elsewhere leaves the site. */
const SITE = 'http://site.invalid';
const SKIPPED_SCHEMES = /^(mailto|tel|sms|data|javascript|blob|about):/i;
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'action'];
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;

function linksOfTag(tag: StartTag, siteUrl: string | undefined): string[] {
  if (tag.name === 'base') return [];
  const links: string[] = [];
  for (const attribute of URL_ATTRIBUTES) {
    const value = tag.attributes.get(attribute);
    if (value !== undefined && !(attribute === 'action' && value === '')) links.push(value.trim());
  }
  const srcset = tag.attributes.get('srcset') ?? tag.attributes.get('imagesrcset');
  if (srcset)
    links.push(
      ...srcset
        .split(',')
        .map((candidate) => candidate.trim().split(/\s+/)[0]!)
        .filter(Boolean),
    );
  // Social cards name the site by its full address: check those that point into this site.
  const content = tag.name === 'meta' ? tag.attributes.get('content') : undefined;
  if (content && siteUrl && content.startsWith(siteUrl)) links.push(content);
  return links;
}

/**
 * The tags of a page that {@link findBrokenLinks} reads: those with a link, an id or a name, a
 * `<meta content>` and `<base>`. A page kept with only these is checked the same, in less memory.
 */
export function linkedTags(tags: readonly StartTag[]): StartTag[] {
  return tags.filter(
    (tag) =>
      tag.name === 'base' ||
      (tag.name === 'meta' && tag.attributes.has('content')) ||
      (tag.name === 'a' && tag.attributes.has('name')) ||
      tag.attributes.has('id') ||
      URL_ATTRIBUTES.some((attribute) => tag.attributes.has(attribute)) ||
      tag.attributes.has('srcset') ||
      tag.attributes.has('imagesrcset'),
  );
}

/**
 * The site's public address, from the canonical link of its home page (`https://example.org/sub/`),
 * so that full links into the site are checked as well.
 */
export function siteUrlOf(pages: readonly LinkedPage[], base: string): string | undefined {
  const home = pages.find((page) => page.path === base);
  const canonical = home?.tags.find((tag) => tag.name === 'link' && tag.attributes.get('rel')?.split(/\s+/).includes('canonical'))?.attributes.get('href');
  if (!canonical || !/^https?:\/\//.test(canonical)) return undefined;
  return canonical.endsWith('/') ? canonical : `${canonical}/`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Checks every link, image, stylesheet and form target on every page, and every `url()` in the
 * site's stylesheets, against the files in `dist` as a static host at `base` would serve them;
 * `#fragment`s must name an element of their page. A link that leaves `base` is broken: the
 * host serves nothing there. Links to other sites are not followed.
 */
export function checkLinks(dist: string, base: string, pages: readonly LinkedPage[]): { checked: number; broken: BrokenLink[] } {
  const { checked, broken } = findBrokenLinks(dist, base, pages);
  return { checked, broken: broken.map(({ from, href, reason }) => ({ from, href, reason })) };
}

/**
 * The one link checker of the kit: what {@link checkLinks} reports (the check's link gate), with
 * the file each link is in and the kind of its problem, which the build words for editors
 * (packages/astro/src/built-links.ts). `stylesheets: false` leaves the stylesheets' `url()`s out.
 */
export function findBrokenLinks(
  dist: string,
  base: string,
  pages: readonly LinkedPage[],
  { stylesheets = true } = {},
): { checked: number; broken: LinkFinding[] } {
  const siteUrl = siteUrlOf(pages, base);
  const pageByFile = new Map(pages.map((page) => [page.file, page]));
  const targetsByFile = new Map<string, Set<string>>();
  const targetsOf = (file: string) => {
    let targets = targetsByFile.get(file);
    if (!targets) targetsByFile.set(file, (targets = fragmentTargets(pageByFile.get(file)?.tags ?? [])));
    return targets;
  };

  /** Where `href` leads inside the site, `'invalid'` if it is no URL, undefined if it leaves for another site. */
  function internalTarget(href: string, baseHref: string): URL | 'invalid' | undefined {
    if (SKIPPED_SCHEMES.test(href)) return undefined;
    try {
      const target = new URL(siteUrl && href.startsWith(siteUrl) ? base + href.slice(siteUrl.length) : href, baseHref);
      return target.origin === SITE ? target : undefined;
    } catch {
      return 'invalid';
    }
  }

  // Every page links to the same menus and lists: each path is looked up on the disk once.
  const resolutions = new Map<string, Resolution>();
  const resolved = (pathname: string) => {
    let resolution = resolutions.get(pathname);
    if (!resolution) {
      resolution = resolvePath(dist, base, safeDecode(pathname));
      if (resolution.kind === 'redirect') resolution = resolvePath(dist, base, safeDecode(resolution.location));
      resolutions.set(pathname, resolution);
    }
    return resolution;
  };

  /** Why a link from `fromFile` to `target` is broken, or undefined when it is not. */
  function problemWith(target: URL, fromFile: string): { kind: BrokenLinkKind; reason: string } | undefined {
    if (/%(?![\da-f]{2})/i.test(target.pathname)) {
      return { kind: 'malformed', reason: 'a "%" in it starts no escape (after "%" come two hexadecimal digits; a percent sign is written %25)' };
    }
    const resolution = resolved(target.pathname);
    if (resolution.kind === 'outside-base') return { kind: 'outside-base', reason: `it leaves the site's base path ${base}` };
    if (resolution.kind !== 'file') return { kind: 'missing', reason: 'no such page or file (a static host answers 404)' };
    const fragment = safeDecode(target.hash.slice(1));
    if (!fragment || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:') || !resolution.file.endsWith('.html')) return undefined;
    if (targetsOf(resolution.file).has(fragment)) return undefined;
    const page = resolution.file === fromFile ? 'this page' : urlPathOf(resolution.file, base);
    // Headings and ids of Markdown text are under "user-content-", so they never clash with the theme's.
    const section = targetsOf(resolution.file).has(`user-content-${fragment}`) ? `; the section's id is "user-content-${fragment}"` : '';
    return { kind: 'fragment', reason: `no element with id "${fragment}" on ${page}${section}` };
  }

  let checked = 0;
  const broken: LinkFinding[] = [];
  const check = (from: string, fromFile: string, baseHref: string, hrefs: string[]) => {
    for (const href of new Set(hrefs)) {
      const target = internalTarget(href, baseHref);
      if (!target) continue;
      checked++;
      const problem = target === 'invalid' ? { kind: 'invalid' as const, reason: 'not a valid URL' } : problemWith(target, fromFile);
      if (problem) broken.push({ from, file: fromFile, href, ...problem });
    }
  };
  for (const page of pages) {
    const pageUrl = SITE + page.path;
    const baseTag = page.tags.find((tag) => tag.name === 'base')?.attributes.get('href');
    check(
      page.path,
      page.file,
      baseTag ? new URL(baseTag, pageUrl).href : pageUrl,
      page.tags.flatMap((tag) => linksOfTag(tag, siteUrl)),
    );
  }
  for (const file of stylesheets ? filesIn(dist, ['.css']) : []) {
    const css = readFileSync(join(dist, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const hrefs = [...css.matchAll(CSS_URL)]
      .map((match) =>
        match
          .slice(1)
          .find((group) => group !== undefined)!
          .trim(),
      )
      .filter(Boolean);
    check(urlPathOf(file, base), file, SITE + urlPathOf(file, base), hrefs);
  }
  return { checked, broken };
}
