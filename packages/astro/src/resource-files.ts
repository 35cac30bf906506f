import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { isWebAddress, parseFrontMatter, RESOURCE_FILE_EXTENSIONS, resourceFilePath, type Problem } from '@openoutreach/core';
import { contentFiles } from './references-check.ts';

/** The largest document published: bigger files belong on a file host, linked by address. */
const MAX_DOCUMENT_BYTES = 50_000_000;

/** A resource's document: where it is in the site and where the built site publishes it. */
export interface ResourceFile {
  /** The resource's content file, relative to the site's root. */
  file: string;
  /** The document, relative to the site's root. */
  source: string;
  /** Its URL path without the base, e.g. `/files/resources/handbook.pdf`. */
  target: string;
}

/** Whether a `link` names a document of the site; the schema reports any other value. */
const isDocument = (link: string) =>
  !!link && !isWebAddress(link) && !link.startsWith('/') && (RESOURCE_FILE_EXTENSIONS as readonly string[]).includes(link.split('.').pop()!.toLowerCase());

/** The documents the resources link to, read from their content files (web addresses left out). */
export function resourceFiles(root: string): ResourceFile[] {
  return contentFiles(root, 'resources').flatMap(({ file }) => {
    const parsed = parseFrontMatter(readFileSync(join(root, file), 'utf8'), file);
    const link = parsed.ok ? (parsed.data as Record<string, unknown>).link : undefined;
    if (typeof link !== 'string' || !isDocument(link.trim())) return [];
    const target = resourceFilePath(file, link.trim());
    const source = join(dirname(file), link.trim()).replace(/\\/g, '/');
    return [{ file, source, target: target ?? '' }];
  });
}

/** A path of the site as written in `file` (a translation sits one folder deeper). */
const fromFile = (file: string, path: string) => posix.relative(posix.dirname(file.replace(/\\/g, '/')), path);

/**
 * Problems with the documents of resources: missing, outside `src/` (which has no address on
 * the site), or too big.
 */
export function resourceFileProblems(root: string): Problem[] {
  return resourceFiles(root).flatMap(({ file, source, target }): Problem[] => {
    const path = join(root, source);
    if (!target) {
      return [{ file, field: 'link', message: `the document "${source}" is outside the site's src/ folder, so it cannot be published`, fix: `move it to src/assets/resources/ and write \`link: ${fromFile(file, 'src/assets/resources/NAME.pdf')}\`, or upload it again in the CMS.` }];
    }
    if (!existsSync(path) || !statSync(path).isFile()) {
      return [{ file, field: 'link', message: `the document "${source}" does not exist`, fix: `give its path relative to this file, e.g. \`link: ${fromFile(file, 'src/assets/resources/handbook.pdf')}\`, or upload it again in the CMS.` }];
    }
    if (statSync(path).size > MAX_DOCUMENT_BYTES) {
      return [{ file, field: 'link', message: `the document "${source}" is ${Math.round(statSync(path).size / 1_000_000)} MB, too big to publish with the site`, fix: 'make it smaller (e.g. export the PDF for the web), or put it on a file host and give its web address as `link`.' }];
    }
    return [];
  });
}

/** Copies the resources' documents into the built site, at the addresses their cards link to. */
export function copyResourceFiles(root: string, outDir: string): void {
  for (const { source, target } of resourceFiles(root)) {
    if (!target) continue;
    const destination = join(outDir, target);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(join(root, source), destination);
  }
}

/** Serves the resources' documents on the dev server, at the addresses they have once built. */
export function resourceFileMiddleware(root: string, base: string) {
  return (request: { url?: string }, response: NodeJS.WritableStream, next: () => void) => {
    const path = decodeURI((request.url ?? '').split('?')[0] ?? '');
    if (!path.startsWith(`${base}/files/`)) return next();
    const found = resourceFiles(root).find(({ target }) => target && `${base}${target}` === path);
    if (!found || !existsSync(join(root, found.source))) return next();
    createReadStream(join(root, found.source)).pipe(response);
  };
}
