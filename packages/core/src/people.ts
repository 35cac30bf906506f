import { PERSON_GROUPS } from './schemas/person.ts';

/** What grouping needs to know of a person. */
export interface GroupablePerson {
  name: string;
  groups: string[];
  order: number;
}

/** The people of one group; `group` is undefined for those in none. */
export interface GroupOfPeople<P> {
  group: string | undefined;
  people: P[];
}

const known = (group: string) => (PERSON_GROUPS as readonly string[]).indexOf(group.toLowerCase());

/**
 * People by group, for the people page: the groups the kit knows (board, staff, volunteers) in
 * that order, then the site's own groups alphabetically, then the people in no group. Someone in
 * two groups is listed in both. Within a group, lower `order` first, then by name.
 */
export function groupPeople<P extends GroupablePerson>(people: P[], locale = 'en'): GroupOfPeople<P>[] {
  const groups = new Map<string, P[]>();
  const ungrouped: P[] = [];
  for (const person of people) {
    if (!person.groups.length) ungrouped.push(person);
    for (const group of new Set(person.groups.map((name) => (known(name) >= 0 ? name.toLowerCase() : name)))) {
      groups.set(group, [...(groups.get(group) ?? []), person]);
    }
  }
  const rank = (group: string) => (known(group) >= 0 ? known(group) : PERSON_GROUPS.length);
  const byOrder = (a: P, b: P) => a.order - b.order || a.name.localeCompare(b.name, locale);
  const result: GroupOfPeople<P>[] = [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, locale))
    .map(([group, members]) => ({ group, people: members.sort(byOrder) }));
  if (ungrouped.length) result.push({ group: undefined, people: ungrouped.sort(byOrder) });
  return result;
}

/** Whether a group is one the kit names in every language (board, staff, volunteers). */
export const isKnownGroup = (group: string): group is (typeof PERSON_GROUPS)[number] => known(group) >= 0 && group === group.toLowerCase();
