import { existsSync, statSync } from 'node:fs';
import type { Problem } from '@openoutreach/core';
import { fromFile, resourceDocuments } from '../resource-files.ts';
import type { SiteContent } from './read-content.ts';

/** The largest document published: bigger files belong on a file host, linked by address. */
const MAX_DOCUMENT_BYTES = 50_000_000;

/**
 * Problems with the documents of resources: outside `src/` (which has no address on the site and
 * may be any file of the machine that builds it), missing, or too big.
 */
export function resourceFileProblems(content: SiteContent): Problem[] {
  return resourceDocuments(content).flatMap(({ file, found }): Problem[] => {
    if ('problem' in found) return [found.problem];
    const { source, path } = found;
    if (!existsSync(path) || !statSync(path).isFile()) {
      return [
        {
          file,
          field: 'link',
          message: `the document "${source}" does not exist`,
          fix: `give its path relative to this file, e.g. \`link: ${fromFile(file, 'src/assets/resources/handbook.pdf')}\`, or upload it again in the CMS.`,
        },
      ];
    }
    if (statSync(path).size > MAX_DOCUMENT_BYTES) {
      return [
        {
          file,
          field: 'link',
          message: `the document "${source}" is ${Math.round(statSync(path).size / 1_000_000)} MB, too big to publish with the site`,
          fix: 'make it smaller (e.g. export the PDF for the web), or put it on a file host and give its web address as `link`.',
        },
      ];
    }
    return [];
  });
}
