/**
 * What every page knows about itself, for the theme: `Astro.locals.openOutreach`. The
 * integration's middleware sets it before the page renders, from the locale the route's
 * getStaticPaths gave the page, so a theme component reads its props and this object and
 * imports nothing from the integration but these types.
 */
import type { FormMarkup, Locale, MenuItem, SiteSettings, Translate } from '@openoutreach/core';
import type { PageType } from './page-types.ts';
import type { RuntimeConfig } from './runtime-config.ts';
import type { Alternate } from './shell.ts';

/** What a component needs to speak one language. */
export interface LocaleContext {
  locale: Locale;
  /** UI strings in this language. */
  t: Translate;
  /** A path of the site in this language, base path included: `url('/news/')` → `/my-repo/es/news/`. */
  url: (path: string) => string;
}

/** One entry of the language switcher. */
export interface LanguageVersion extends Alternate {
  /** The language's name in itself ("Español"). */
  name: string;
  /** Whether this is the page's own language. */
  current: boolean;
  /** Whether `href` is this page translated; otherwise it is the language's home page. */
  translated: boolean;
}

/** The header and footer menus of one language: settings links first, then the language's pages. */
export interface Menus {
  header: MenuItem[];
  footer: MenuItem[];
}

/** `Astro.locals.openOutreach`: the page's language, settings, menus and links, in one object. */
export interface PageContext extends LocaleContext {
  /** Every language of the site, the main one first. */
  locales: readonly Locale[];
  defaultLocale: Locale;
  /** Whether the site publishes more than one language. */
  multilingual: boolean;
  /** The base path without a trailing slash, '' at the root. */
  base: string;
  /** The settings as this page's language shows them (tagline, description, announcement translated). */
  settings: SiteSettings;
  /** Which features the site has on. */
  features: RuntimeConfig['features'];
  /** The settings' colours and the theme's fonts as CSS custom properties (`:root { … }`). */
  cssVariables: string;
  /** The header and footer menus in this page's language; read once, on first use. */
  readonly menus: Promise<Menus>;
  /** The newsletter sign-up's markup in this language, or undefined when the site has none. */
  readonly newsletterForm: FormMarkup | undefined;
  /** A path of the site with the base path prepended and no language prefix (`/pagefind/pagefind.js`). */
  sitePath: (path: string) => string;
  /** The full address of a path of the site, for share links and feeds (the path itself without `site`). */
  absoluteUrl: (path: string) => string;
  /** A link written once for every language, as this page's reader should follow it (settings links). */
  localizedHref: (href: string) => Promise<string>;
  /**
   * The page at `path` in each of the site's languages, for the language switcher and hreflang
   * links: the translation where `alternates` has one, else the language's home page. Empty on a
   * one-language site.
   */
  languageVersions: (path: string, alternates?: Alternate[]) => LanguageVersion[];
  /** Whether `href` is the page at `path` (`'page'`) or a section above it (`'true'`), for `aria-current`. */
  currentState: (href: string, path: string) => 'page' | 'true' | undefined;
  /**
   * The kind of page, from the feature registry's route (`news-post`, `events-index`…); undefined
   * for a page the kit's routes do not make (a site's own page names its type to `BaseLayout`).
   */
  pageType: PageType | (string & {}) | undefined;
  /** Another language's strings and paths (the 404 page speaks every language). */
  inLocale: (locale: Locale) => LocaleContext;
}
