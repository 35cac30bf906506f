/**
 * The theme contract: every component a theme implements, with its props. Routes and layouts
 * import these only through `virtual:openoutreach/components/<Name>`, so a site can replace any
 * one of them in its config and switch theme without touching content.
 */
import type { SiteSettings, Translate } from '@openoutreach/core';

export type * from './contract/shell.ts';
export type * from './contract/news.ts';
export type * from './contract/events.ts';
export type * from './contract/home.ts';
export type * from './contract/people-projects-resources.ts';
export type * from './contract/media.ts';
export type * from './contract/giving-and-forms.ts';
export type { Translate };

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

/** What `virtual:openoutreach/config` gives routes and components. */
export interface RuntimeConfig {
  settings: SiteSettings;
  /** The base path without a trailing slash, '' at the root. */
  base: string;
  site: string | undefined;
  features: { news: boolean; events: boolean; albums: boolean; giving: boolean; contact: boolean; people: boolean; projects: boolean; resources: boolean; search: boolean };
  /** The collections that had files when the build started; the others are empty in a build. */
  filledCollections: string[];
}
