import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { filePathProblem, isWebAddress, parseFrontMatter, RESOURCE_FILE_EXTENSIONS, resourceFilePath, type Problem } from '@openoutreach/core';
import { contentFiles } from './references-check.ts';
import { siteFile, type SiteFile } from './site-files.ts';

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
  !!link && !isWebAddress(link) && !filePathProblem(link, '') && (RESOURCE_FILE_EXTENSIONS as readonly string[]).includes(link.split('.').pop()!.toLowerCase());

/** A path of the site as written in `file` (a translation sits one folder deeper). */
const fromFile = (file: string, path: string) => posix.relative(posix.dirname(file.replace(/\\/g, '/')), path);

/** Each resource's document, found inside `src/` (see site-files.ts) or with the problem of its path. */
function documents(root: string): { file: string; link: string; found: SiteFile | { problem: Problem } }[] {
  return contentFiles(root, 'resources').flatMap(({ file }) => {
    const parsed = parseFrontMatter(readFileSync(join(root, file), 'utf8'), file);
    const link = parsed.ok ? (parsed.data as Record<string, unknown>).link : undefined;
    if (typeof link !== 'string' || !isDocument(link.trim())) return [];
    return [{ file, link: link.trim(), found: siteFile(root, file, 'link', link.trim(), fromFile(file, 'src/assets/resources/handbook.pdf')) }];
  });
}

/** The documents the resources link to, each inside the site's `src/` folder (web addresses left out). */
export function resourceFiles(root: string): ResourceFile[] {
  return documents(root).flatMap(({ file, link, found }) => {
    const target = resourceFilePath(file, link);
    return 'problem' in found || !target ? [] : [{ file, source: found.source, target }];
  });
}

/**
 * Problems with the documents of resources: outside `src/` (which has no address on the site and
 * may be any file of the machine that builds it), missing, or too big.
 */
export function resourceFileProblems(root: string): Problem[] {
  return documents(root).flatMap(({ file, found }): Problem[] => {
    if ('problem' in found) return [found.problem];
    const { source, path } = found;
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
    const from = join(root, source);
    if (!existsSync(from) || !statSync(from).isFile()) continue;
    const destination = join(outDir, target);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(from, destination);
  }
}

/** Serves the resources' documents on the dev server, at the addresses they have once built. */
export function resourceFileMiddleware(root: string, base: string) {
  return (request: { url?: string }, response: NodeJS.WritableStream, next: () => void) => {
    let path: string;
    try {
      path = decodeURI((request.url ?? '').split('?')[0] ?? '');
    } catch {
      return next();
    }
    if (!path.startsWith(`${base}/files/`)) return next();
    const found = resourceFiles(root).find(({ target }) => `${base}${target}` === path);
    if (!found || !existsSync(join(root, found.source)) || !statSync(join(root, found.source)).isFile()) return next();
    createReadStream(join(root, found.source)).pipe(response);
  };
}
