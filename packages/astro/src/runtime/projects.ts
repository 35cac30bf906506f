/**
 * Projects for routes and themes: the projects of one language by status, and the news posts and
 * events that name a project.
 */
import type { CollectionEntry } from 'astro:content';
import config from 'virtual:openoutreach/config';
import { PROJECT_STATUSES, type Locale, type ProjectStatus } from '@openoutreach/core';
import type { EventCardProps, ProjectCardProps, ProjectGroup } from '../contract.ts';
import { getLocalizedEntries } from './entries.ts';
import { eventCard, getPastEvents, getUpcomingEvents } from './events.ts';
import { defaultLocale, localeContext } from './locale.ts';
import { entryPath } from './urls.ts';

export type ProjectEntry = CollectionEntry<'projects'> & { slug: string };

/** The published projects of one language, by title; empty when the site has projects turned off. */
export async function getProjects(locale: Locale = defaultLocale): Promise<ProjectEntry[]> {
  if (!config.features.projects) return [];
  return (await getLocalizedEntries('projects', locale)).sort((a, b) => a.data.title.localeCompare(b.data.title, locale));
}

export const projectHref = (slug: string, locale: Locale = defaultLocale) => localeContext(locale).url(entryPath('projects', slug));

/** What a project's card shows. */
export function projectCard(entry: ProjectEntry, locale: Locale = defaultLocale): ProjectCardProps {
  const { t } = localeContext(locale);
  // Typed from core, as outside a site Astro's generated collection types are not there.
  const status: ProjectStatus = entry.data.status;
  return {
    title: entry.data.title,
    href: projectHref(entry.slug, locale),
    status: entry.data.status,
    statusLabel: t(`projects.status.${status}`),
    summary: entry.data.summary,
    image: entry.data.image,
  };
}

/** The projects page's groups: active, planned, completed, each only if it has a project. */
export function projectGroups(projects: ProjectEntry[], locale: Locale = defaultLocale): ProjectGroup[] {
  const { t } = localeContext(locale);
  return PROJECT_STATUSES.map((status) => ({
    heading: t(`projects.group.${status}`),
    id: `status-${status}`,
    projects: projects.filter((entry) => entry.data.status === status).map((entry) => projectCard(entry, locale)),
  })).filter((group) => group.projects.length > 0);
}

/** The events of one language that name the project: upcoming ones soonest first, then past ones, latest first. */
export async function projectEvents(slug: string, locale: Locale = defaultLocale): Promise<EventCardProps[]> {
  const events = [...(await getUpcomingEvents(locale)), ...(await getPastEvents(locale))];
  return events.filter((event) => event.entry.data.project === slug).map(eventCard);
}
