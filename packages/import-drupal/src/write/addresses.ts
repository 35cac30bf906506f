import { slugify } from '@openoutreach/core';
import type { DrupalNode, DrupalSite } from '../model.ts';
import type { Languages } from './languages.ts';

export type Collection = 'pages' | 'news' | 'events' | 'people' | 'resources' | 'albums';
type Locale = Languages['defaultLocale'];

/** One content file the import writes, and the page it becomes. */
export interface Entry {
  collection: Collection;
  /** The file name without `.md`, shared by the translations of one Drupal translation set. */
  slug: string;
  locale: Locale;
  /** Site-relative: `src/content/news/fair.md`, `src/content/news/fr/fair.md` on a site in several languages. */
  file: string;
  /** Path of its page from the site's root, language prefix included (`/fr/news/fair/`); resources share `/resources/`. */
  url: string;
  /** What it came from, as a Drupal path: `node/12`, `profile/3`, `term/5`, `file/7`. */
  source: string;
  published: boolean;
  /** Pages: the parent page's slug. */
  parent?: string;
  /** Pages: the menu that links to it. */
  menu?: { placement: 'header' | 'footer'; order: number };
}

/** Drupal node types and the collection each becomes; other types are not imported. */
export const NODE_COLLECTIONS: Record<string, Collection> = {
  page: 'pages',
  section: 'pages',
  book: 'pages',
  article: 'news',
  blog: 'news',
  news: 'news',
  event: 'events',
  link: 'resources',
};

/** Drupal listing pages (Views) of the distribution, and the kit's page that lists the same content. */
export const LISTINGS: Record<string, { url: string; collection: Collection }> = {
  blog: { url: '/news/', collection: 'news' },
  news: { url: '/news/', collection: 'news' },
  articles: { url: '/news/', collection: 'news' },
  events: { url: '/events/', collection: 'events' },
  calendar: { url: '/events/', collection: 'events' },
  media: { url: '/albums/', collection: 'albums' },
  bios: { url: '/people/', collection: 'people' },
  people: { url: '/people/', collection: 'people' },
  links: { url: '/resources/', collection: 'resources' },
};

/** Top-level page names the kit's own pages take (a page there would be hidden by them). */
const RESERVED_PAGES = new Set([
  'home',
  'news',
  'events',
  'people',
  'albums',
  'projects',
  'resources',
  'search',
  'contact',
  'donate',
  'admin',
  'files',
  'pagefind',
  '404',
  'en',
  'fr',
  'es',
  'rss-xml',
  'events-ics',
]);

const COLLECTION_PATH: Partial<Record<Collection, string>> = { news: '/news/', events: '/events/', people: '/people/', albums: '/albums/' };

/**
 * Every entry the import writes, with its file and its new address, and the way from any old
 * Drupal address to the new one.
 */
export class AddressBook {
  readonly entries: Entry[] = [];
  readonly #bySource = new Map<string, Entry[]>();
  readonly #aliases = new Map<string, string>();
  readonly #taken = new Map<Collection, Set<string>>();
  readonly #targets = new Map<string, Map<Locale, string>>();

  readonly languages: Languages;

  constructor(languages: Languages, drupal: Pick<DrupalSite, 'aliases'>) {
    this.languages = languages;
    // The newest alias row wins, as in Drupal; the source's own language prefix is tried too.
    for (const { source, alias, language } of drupal.aliases) {
      const key = normalisePath(alias);
      this.#aliases.set(key, source);
      const locale = languages.localeOf(language);
      if (locale && locale !== languages.defaultLocale) this.#aliases.set(`${locale}/${key}`, source);
    }
  }

  /** A slug for one thing in `collection`, unique there: `wanted`, else `wanted-<id>`. */
  claim(collection: Collection, wanted: string, id: number | string): string {
    const taken = this.#taken.get(collection) ?? new Set<string>();
    this.#taken.set(collection, taken);
    let slug = slugify(wanted) || `${collection}-${id}`;
    if (collection === 'pages' && RESERVED_PAGES.has(slug)) slug = `${slug}-page`;
    if (taken.has(slug)) slug = `${slug}-${id}`;
    taken.add(slug);
    return slug;
  }

  /** Adds an entry; `otherSources` are more Drupal paths of the same thing (a profile's `profile-bio/<uid>`). */
  add(entry: Omit<Entry, 'file' | 'url'> & { url?: string }, otherSources: string[] = []): Entry {
    const { languages } = this;
    const folder = languages.multilingual ? `src/content/${entry.collection}/${entry.locale}` : `src/content/${entry.collection}`;
    const prefix = entry.locale === languages.defaultLocale ? '' : `/${entry.locale}`;
    // A page's address comes from its parents (placePages), once every page is known.
    const url =
      entry.url ??
      (entry.collection === 'resources'
        ? '/resources/'
        : entry.collection === 'pages'
          ? entry.slug === 'home'
            ? '/'
            : `/${entry.slug}/`
          : `${COLLECTION_PATH[entry.collection]}${entry.slug}/`);
    const full: Entry = { ...entry, file: `${folder}/${entry.slug}.md`, url: url === '/' && prefix ? `${prefix}/` : `${prefix}${url}` };
    this.entries.push(full);
    for (const source of [entry.source, ...otherSources]) this.#bySource.set(source, [...(this.#bySource.get(source) ?? []), full]);
    return full;
  }

