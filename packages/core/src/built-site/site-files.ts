/**
 * The mapping between a built site's files and the URLs a static host serves them at, shared by
 * the server and the link checker so that both agree on what a link reaches.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** `/`, or a base path with one slash at each end: `sub-path` and `/sub-path` become `/sub-path/`. */
export function normaliseBase(base = '/'): string {
  const inner = base.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/** Every file under `dist` ending in one of `extensions`, as `/`-separated paths relative to `dist`, sorted. */
export function filesIn(dist: string, extensions: string[]): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.some((extension) => file.endsWith(extension)))
    .filter((file) => statSync(join(dist, file)).isFile())
    .map((file) => file.split(sep).join('/'))
    .sort();
}

/** The URL path a file is reached at: `about/index.html` → `/base/about/`, `404.html` → `/base/404.html`. */
export function urlPathOf(file: string, base: string): string {
  const path = file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
  return `${base}${path}`;
}

/** What a static host answers for a URL path (already percent-decoded). */
export type Resolution = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'outside-base' } | { kind: 'missing' };

/**
 * Resolves a URL path the way static hosts do: `/x/` serves `x/index.html`, `/x` redirects to
 * `/x/` when `x` is a folder, paths outside `base` or with `..` are not there. `file` is
 * relative to `dist`.
 */
export function resolvePath(dist: string, base: string, pathname: string): Resolution {
  if (`${pathname}/` === base) return { kind: 'redirect', location: base };
  if (!pathname.startsWith(base)) return { kind: 'outside-base' };
  const relative = pathname.slice(base.length);
  if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return { kind: 'missing' };
  const full = join(dist, relative);
  if (!existsSync(full)) return { kind: 'missing' };
  if (statSync(full).isDirectory()) {
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` };
    const index = join(relative, 'index.html');
    return existsSync(join(dist, index)) ? { kind: 'file', file: index.split(sep).join('/') } : { kind: 'missing' };
  }
  return { kind: 'file', file: relative };
}
