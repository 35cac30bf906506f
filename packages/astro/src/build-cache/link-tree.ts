/**
 * Puts a folder's files in another place as hard links, so that a result kept in the cache folder
 * (the search index) goes into `dist` and back without copying its thousand files. Where a link
 * cannot be made (the two folders on different disks, a file system without hard links), the file
 * is copied. Nothing the kit keeps this way is changed in place afterwards: a build writes new
 * files, and Astro empties `dist` by removing them, which leaves the other name of each whole.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every file under `from`, linked (or copied) to the same place under `to`. */
export function linkTree(from: string, to: string): void {
  const made = new Set<string>();
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}
