import { slugify } from './slugs.ts';
import { sitePath } from './file-paths.ts';
import { isWebAddress } from './schemas/resource.ts';

/** A value resources are filtered by, with the page that lists them. */
export interface ResourceFacet {
  /** The URL segment of its page. */
  slug: string;
  /** As written (a topic) or its key (a type). */
  value: string;
  count: number;
}

/**
 * The topics of a set of resources, each with how many resources have it, alphabetically.
 * Topics that differ only in case or accents ("Safety", "safety") share one page and take the
 * first spelling.
 */
export function resourceTopics(resources: { topics: string[] }[], locale = 'en'): ResourceFacet[] {
  const topics = new Map<string, ResourceFacet>();
  for (const resource of resources) {
    for (const slug of new Set(resource.topics.map(slugify))) {
      const topic = topics.get(slug) ?? { slug, value: resource.topics.find((value) => slugify(value) === slug)!, count: 0 };
      topic.count++;
      topics.set(slug, topic);
    }
  }
  return [...topics.values()].sort((a, b) => a.value.localeCompare(b.value, locale));
}

/** The types of a set of resources that at least one has, in the order of `types`, with counts. */
export function resourceTypes<T extends string>(resources: { type: T }[], types: readonly T[]): ResourceFacet[] {
  return types
    .map((type) => ({ slug: type, value: type, count: resources.filter((resource) => resource.type === type).length }))
    .filter((type) => type.count > 0);
}

/**
 * Where a resource's document is published, from the content file's path and its `link`, both
 * relative to the site's root or the file: `src/assets/resources/handbook.pdf` is published at
 * `/files/resources/handbook.pdf`. A file outside `src/` has no address (undefined); the build
 * refuses it. A web address is not a file of the site (undefined too).
 */
export function resourceFilePath(contentFile: string, link: string): string | undefined {
  if (isWebAddress(link)) return undefined;
  const inSrc = sitePath(contentFile, link)?.split('/').slice(1);
  if (!inSrc) return undefined;
  return `/files/${(inSrc[0] === 'assets' && inSrc.length > 1 ? inSrc.slice(1) : inSrc).join('/')}`;
}
