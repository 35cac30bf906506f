import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus-layout.mjs';

/** The packages the kit site loads from their built `dist/`, not from their sources. */
const BUILT_PACKAGES = ['astro', 'check', 'cms', 'core', 'markdown'];

function newestFile(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The packages whose `src/` changed after their `dist/` was built (or that have no `dist/`): the
 * kit would be measured without those changes.
 */
export function staleBuilds(root = REPO_ROOT) {
  return BUILT_PACKAGES.filter((name) => {
    const [src, dist] = ['src', 'dist'].map((folder) => join(root, 'packages', name, folder));
    return existsSync(src) && (!existsSync(dist) || newestFile(src) > newestFile(dist));
  });
}
