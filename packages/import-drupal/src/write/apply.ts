import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** What writing the plan did (or, in a dry run, would do), each a site-relative path. */
export interface Applied {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** The folders whose files belong to the content: with `replace`, anything there the import did not make goes. */
export const CONTENT_FOLDERS = ['src/content', 'src/assets'];

const sameBytes = (file: string, bytes: Buffer) => existsSync(file) && statSync(file).size === bytes.length && readFileSync(file).equals(bytes);

function filesUnder(root: string, folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Writes the planned files into the site, each only if its bytes differ, so a second import
 * changes nothing. Files a previous import wrote (`previous`) that this one does not are
 * removed; with `replace`, so is every other file in src/content and src/assets (the starter's
 * sample content). A file the import would overwrite that it did not write before is refused
 * (`conflicts`), unless `replace`.
 */
export function applyPlan(
  siteDir: string,
  files: Map<string, string | Buffer>,
  copies: Map<string, string>,
  { replace, previous, dryRun }: { replace: boolean; previous: string[]; dryRun: boolean },
): Applied & { conflicts: string[] } {
  const planned = new Map<string, () => Buffer>([
    ...[...files].map(([path, text]) => [path, () => (typeof text === 'string' ? Buffer.from(text) : text)] as const),
    ...[...copies].map(([path, source]) => [path, () => readFileSync(source)] as const),
  ]);
  const wroteBefore = new Set(previous);
  const conflicts = replace
    ? []
    : [...files.keys(), ...copies.keys()].filter(
        (path) => !path.startsWith('src/settings/') && !path.startsWith('import-report.') && !wroteBefore.has(path) && existsSync(join(siteDir, path)),
      );
  const result: Applied & { conflicts: string[] } = { written: [], unchanged: [], removed: [], conflicts };
  if (conflicts.length) return result;
  const stale = new Set([...previous, ...(replace ? CONTENT_FOLDERS.flatMap((folder) => filesUnder(siteDir, folder)) : [])]);
  for (const [path, bytesOf] of planned) {
    stale.delete(path);
    const target = join(siteDir, path);
    const bytes = bytesOf();
    if (sameBytes(target, bytes)) {
      result.unchanged.push(path);
      continue;
    }
    result.written.push(path);
    if (dryRun) continue;
    mkdirSync(dirname(target), { recursive: true });
    if (copies.has(path)) copyFileSync(copies.get(path)!, target);
    else writeFileSync(target, bytes);
  }
  for (const path of [...stale].sort()) {
    if (!existsSync(join(siteDir, path))) continue;
    result.removed.push(path);
    if (!dryRun) rmSync(join(siteDir, path));
  }
  return result;
}
