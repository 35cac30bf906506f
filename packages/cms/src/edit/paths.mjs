// @ts-check
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, posix, relative, sep } from 'node:path';

/**
 * Files that Astro or Vite would run, or serve as a page, if they appeared in `src/`: the CMS
 * writes content, settings and images, never these. Trailing dots and spaces are dropped first,
 * as Windows does.
 */
const CODE_FILE = /\.(astro|mdx|mdoc|markdoc|[cm]?[jt]sx?|vue|svelte|html?|xht(ml)?|php|sh|wasm)$/i;

/** Windows' short name for a folder such as `.git` (`GIT~1`). */
const SHORT_NAME = /~\d+$/;

/**
 * The paths a decap-server request reads and writes, as decap-server's git middleware takes
 * them from `params`. A value that is present but not a string is returned as it is, so that
 * `pathProblem` refuses it.
 * @param {string} action
 * @param {Record<string, any>} params
 * @returns {{ reads: unknown[], writes: unknown[] }}
 */
export function requestedPaths(action, params) {
  /** @param {unknown} list @param {(item: any) => unknown[]} each */
  const all = (list, each) => (Array.isArray(list) ? list.flatMap((item) => each(item ?? {})) : list === undefined ? [] : [list]);
  /** @param {any} file */
  const entryPaths = (file) => [file.path, ...(file.newPath === undefined ? [] : [file.newPath])];
  switch (action) {
    case 'entriesByFolder':
      return { reads: [params.folder], writes: [] };
    case 'entriesByFiles':
      return { reads: all(params.files, (file) => [file.path]), writes: [] };
    case 'getEntry':
    case 'getMediaFile':
      return { reads: [params.path], writes: [] };
    case 'getMedia':
      return { reads: [params.mediaFolder], writes: [] };
    case 'persistEntry':
      return {
        reads: [],
        writes: [
          ...(params.entry === undefined ? [] : entryPaths(params.entry ?? {})),
          ...all(params.dataFiles, entryPaths),
          ...all(params.assets, (asset) => [asset.path]),
        ],
      };
    case 'persistMedia':
      return { reads: [], writes: [params.asset?.path] };
    case 'deleteFile':
      return { reads: [], writes: [params.path] };
    case 'deleteFiles':
      return { reads: [], writes: all(params.paths, (path) => [path]) };
    default:
      return { reads: [], writes: [] };
  }
}

/**
 * Why the CMS may not read or write `path` (relative to the site folder `siteDir`, as the CMS
 * sends it), or undefined when it may. The CMS keeps everything it edits in the site's `src/`
 * folder, so any other path is refused, whatever its spelling: outside the site (`..`,
 * absolute, a drive letter, a backslash, percent-encoded), in a hidden file or folder (`.git/`
 * in any case, `.env`), through a symbolic link that leads elsewhere, or, for a write, a file
 * that the site would run as code or anything in `src/pages/`.
 * @param {string} siteDir
 * @param {unknown} path
 * @param {{ write: boolean }} options
 * @returns {string | undefined}
 */
export function pathProblem(siteDir, path, { write }) {
  if (typeof path !== 'string' || !path) return `${JSON.stringify(path) ?? 'a missing path'} is not a file path`;
  const shown = JSON.stringify(path);
  if (/[\\:]/.test(path)) return `${shown} contains a backslash or a colon, which the CMS never writes`;
  // Control and invisible characters (which some file systems drop: `.g\u200cit` is `.git` on HFS+).
  if (/[\p{Cc}\p{Cf}]/u.test(path)) return `${shown} contains an invisible or control character`;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return `${shown} has a malformed percent escape`;
  }
  for (const spelling of new Set([path, decoded])) {
    const problem = lexicalProblem(spelling, write);
    if (problem) return `${shown} ${problem}`;
  }
  const real = realRelativePath(siteDir, posix.normalize(path));
  const problem = real === undefined ? 'cannot be resolved' : lexicalProblem(real, write);
  return problem ? `${shown} leads through a symbolic link to ${real ?? 'a missing place'}, which ${problem}` : undefined;
}

/**
 * @param {string} path a path with `/` separators
 * @param {boolean} write
 */
function lexicalProblem(path, write) {
  if (path.startsWith('/') || /[\\:\0]/.test(path)) return 'is not a path inside the site folder';
  const normal = posix.normalize(path);
  const segments = normal.split('/');
  if (segments[0] === '..') return 'is outside the site folder';
  if (segments[0] !== 'src' || segments.length < 2) return "is outside the site's src/ folder, where the CMS keeps content, settings and images";
  const hidden = segments.find((segment) => segment.startsWith('.') || SHORT_NAME.test(segment));
  if (hidden) return `is in the hidden file or folder "${hidden}" (such as .git/), which the CMS never touches`;
  if (write && CODE_FILE.test(segments.at(-1)?.replace(/[. ]+$/, '') ?? '')) return 'is a file the site would run as code, which the CMS never writes';
  // A Markdown page in src/pages/ may name any module as its `layout`, and the site would run it.
  if (write && segments[1]?.replace(/[. ]+$/, '').toLowerCase() === 'pages')
    return "is in src/pages/, where the site's own page files are, which the CMS never writes";
  return undefined;
}

/**
 * `path` (normalised, relative to `siteDir`) with every symbolic link on the way resolved, as
 * a `/`-separated path relative to the site folder's real path: the part that exists is
 * resolved, the rest (a file still to be written) is kept as it is.
 * @param {string} siteDir
 * @param {string} path
 */
function realRelativePath(siteDir, path) {
  try {
    const root = realpathSync(siteDir);
    let existing = join(root, path);
    /** @type {string[]} */
    const missing = [];
    while (!exists(existing)) {
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
    return relative(root, join(realpathSync(existing), ...missing))
      .split(sep)
      .join('/');
  } catch {
    return undefined;
  }
}

/** @param {string} path */
function exists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
