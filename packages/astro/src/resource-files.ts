import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { filePathProblem, isWebAddress, RESOURCE_FILE_EXTENSIONS, resourceFilePath, type Problem } from '@openoutreach/core';
import { contentFiles, readContent, type SiteContent } from './checks/read-content.ts';
import { siteFile, type SiteFile } from './checks/site-files.ts';

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
export const fromFile = (file: string, path: string) => posix.relative(posix.dirname(file.replace(/\\/g, '/')), path);

/** Each resource's document, found inside `src/` (see site-files.ts) or with the problem of its path. */
export function resourceDocuments(content: SiteContent): { file: string; link: string; found: SiteFile | { problem: Problem } }[] {
  const { root } = content;
  return contentFiles(content, 'resources').flatMap(({ file, parsed }) => {
    const link = parsed?.ok ? (parsed.data as Record<string, unknown>).link : undefined;
    if (typeof link !== 'string' || !isDocument(link.trim())) return [];
    return [{ file, link: link.trim(), found: siteFile(root, file, 'link', link.trim(), fromFile(file, 'src/assets/resources/handbook.pdf')) }];
  });
}

/** The documents the resources link to, each inside the site's `src/` folder (web addresses left out). */
export function resourceFiles(content: SiteContent): ResourceFile[] {
  return resourceDocuments(content).flatMap(({ file, link, found }) => {
    const target = resourceFilePath(file, link);
    return 'problem' in found || !target ? [] : [{ file, source: found.source, target }];
  });
}

/** Copies the resources' documents into the built site, at the addresses their cards link to. */
export function copyResourceFiles(content: SiteContent, outDir: string): void {
  for (const { source, target } of resourceFiles(content)) {
    const from = join(content.root, source);
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
    // Read at each request: an editor may have just added the document or its resource.
    const found = resourceFiles(readContent(root, ['resources'])).find(({ target }) => `${base}${target}` === path);
    if (!found || !existsSync(join(root, found.source)) || !statSync(join(root, found.source)).isFile()) return next();
    createReadStream(join(root, found.source)).pipe(response);
  };
}
