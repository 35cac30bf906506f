/**
 * The theme contract: every component a theme implements, with its props. Routes and layouts
 * import these only through `virtual:openoutreach/components/<Name>`, so a site can replace any
 * one of them in its config and switch theme without touching content.
 */
import type { ImageMetadata } from 'astro';
import type { NewsData, PageData, SiteSettings, Translate } from '@openoutreach/core';

export const COMPONENT_NAMES = [
  'BaseLayout',
  'Head',
  'Header',
  'Footer',
  'PageLayout',
  'HomeLayout',
  'NewsPostLayout',
  'NewsList',
  'NewsCard',
  'Hero',
  'Pagination',
  'TagList',
  'Breadcrumbs',
  'SocialLinks',
  'ContactDetails',
  'NotFound',
] as const;

export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** An image as the theme receives it: optimised by astro:assets, with its description. */
export interface ImageWithAlt {
  src: ImageMetadata;
  alt: string;
}

export interface Link {
  label: string;
  href: string;
}

/** The kinds of page the kit publishes; a layout marks its page with one (`data-page-type`). */
export const PAGE_TYPES = ['home', 'page', 'news-index', 'news-post', 'news-tag', 'not-found'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface BaseLayoutProps {
  /** The kind of page, so checks and styles can tell page types apart. */
  pageType: PageType;
  /** The title of this page (the site name is added by the layout). */
  title: string;
  description?: string | undefined;
  /** Path of this page, base included, e.g. `/my-repo/news/`. */
  path: string;
  /** `article` for news posts. */
  type?: 'website' | 'article';
  image?: ImageWithAlt | undefined;
  /** Omit the page from search engines (the 404 page). */
  noindex?: boolean;
}

export type HeadProps = BaseLayoutProps;

export interface HeaderProps {
  path: string;
}

export type FooterProps = Record<string, never>;

export interface PageLayoutProps {
  page: PageData & { hero?: ImageWithAlt | undefined };
  path: string;
  breadcrumbs: Link[];
  subpages: Link[];
}

export interface HomeLayoutProps {
  page: PageData & { hero?: ImageWithAlt | undefined };
  latestNews: NewsCardProps[];
}

export interface NewsPostLayoutProps {
  post: Omit<NewsData, 'cover'> & { cover?: ImageWithAlt | undefined };
  path: string;
  tags: Link[];
}

export interface NewsCardProps {
  title: string;
  href: string;
  date: Date;
  summary?: string | undefined;
  author?: string | undefined;
  cover?: ImageWithAlt | undefined;
  /** Heading level of the card's title, so the outline stays correct where the card is used. */
  headingLevel?: 2 | 3;
}

export interface NewsListProps {
  posts: NewsCardProps[];
  headingLevel?: 2 | 3;
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

/** What `virtual:openoutreach/config` gives routes and components. */
export interface RuntimeConfig {
  settings: SiteSettings;
  /** The base path without a trailing slash, '' at the root. */
  base: string;
  site: string | undefined;
  features: { news: boolean };
}

export type { Translate };
