/**
 * The theme contract: every component a theme implements, with its props. Routes and layouts
 * import these only through `virtual:openoutreach/components/<Name>`, so a site can replace any
 * one of them in its config and switch theme without touching content.
 */
import type { ImageMetadata } from 'astro';
import type { AmountLink, EventData, FormMarkup, GivingProvider, GoalView, Locale, NewsData, PageData, PersonData, ProjectData, ProjectStatus, ResourceType, SiteSettings, Translate } from '@openoutreach/core';

export const COMPONENT_NAMES = [
  'BaseLayout',
  'Head',
  'Header',
  'Footer',
  'PageLayout',
  'HomeLayout',
  'HomeBlocks',
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
  'AlbumList',
  'AlbumLayout',
  'Gallery',
  'Lightbox',
  'VideoEmbed',
  'SearchBox',
  'SearchPage',
  'DonatePage',
  'GoalProgress',
  'ContactPage',
  'ContactForm',
  'NewsletterSignup',
  'PeopleList',
  'PersonCard',
  'PersonLayout',
  'ProjectList',
  'ProjectCard',
  'ProjectLayout',
  'ResourceList',
  'ResourceCard',
  'ResourceFilters',
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
  'album',
  'albums-index',
  'people-index',
  'person',
  'projects-index',
  'project',
  'resources-index',
  'donate',
  'contact',
  'contact-thanks',
  'search',
  'not-found',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** A page in one language, for the language switcher and hreflang links. */
export interface Alternate {
  locale: Locale;
  /** Path of the page in that language, base included. */
  href: string;
}

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

/** One way to give: a plain link to the service's donation page. */
export interface DonateButtonView {
  provider: GivingProvider;
  label: string;
  href: string;
  /** Links that open the service's form with an amount filled in (only services that document it). */
  amounts: AmountLink[];
}

/** The donate page (`/donate/`). No script and no request to the services: plain links. */
export interface DonatePageProps {
  title: string;
  intro?: string | undefined;
  buttons: DonateButtonView[];
  /** Suggested amounts, formatted in the page's language ("€25"). */
  amounts: string[];
  goal?: GoalView | undefined;
  recurring?: string | undefined;
}

export interface GoalProgressProps {
  goal: GoalView;
}

/** The contact page: the site's `contact` page content (the slot), if any, then the form. */
export interface ContactPageProps {
  title: string;
  form: FormMarkup;
}

/** A contact form for its service (see `contactFormMarkup` in core). */
export interface ContactFormProps {
  form: FormMarkup;
}

/** The newsletter sign-up; renders nothing unless the settings have `forms.newsletter`. */
export type NewsletterSignupProps = Record<string, never>;

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

export interface HomeLayoutProps {
  page: Omit<PageData, 'hero' | 'blocks'> & { hero?: ImageWithAlt | undefined };
  latestNews: NewsCardProps[];
  /** The next few events, soonest first; empty when the site has none or events are off. */
  upcomingEvents: EventCardProps[];
  /**
   * The blocks the home page chose, in order (runtime `homeBlocks()`). When given, the page is
   * made of them, the body coming after the hero, and `latestNews`/`upcomingEvents` are unused.
   */
  blocks?: HomeBlockView[] | undefined;
}

/**
 * One block of the home page, ready to show. `id` is unique on the page, for the heading that
 * labels the block's section. Headings are level 2 (the hero's is the page's level 1).
 */
export type HomeBlockView = { id: string } & (
  | { type: 'hero'; hero: HeroProps }
  | { type: 'call-to-action'; heading: string; text?: string | undefined; action: Link }
  | { type: 'latest-news'; heading: string; posts: NewsCardProps[]; more: Link }
  | { type: 'upcoming-events'; heading: string; events: EventCardProps[]; more: Link }
  | { type: 'featured-projects'; heading: string; projects: ProjectCardProps[]; more: Link }
  | { type: 'figures'; heading?: string | undefined; items: { value: string; label: string }[] }
  /** `html` is the block's Markdown, rendered and sanitised like a page's body. */
  | { type: 'text-with-image'; heading?: string | undefined; html: string; image: ImageWithAlt; imageSide: 'left' | 'right' }
  | { type: 'donate'; heading: string; text?: string | undefined; action: Link; goal?: GoalView | undefined }
);

/** The home page's blocks, in order; blocks with nothing to show (no upcoming events) are left out. */
export interface HomeBlocksProps {
  blocks: HomeBlockView[];
}

export interface NewsPostLayoutProps {
  post: Omit<NewsData, 'cover'> & { cover?: ImageWithAlt | undefined };
  path: string;
  tags: Link[];
  /** The author's page, when the post's `person` names one of the site's people (runtime `personLink()`). */
  authorLink?: Link | undefined;
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

/** A person as their card shows them. */
export interface PersonCardProps {
  name: string;
  href: string;
  role?: string | undefined;
  photo?: ImageWithAlt | undefined;
  headingLevel?: 2 | 3;
}

/** The people of one group, under a heading of level 2; their cards' titles are level 3. */
export interface PeopleGroup {
  /** The group's name in the page's language ("Board", "Staff") or as the editors wrote it. */
  heading: string;
  /** A fragment id for the heading, unique on the page. */
  id: string;
  people: PersonCardProps[];
}

export interface PeopleListProps {
  groups: PeopleGroup[];
}

/** A person's fields as the theme receives them, with the photo optimised. */
export type PersonView = Omit<PersonData, 'photo'> & { photo?: ImageWithAlt | undefined };

/** A person's page; the body (their bio) is the slot. */
export interface PersonLayoutProps {
  person: PersonView;
  /** The headings of their groups, in the page's language. */
  groups: string[];
  /** Back to the people page. */
  back: Link;
}

export interface ProjectCardProps {
  title: string;
  href: string;
  status: ProjectStatus;
  /** The status in the page's language. */
  statusLabel: string;
  summary?: string | undefined;
  image?: ImageWithAlt | undefined;
  headingLevel?: 2 | 3;
}

/** Projects of one status (active, planned, completed), under a heading of level 2. */
export interface ProjectGroup {
  heading: string;
  id: string;
  projects: ProjectCardProps[];
}

export interface ProjectListProps {
  groups: ProjectGroup[];
}

/** A project's fields as the theme receives them, with its image optimised. */
export type ProjectView = Omit<ProjectData, 'image'> & { image?: ImageWithAlt | undefined };

/** A project's page; the body is the slot. */
export interface ProjectLayoutProps {
  project: ProjectView;
  statusLabel: string;
  /** News posts that name the project, newest first. */
  news: NewsCardProps[];
  /** Events that name it, upcoming first. */
  events: EventCardProps[];
  back: Link;
}

export interface ResourceCardProps {
  title: string;
  /** The document on this site, or the address elsewhere. */
  href: string;
  type: ResourceType;
  typeLabel: string;
  /** Whether `href` leads to another site. */
  external: boolean;
  /** The kind of file to download ("PDF"), for a document of the site. */
  fileFormat?: string | undefined;
  summary?: string | undefined;
  date?: Date | undefined;
  /** Links to the pages of its topics. */
  topics: Link[];
  headingLevel?: 2 | 3;
}

export interface ResourceListProps {
  resources: ResourceCardProps[];
  headingLevel?: 2 | 3;
}

/** A link of the resource filters: a page listing the resources of one type or topic. */
export interface FilterLink extends Link {
  /** How many resources the page lists. */
  count: number;
  /** Whether it is the page being shown (`aria-current="page"`). */
  current: boolean;
}

/** Filters that are links to static pages, so they work without JavaScript. */
export interface ResourceFiltersProps {
  /** The page of every resource. */
  all: FilterLink;
  types: FilterLink[];
  topics: FilterLink[];
}

/** A photo of an album, optimised, with its description and caption. */
export interface AlbumPhoto extends ImageWithAlt {
  caption?: string | undefined;
}

/**
 * A YouTube, Vimeo or PeerTube video that loads its player only when a visitor presses play.
 * Until then the page requests nothing from the video's host.
 */
export interface VideoEmbedProps {
  /** The address of the video's page, e.g. `https://www.youtube.com/watch?v=…`. */
  url: string;
  title: string;
  /** A still kept on this site; without one, a plain placeholder (never the host's thumbnail). */
  poster?: ImageWithAlt | undefined;
}

export interface AlbumCardProps {
  title: string;
  href: string;
  date: Date;
  summary?: string | undefined;
  cover: ImageWithAlt;
  photoCount: number;
}

export interface AlbumListProps {
  albums: AlbumCardProps[];
  headingLevel?: 2 | 3;
}

export interface AlbumLayoutProps {
  album: { title: string; date: Date; summary?: string | undefined; photos: AlbumPhoto[]; videos: VideoEmbedProps[] };
  path: string;
}

/**
 * Thumbnails, each a link to its photo at full size, so the gallery works without JavaScript;
 * the Lightbox enhances the links on a page that has one.
 */
export interface GalleryProps {
  photos: AlbumPhoto[];
}

/** The dialog that shows a gallery's photos one at a time, loaded on the first click on a thumbnail. */
export type LightboxProps = Record<string, never>;

/** What `virtual:openoutreach/config` gives routes and components. */
export interface RuntimeConfig {
  settings: SiteSettings;
  /** The base path without a trailing slash, '' at the root. */
  base: string;
  site: string | undefined;
  features: { news: boolean; events: boolean; albums: boolean; giving: boolean; contact: boolean; people: boolean; projects: boolean; resources: boolean; search: boolean };
}

export type { Translate };
