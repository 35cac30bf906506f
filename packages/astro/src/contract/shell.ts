/** The page shell and the components every page uses: layout, head, header, footer, hero, menus, links. */
import type { ImageMetadata } from 'astro';
import type { Locale, PageData, SiteSettings } from '@openoutreach/core';
import type { PageType } from './page-types.ts';

/** An image as the theme receives it: optimised by astro:assets, with its description. */
export interface ImageWithAlt {
  src: ImageMetadata;
  alt: string;
}

export interface Link {
  label: string;
  href: string;
}

/** A page in one language, for the language switcher and hreflang links. */
export interface Alternate {
  locale: Locale;
  /** Path of the page in that language, base included. */
  href: string;
}

export interface BaseLayoutProps {
  /**
   * The kind of page, so checks and styles can tell page types apart: one of the kit's, or a
   * page type of the site's own (`src/pages/partners.astro` with `pageType="partners"`).
   */
  pageType: PageType | (string & {});
  /** The title of this page (the site name is added by the layout). */
  title: string;
  description?: string | undefined;
  /** Path of this page, base included, e.g. `/my-repo/news/`. */
  path: string;
  /** `article` for news posts and events. */
  type?: 'website' | 'article';
  image?: ImageWithAlt | undefined;
  /** Omit the page from search engines (the 404 page). */
  noindex?: boolean;
  /** schema.org descriptions of what the page is about (Organization, NewsArticle, Event). */
  structuredData?: Record<string, unknown>[] | undefined;
  /**
   * The page in each language it is published in, itself included (multilingual sites). Left out,
   * every language has the same page (lists, calendars); `[]` means none but this one.
   */
  alternates?: Alternate[] | undefined;
}

export type HeadProps = BaseLayoutProps;

export type AnnouncementProps = Record<string, never>;

/** Links that share a page on other sites: plain links, no script, nothing loaded from them. */
export interface ShareLinksProps {
  title: string;
  /** Path of the page, base included. */
  path: string;
}

/** The search box in the header: a plain form that opens the search page, no script. */
export type SearchBoxProps = Record<string, never>;

/**
 * The search page's content: the search form and the results, which it finds in the Pagefind
 * index of the page's language (`<base>/pagefind/`), loading it only when a visitor searches.
 */
export type SearchPageProps = Record<string, never>;

export interface HeaderProps {
  path: string;
  /** The page's translations, for the language switcher (see BaseLayoutProps). */
  alternates?: Alternate[] | undefined;
}

export type FooterProps = Record<string, never>;

export interface PageLayoutProps {
  page: PageData & { hero?: ImageWithAlt | undefined };
  path: string;
  breadcrumbs: Link[];
  subpages: Link[];
}

export interface HeroProps {
  title: string;
  text?: string | undefined;
  image?: ImageWithAlt | undefined;
  action?: Link | undefined;
}

export interface PaginationProps {
  page: number;
  total: number;
  previous?: string | undefined;
  next?: string | undefined;
}

export interface TagListProps {
  tags: Link[];
  label?: string;
}

export interface BreadcrumbsProps {
  items: Link[];
}

export interface SocialLinksProps {
  social: SiteSettings['social'];
}

export interface ContactDetailsProps {
  contact: SiteSettings['contact'];
}

export type NotFoundProps = Record<string, never>;
