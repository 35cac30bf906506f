import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filePathProblem, sitePath, type Problem } from '@openoutreach/core';

/** A file a content or settings file names, found inside the site's `src/` folder. */
export interface SiteFile {
  /** The file, relative to the site's root, with `/` between folders. */
  source: string;
  /** Its absolute path. */
  path: string;
}

/**
 * The file a path written in `file` names (an image, a document), when it is inside the site's
 * `src/` folder; otherwise the problem, naming the file, the field and the fix. The path must be
 * relative with `/` between folders; followed from `file`, it must stay in `src/`; and when it
 * exists, it must not be a link (symlink) to a file elsewhere on the machine. Whether it exists
 * is for the caller to say, in its own words.
 * @param file the content or settings file the path is written in, relative to `root`
 * @param example a valid path of the same kind, relative to `file`
 */
export function siteFile(root: string, file: string, field: string, written: string, example: string): SiteFile | { problem: Problem } {
  const form = filePathProblem(written, example);
  if (form) return { problem: { file, field, ...form } };
  const source = sitePath(file, written);
  if (!source) {
    return {
      problem: {
        file,
        field,
        message: `"${written}" leads out of the site's src/ folder, so it cannot be published`,
        fix: `keep the file in the site, e.g. in src/assets/, and give its path relative to this file, e.g. "${example}", or upload it again in the CMS.`,
      },
    };
  }
  const path = join(root, ...source.split('/'));
  if (existsSync(path) && !isInside(realpathSync(path), realpathSync(join(root, 'src')))) {
    return {
      problem: {
        file,
        field,
        message: `"${written}" is a link (symlink) to a file outside the site's src/ folder`,
        fix: 'copy the file itself into src/assets/ instead of linking to it, and give its path.',
      },
    };
  }
  return { source, path };
}

const isInside = (path: string, folder: string) => path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** The real path of `path`, or undefined for a link that leads nowhere. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Problems with the links (symlinks) in the folders the build publishes from, `src/` and
 * `public/`: a link to a file or folder outside the site's folder (or to nothing) would publish
 * whatever it leads to on the machine that builds the site, e.g. a content file linked to a
 * private note, or `public/x.txt` to a system file. Git keeps links, so a repository can bring one.
 */
export function outsideLinkProblems(root: string): Problem[] {
  const site = realpathSync(root);
  return ['src', 'public'].flatMap((folder) => {
    const path = join(root, folder);
    if (!existsSync(path)) return [];
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isSymbolicLink())
      .flatMap((entry): Problem[] => {
        const link = join(entry.parentPath, entry.name);
        const target = realPath(link);
        if (target && (target === site || isInside(target, site))) return [];
        const file = relative(root, link).split(sep).join('/');
        return [
          {
            file,
            field: '',
            message: target ? "this is a link (symlink) to a file outside the site's folder" : 'this is a link (symlink) that leads to no file',
            fix: "put the file itself here instead of a link (or remove the link), so that only the site's own files are published.",
          },
        ];
      });
  });
}
