import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '@openoutreach/core';

/** Where Astro looks for a site's content collections, in its order. */
const CONTENT_CONFIG_FILES = ['src/content.config.ts', 'src/content.config.mts', 'src/content.config.js', 'src/content.config.mjs'];

const CREATE_IT = "import { openOutreachCollections } from '@openoutreach/astro/content';\nexport const collections = openOutreachCollections();";

/**
 * The kit's pages read the content collections the site defines in its `src/content.config.ts`
 * (Astro gives integrations no way to add them). Without the kit's collections there, every page
 * would stop Astro with a stack trace about an undefined collection: say so first, with the file
 * to write. A site added to with `astro add @openoutreach/astro` has none yet.
 */
export function contentConfigProblems(root: string): Problem[] {
  const file = CONTENT_CONFIG_FILES.find((name) => existsSync(join(root, name)));
  if (!file) {
    return [
      {
        file: 'src/content.config.ts',
        field: '',
        message: "is missing: the kit's pages read their content collections (pages, news, events…) from it",
        fix: `create it with these two lines:\n${CREATE_IT}`,
      },
    ];
  }
  if (readFileSync(join(root, file), 'utf8').includes('openOutreachCollections')) return [];
  return [
    {
      file,
      field: 'collections',
      message: "does not define the kit's content collections",
      fix: `add them beside your own: import { openOutreachCollections } from '@openoutreach/astro/content'; then export const collections = { ...openOutreachCollections(), /* yours */ };`,
    },
  ];
}
