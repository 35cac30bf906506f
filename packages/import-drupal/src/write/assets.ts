import { extname, posix } from 'node:path';
import { slugify } from '@openoutreach/core';
import type { DrupalFile } from '../model.ts';

/** Image files the kit optimises (an SVG drawing is refused in photo fields). */
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif'];

export const IMAGES_FOLDER = 'src/assets/images';
export const RESOURCES_FOLDER = 'src/assets/resources';

/**
 * The files the import copies into the site, each under one stable name: the file's own name made
 * URL-safe, with its Drupal file id added when two files share a name.
 */
export class Assets {
  /** Site-relative path → absolute path of the Drupal file to copy there. */
  readonly copies = new Map<string, string>();
  readonly #byFid = new Map<number, string>();
  readonly #taken = new Set<string>();

  /** Where the image is copied to (`src/assets/images/a.jpg`), or why it cannot be. */
  image(file: DrupalFile): { path: string } | { problem: string } {
    return this.#copy(file, IMAGES_FOLDER, IMAGE_EXTENSIONS);
  }

  /** Where a document is copied to (`src/assets/resources/a.pdf`), or why it cannot be. */
  document(file: DrupalFile, extensions: readonly string[]): { path: string } | { problem: string } {
    return this.#copy(file, RESOURCES_FOLDER, extensions);
  }

  #copy(file: DrupalFile, folder: string, extensions: readonly string[]): { path: string } | { problem: string } {
    const known = this.#byFid.get(file.fid);
    if (known?.startsWith(`${folder}/`)) return { path: known };
    const extension = extname(file.filename || file.uri)
      .slice(1)
      .toLowerCase();
    if (!extensions.includes(extension))
      return { problem: `file ${file.fid} (${file.filename}) is a .${extension || '?'} file, which the site cannot publish here` };
    if (!file.path) return { problem: `file ${file.fid} (${file.uri}) is not in the files folder` };
    const stem = slugify(posix.basename(file.filename || file.uri, extname(file.filename || file.uri))) || 'file';
    let path = `${folder}/${stem}.${extension}`;
    if (this.#taken.has(path)) path = `${folder}/${stem}-${file.fid}.${extension}`;
    this.#taken.add(path);
    this.#byFid.set(file.fid, path);
    this.copies.set(path, file.path);
    return { path };
  }
}

/** `to` (site-relative) written relative to the folder of `from` (site-relative), as content files refer to images. */
export function relativePath(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to);
}
