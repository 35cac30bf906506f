import { closestKey, CONTENT_TYPES, type ContentTypeName, type Problem } from '@openoutreach/core';
import { contentFiles, type SiteContent } from './read-content.ts';

/** A front-matter field that names an entry of another collection by its slug (file name). */
interface Reference {
  from: ContentTypeName;
  field: string;
  to: ContentTypeName;
  /** The option of `features` that turns the target collection on. */
  feature: string;
}

/** The references between content types that the build checks. */
export const REFERENCES: Reference[] = [
  { from: 'news', field: 'project', to: 'projects', feature: 'projects' },
  { from: 'events', field: 'project', to: 'projects', feature: 'projects' },
  { from: 'news', field: 'person', to: 'people', feature: 'people' },
];

/**
 * Problems with the references of news posts and events: a `project` or `person` that names no
 * entry (a typo, a renamed file), or one whose collection the site has turned off. Translations
 * share slugs, so a slug is known if any language has it. Files that cannot be read are left to
 * the content check.
 */
export function referenceProblems(content: SiteContent): Problem[] {
  const { collections } = content;
  const problems: Problem[] = [];
  const slugs = new Map<ContentTypeName, string[]>();
  const slugsOf = (collection: ContentTypeName) => {
    if (!slugs.has(collection)) slugs.set(collection, [...new Set(contentFiles(content, collection).map((entry) => entry.slug))]);
    return slugs.get(collection)!;
  };
  for (const reference of REFERENCES.filter((candidate) => collections.includes(candidate.from))) {
    for (const { file, parsed } of contentFiles(content, reference.from)) {
      const value = parsed?.ok ? (parsed.data as Record<string, unknown>)[reference.field] : undefined;
      if (typeof value !== 'string' || !value.trim()) continue;
      const label = CONTENT_TYPES[reference.to].labelPlural.toLowerCase();
      if (!collections.includes(reference.to)) {
        problems.push({
          file,
          field: reference.field,
          message: `it names "${value}", but the site has ${label} turned off`,
          fix: `turn them on in astro.config.mjs with openOutreach({ features: { ${reference.feature}: true } }), or remove "${reference.field}".`,
        });
        continue;
      }
      const known = slugsOf(reference.to);
      if (known.includes(value.trim())) continue;
      const suggestion = closestKey(value.trim(), known);
      const folder = `src/content/${CONTENT_TYPES[reference.to].folder}/`;
      problems.push({
        file,
        field: reference.field,
        message: `there is no ${CONTENT_TYPES[reference.to].label.toLowerCase()} "${value}" in ${folder}`,
        fix: suggestion
          ? `did you mean \`${reference.field}: ${suggestion}\`? The value is the file name of the ${CONTENT_TYPES[reference.to].label.toLowerCase()} without .md.`
          : known.length
            ? `use the file name of one of the ${label} without .md, e.g. \`${reference.field}: ${known[0]}\`, or remove "${reference.field}".`
            : `add the ${CONTENT_TYPES[reference.to].label.toLowerCase()} to ${folder} first, or remove "${reference.field}".`,
      });
    }
  }
  return problems;
}
