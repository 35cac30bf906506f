import type { DrupalFile } from '../model.ts';
import type { AddressBook, Entry } from './addresses.ts';
import { normalisePath } from './addresses.ts';
import { type Assets, relativePath } from './assets.ts';
import type { BodyLinks } from './html-to-markdown.ts';
import type { Findings } from './findings.ts';

/** The Drupal files of the site, found by id and by the public address Drupal served them at. */
export class FileIndex {
  readonly #byFid = new Map<number, DrupalFile>();
  readonly #byPath = new Map<string, DrupalFile>();
  /** Documents published as resources: file id → the address the kit publishes them at. */
  readonly documents = new Map<number, string>();

  add(file: DrupalFile | undefined): void {
    if (!file || this.#byFid.has(file.fid)) return;
    this.#byFid.set(file.fid, file);
    const path = /^(?:public|private):\/\/(.*)$/.exec(file.uri)?.[1];
    if (path) this.#byPath.set(normalisePath(path), file);
  }

  byFid(fid: number): DrupalFile | undefined {
    return this.#byFid.get(fid);
  }

  /** `/sites/default/files/styles/large/public/images/a.jpg?itok=…` → the file `public://images/a.jpg`. */
  bySrc(src: string): DrupalFile | undefined {
    const path = normalisePath(src.replace(/^(?:https?:)?\/\/[^/]+/, ''));
    const inFiles = /(?:^|\/)files\/(?:styles\/[^/]+\/(?:public|private)\/)?(.*)$/.exec(path)?.[1] ?? /^system\/files\/(.*)$/.exec(path)?.[1];
    return inFiles === undefined ? undefined : this.#byPath.get(inFiles);
  }
}

/**
 * How links and images of one entry's body are rewritten. `oldOrigins` are the Drupal site's own
 * addresses (`https://example.org`), whose absolute links are internal.
 */
export function bodyLinks(
  entry: Entry,
  where: string,
  book: AddressBook,
  files: FileIndex,
  assets: Assets,
  findings: Findings,
  oldOrigins: string[],
): BodyLinks {
  const internal = (href: string) => {
    const origin = oldOrigins.find((candidate) => href === candidate || href.startsWith(`${candidate}/`));
    return origin ? href.slice(origin.length) || '/' : /^[a-z][a-z0-9+.-]*:|^\/\//i.test(href) ? undefined : href;
  };
  return {
    image: ({ src, fid }) => {
      const path = src === undefined ? undefined : internal(src);
      if (src !== undefined && path === undefined)
        return `an image from another site (${src}) was left out: the site loads nothing from other hosts; download it and add it to the text in the CMS`;
      const file = fid !== undefined ? files.byFid(fid) : files.bySrc(path!);
      if (!file) return `an image (${src ?? `file ${fid}`}) is not a file of the Drupal site and was left out`;
      const copied = assets.image(file);
      if ('problem' in copied) return `an image was left out: ${copied.problem}`;
      return { src: relativePath(entry.file, copied.path), ...(file.alt ? { alt: file.alt } : {}) };
    },
    link: (href) => {
      if (href.startsWith('#')) return { href };
      const path = internal(href.trim());
      if (path === undefined) return { href };
      const file = files.bySrc(path);
      if (file) {
        const published = files.documents.get(file.fid);
        return published ? { href: published } : `a link to the file ${file.filename} was removed (its text is kept): the file was not imported`;
      }
      const fragment = /#.*$/.exec(path)?.[0] ?? '';
      const url = book.resolve(path, entry.locale);
      return url ? { href: `${url}${fragment}` } : `a link to ${href} was removed (its text is kept): it leads to nothing the import published`;
    },
    problem: (message) => findings.problem(where, message, entry.file),
    missingAlt: (src) => findings.missingAlt(where, src, entry.file),
  };
}
