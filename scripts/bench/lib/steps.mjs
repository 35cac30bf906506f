import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deletes everything a cold Astro build must not find: the output, Astro's generated types and
 * its cache folder (`cacheDir`, by default `<site>/node_modules/.astro`: content data store,
 * optimised images, and the kit's caches), and Vite's cache next to it. The bench's sites have
 * no real node_modules of their own.
 */
export function clearAstroCaches(site) {
  for (const folder of ['dist', '.astro', 'node_modules']) rmSync(join(site, folder), { recursive: true, force: true });
}

/** Appends a paragraph to one post (the first by name) in `folder`, as an editor saving it in the CMS would. */
export function editOnePost(folder) {
  const file = join(folder, readdirSync(folder).sort()[0]);
  appendFileSync(file, '\nAn update: the date has moved, and we have added a second session in the afternoon.\n');
  return file;
}
