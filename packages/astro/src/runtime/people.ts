/**
 * People for routes and themes: the people of one language, their groups for the people page,
 * and the link to a person's page that a news post shows for its author.
 */
import type { CollectionEntry } from 'astro:content';
import config from 'virtual:openoutreach/config';
import { groupPeople, isKnownGroup, slugify, type Locale, type Translate } from '@openoutreach/core';
import type { Link, PeopleGroup, PersonCardProps } from '../contract.ts';
import { getLocalizedEntries } from './entries.ts';
import { defaultLocale, localeContext } from './locale.ts';
import { entryPath } from './urls.ts';

export type PersonEntry = CollectionEntry<'people'> & { slug: string };

/** The published people of one language; empty when the site has people turned off. */
export async function getPeople(locale: Locale = defaultLocale): Promise<PersonEntry[]> {
  if (!config.features.people) return [];
  return getLocalizedEntries('people', locale);
}

export const personHref = (slug: string, locale: Locale = defaultLocale) => localeContext(locale).url(entryPath('people', slug));

/** What a person's card shows. */
export function personCard(entry: PersonEntry, locale: Locale = defaultLocale): PersonCardProps {
  return { name: entry.data.name, href: personHref(entry.slug, locale), role: entry.data.role, photo: entry.data.photo };
}

/** A group's heading: the kit's groups in the page's language, a site's own as its editors wrote it. */
export const groupHeading = (group: string | undefined, t: Translate) =>
  group === undefined ? t('people.others') : isKnownGroup(group) ? t(`people.group.${group}`) : group;

/** The people page's groups, in order, each with its heading and cards. */
export function peopleGroups(people: PersonEntry[], locale: Locale = defaultLocale): PeopleGroup[] {
  const { t } = localeContext(locale);
  const grouped = groupPeople(
    people.map((entry) => ({ ...entry.data, entry })),
    locale,
  );
  return grouped.map(({ group, people: members }) => {
    const heading = groupHeading(group, t);
    return { heading, id: `group-${slugify(heading)}`, people: members.map(({ entry }) => personCard(entry, locale)) };
  });
}

/**
 * The link to a person's page, for a news post whose `person` names them: their name and page in
 * the post's language, else in the main language. Undefined when people are turned off or no
 * published person has that slug (the build refuses unknown slugs; a draft person is not linked).
 *
 * ```astro
 * const author = entry.data.person ? await personLink(entry.data.person, locale) : undefined;
 * ```
 */
export async function personLink(slug: string, locale: Locale = defaultLocale): Promise<Link | undefined> {
  for (const language of new Set([locale, defaultLocale])) {
    const person = (await getPeople(language)).find((entry) => entry.slug === slug);
    if (person) return { label: person.data.name, href: personHref(slug, language) };
  }
  return undefined;
}