  /** A page of the kit that answers an old Drupal path without a file of its own (a news tag page). */
  addTarget(source: string, url: string, locale: Locale): void {
    const prefixed = locale === this.languages.defaultLocale ? url : `/${locale}${url}`;
    const targets = this.#targets.get(source) ?? new Map<Locale, string>();
    if (!targets.has(locale)) targets.set(locale, prefixed);
    this.#targets.set(source, targets);
  }

  /** An alias Drupal kept elsewhere than `url_alias` (a profile's own path). */
  addAlias(alias: string, source: string): void {
    const key = normalisePath(alias);
    if (!this.#aliases.has(key)) this.#aliases.set(key, source);
  }

  /** Gives each page its address from its parents, once every page is known. */
  placePages(): void {
    const pages = this.entries.filter((entry) => entry.collection === 'pages');
    const index = new Map(pages.map((page) => [`${page.locale}/${page.slug}`, page]));
    const find = (slug: string, locale: Locale) => index.get(`${locale}/${slug}`);
    for (const page of pages) {
      if (page.slug === 'home') continue;
      const segments = [page.slug];
      const seen = new Set([page.slug]);
      for (let parent = page.parent && find(page.parent, page.locale); parent && parent.slug !== 'home' && !seen.has(parent.slug);) {
        segments.unshift(parent.slug);
        seen.add(parent.slug);
        parent = parent.parent ? find(parent.parent, page.locale) : undefined;
      }
      const prefix = page.locale === this.languages.defaultLocale ? '' : `/${page.locale}`;
      page.url = `${prefix}/${segments.join('/')}/`;
    }
  }

  /** The entries made from a Drupal thing (`node/12`): one per language. */
  from(source: string): Entry[] {
    return this.#bySource.get(source) ?? [];
  }

  /**
   * Where an old address (`node/12`, `/about/history`, `fr/node/3`, an alias) leads now: the
   * published entry in the reader's language (else in the main language), or a listing page.
   * `undefined` when nothing published answers it.
   */
  resolve(oldPath: string, locale?: Locale): string | undefined {
    let path = normalisePath(oldPath);
    const prefixed = /^([a-z]{2})\/(.*)$/.exec(path);
    if (prefixed && this.languages.locales.includes(prefixed[1] as Locale) && !this.#aliases.has(path)) {
      locale = prefixed[1] as Locale;
      path = prefixed[2]!;
    }
    const source = this.#aliases.get(locale && locale !== this.languages.defaultLocale ? `${locale}/${path}` : path) ?? this.#aliases.get(path) ?? path;
    if (source === '' || source === '<front>' || source === 'node') return locale && locale !== this.languages.defaultLocale ? `/${locale}/` : '/';
    const found = this.from(source).filter((entry) => entry.published);
    const entry =
      found.find((candidate) => candidate.locale === locale) ?? found.find((candidate) => candidate.locale === this.languages.defaultLocale) ?? found[0];
    if (entry) return entry.url;
    const targets = this.#targets.get(source);
    const target = targets && (targets.get(locale ?? this.languages.defaultLocale) ?? targets.get(this.languages.defaultLocale) ?? [...targets.values()][0]);
    if (target) return target;
    const listing = LISTINGS[source];
    if (listing && this.entries.some((candidate) => candidate.collection === listing.collection && candidate.published)) {
      return locale && locale !== this.languages.defaultLocale ? `/${locale}${listing.url}` : listing.url;
    }
    return undefined;
  }

  /** Every alias row's old address, as a path from the root, with the Drupal path it stood for. */
  aliases(): { from: string; source: string }[] {
    return [...this.#aliases].map(([alias, source]) => ({ from: `/${alias}`, source }));
  }
}

/** `/about/history/?x#y` → `about/history`: an old address as the alias table keys it. */
export function normalisePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A stray `%` stays as written.
  }
  return decoded
    .replace(/[?#].*$/, '')
    .replace(/^\/+|\/+$/g, '')
    .normalize('NFC');
}

/** The title a slug is made from: the last segment of the node's current alias (`currentAliases`: path → alias), else its title. */
export function slugSource(node: Pick<DrupalNode, 'nid' | 'title'>, currentAliases: Map<string, string>): string {
  const own = currentAliases.get(`node/${node.nid}`);
  return own ? (own.split('/').filter(Boolean).at(-1) ?? node.title) : node.title;
}
