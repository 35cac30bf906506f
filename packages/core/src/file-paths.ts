/**
 * File paths written in content and settings (images, documents): always relative to the file
 * they are written in, with `/` between folders, and never leading out of the site's `src/`
 * folder, so that no file elsewhere on the machine that builds the site can be published.
 */

/** What is wrong with a file path, said so that an editor can fix it. */
export interface FilePathProblem {
  message: string;
  fix: string;
}

// Control characters, zero-width and bidirectional marks: never in a file name an editor chose.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/**
 * What is wrong with the form of a file path (before it is followed), or undefined when it is a
 * relative path with `/` between folders.
 * @param example a valid path of the same kind, relative to the file it is written in
 */
export function filePathProblem(path: string, example: string): FilePathProblem | undefined {
  const shown = JSON.stringify(path);
  const fix = `give the path relative to this file with / between folders, e.g. "${example}", or upload the file again in the CMS.`;
  if (!path.trim()) return { message: 'the path of the file is empty', fix };
  if (INVISIBLE.test(path)) return { message: `${shown} contains an invisible or control character`, fix };
  if (/^[/\\~]/.test(path) || /^[a-z]:/i.test(path)) return { message: `${shown} is a place on a computer, not a file of the site`, fix };
  if (path.includes('\\')) return { message: `${shown} uses \\ between folders`, fix };
  if (/^[a-z][a-z0-9+.-]+:/i.test(path)) return { message: `${shown} is an address, not a file of the site`, fix };
  return undefined;
}

/**
 * The file a relative path written in `fromFile` names, as a path from the site's root with `/`
 * between folders (`src/assets/news/fair.jpg`), or undefined when it leads out of `src/`.
 * Both `/` and `\` count as separators here, so a path that slipped past `filePathProblem()`
 * still cannot climb out.
 * @param fromFile the file the path is written in, relative to the site's root
 */
export function sitePath(fromFile: string, path: string): string | undefined {
  if (/^[/\\]/.test(path) || /^[a-z]:/i.test(path)) return undefined;
  const segments: string[] = [];
  for (const segment of [...fromFile.split(/[\\/]/).slice(0, -1), ...path.split(/[\\/]/)]) {
    if (segment === '..') {
      if (!segments.length) return undefined;
      segments.pop();
    } else if (segment && segment !== '.') segments.push(segment);
  }
  return segments[0] === 'src' && segments.length > 1 ? segments.join('/') : undefined;
}
