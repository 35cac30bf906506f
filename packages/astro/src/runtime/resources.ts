/**
 * Resources for routes and themes: the library of one language, its cards, and the filters by
 * type and topic, which are links to pages of their own so they work without JavaScript.
 */
import type { CollectionEntry } from 'astro:content';
import config from 'virtual:openoutreach/config';
import { isWebAddress, RESOURCE_TYPES, resourceFilePath, resourceTopics, resourceTypes, slugify, type Locale, type ResourceData } from '@openoutreach/core';
import type { ResourceCardProps, ResourceFiltersProps } from '../contract.ts';
import { getLocalizedEntries } from './entries.ts';
import { defaultLocale, localeContext } from './locale.ts';
import { joinBase, pagePath } from './urls.ts';

export type ResourceEntry = CollectionEntry<'resources'> & { slug: string };

/** The published resources of one language, newest first, then by title; empty when resources are off. */
export async function getResources(locale: Locale = defaultLocale): Promise<ResourceEntry[]> {
  if (!config.features.resources) return [];
  return (await getLocalizedEntries('resources', locale)).sort(
    (a, b) => (b.data.date?.getTime() ?? 0) - (a.data.date?.getTime() ?? 0) || a.data.title.localeCompare(b.data.title, locale),
  );
}

export const resourceTypeHref = (type: string, locale: Locale = defaultLocale) => localeContext(locale).url(pagePath('resources-index', { type }));
export const resourceTopicHref = (topic: string, locale: Locale = defaultLocale) =>
  localeContext(locale).url(pagePath('resources-index', { topic: slugify(topic) }));

/** What a resource's card shows: a document of the site is a download, a web address a link out. */
export function resourceCard(entry: ResourceEntry, locale: Locale = defaultLocale): ResourceCardProps {
  const { t } = localeContext(locale);
  // Typed from core, as outside a site Astro's generated collection types are not there.
  const data: ResourceData = entry.data;
  const external = isWebAddress(data.link);
  // The build refuses a document it cannot publish (resources-check.ts), so a path is always found here.
  const file = external ? undefined : resourceFilePath(entry.filePath ?? '', data.link);
  return {
    title: data.title,
    href: external ? data.link : joinBase(config.base, encodeURI(file ?? '')),
    type: data.type,
    typeLabel: t(`resources.type.${data.type}`),
    external,
    fileFormat: external ? undefined : data.link.split('.').pop()?.toUpperCase(),
    summary: data.summary,
    date: data.date,
    topics: data.topics.map((topic) => ({ label: topic, href: resourceTopicHref(topic, locale) })),
  };
}

/**
 * The filter links of the resources pages, with how many resources each lists; `current` marks
 * the page being shown (none: the page of all resources).
 */
export function resourceFilters(resources: ResourceEntry[], locale: Locale, current: { type?: string; topic?: string } = {}): ResourceFiltersProps {
  const { t, url } = localeContext(locale);
  const data = resources.map((entry) => entry.data);
  return {
    all: { label: t('resources.all'), href: url(pagePath('resources-index')), count: resources.length, current: !current.type && !current.topic },
    types: resourceTypes(data, RESOURCE_TYPES).map((type) => ({
      label: t(`resources.type.${type.value as (typeof RESOURCE_TYPES)[number]}`),
      href: resourceTypeHref(type.slug, locale),
      count: type.count,
      current: current.type === type.slug,
    })),
    topics: resourceTopics(data, locale).map((topic) => ({
      label: topic.value,
      href: resourceTopicHref(topic.value, locale),
      count: topic.count,
      current: current.topic === topic.slug,
    })),
  };
}
