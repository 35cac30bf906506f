/** People, projects and resources. */
import type { PersonData, ProjectData, ProjectStatus, ResourceType } from '@openoutreach/core';
import type { EventCardProps } from './events.ts';
import type { NewsCardProps } from './news.ts';
import type { ImageWithAlt, Link } from './shell.ts';

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
