/**
 * The theme contract: every component a theme implements, with its props. Routes and layouts
 * import these only through `virtual:openoutreach/components/<Name>`, so a site can replace any
 * one of them in its config and switch theme without touching content.
 */
import type { ImageMetadata } from 'astro';
import type { EventData, NewsData, PageData, SiteSettings, Translate } from '@openoutreach/core';

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
  'EventLayout',
  'EventList',
  'EventCard',
  'EventCalendar',
  'AddToCalendar',
  'EventMap',
  'Announcement',
  'ShareLinks',
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
export const PAGE_TYPES = [
  'home',
  'page',
  'news-index',
  'news-post',
  'news-tag',
  'event',
  'events-index',
  'events-past',
  'events-calendar',
  'not-found',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface BaseLayoutProps {
  /** The kind of page, so checks and styles can tell page types apart. */
  pageType: PageType;
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
}

export type HeadProps = BaseLayoutProps;

export type AnnouncementProps = Record<string, never>;

/** Links that share a page on other sites: plain links, no script, nothing loaded from them. */
export interface ShareLinksProps {
  title: string;
  /** Path of the page, base included. */
  path: string;
}

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
  /** The next few events, soonest first; empty when the site has none or events are off. */
  upcomingEvents: EventCardProps[];
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

/** One time an event takes place, ready to show. */
export interface OccurrenceView {
  start: Date;
  end: Date;
  /** When, in words, on the event's clock: "Tuesday, December 8, 2026, 6:00 – 8:00 PM". */
  label: string;
  /** For `<time datetime>`: `2026-12-08T18:00-05:00`, or `2026-12-08` for an all-day event. */
  datetime: string;
}

export interface EventCardProps {
  title: string;
  href: string;
  /** The occurrence the card is about: the next one, or the last one of a past event. */
  occurrence: OccurrenceView;
  /** Whether the event repeats. */
  recurring: boolean;
  summary?: string | undefined;
  /** The name of the place, if any. */
  place?: string | undefined;
  /** Whether people can join online. */
  online: boolean;
  image?: ImageWithAlt | undefined;
  headingLevel?: 2 | 3;
}

export interface EventListProps {
  events: EventCardProps[];
  headingLevel?: 2 | 3;
}

/** An event's fields as the theme receives them, with its image optimised. */
export type EventView = Omit<EventData, 'image'> & { image?: ImageWithAlt | undefined };

export interface EventLayoutProps {
  event: EventView;
  path: string;
  /** The next occurrence, or the last one once all have passed. */
  occurrence: OccurrenceView;
  /** Whether every occurrence has passed, as of the build. */
  isPast: boolean;
  /** The occurrences after `occurrence`, a few, for a repeating event. */
  nextDates: OccurrenceView[];
  calendar: AddToCalendarProps;
  /** Present when the event has a latitude and longitude. */
  map?: EventMapProps | undefined;
}

export interface AddToCalendarProps {
  /** The event's own iCalendar file. */
  icsHref: string;
  /** A Google Calendar link that fills in the event (one-off events only): a plain link, no request. */
  googleHref?: string | undefined;
}

/** A map of where an event takes place. Without JavaScript, a link to openstreetmap.org. */
export interface EventMapProps {
  latitude: number;
  longitude: number;
  /** The name of the place, for the link and the map's label. */
  label?: string | undefined;
}

/** One event in a day of the month calendar. */
export interface CalendarEntry {
  title: string;
  href: string;
  /** The start time ("6:00 PM"); empty for an all-day event. */
  time: string;
  /** For `<time datetime>`. */
  datetime: string;
}

export interface CalendarDay {
  /** `YYYY-MM-DD`; undefined for the cells of the months before and after. */
  day?: string | undefined;
  /** The day in words, "Tuesday, December 8". */
  label: string;
  /** The day of the build, marked `aria-current="date"`. */
  today: boolean;
  entries: CalendarEntry[];
}

export interface EventCalendarProps {
  /** `YYYY-MM`. */
  month: string;
  /** The month in words, "December 2026": the table's caption. */
  caption: string;
  /** The names of the weekdays from the first of the locale's week. */
  weekdays: { short: string; long: string }[];
  /** Rows of seven days. */
  weeks: CalendarDay[][];
  /** The nearest months before and after that have events. */
  previous?: Link | undefined;
  next?: Link | undefined;
}

/** What `virtual:openoutreach/config` gives routes and components. */
export interface RuntimeConfig {
  settings: SiteSettings;
  /** The base path without a trailing slash, '' at the root. */
  base: string;
  site: string | undefined;
  features: { news: boolean; events: boolean };
}

export type { Translate };
