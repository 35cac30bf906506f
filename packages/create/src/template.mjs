// @ts-check
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateError } from './create-error.mjs';

/** This package's folder. */
export const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** What never belongs in a new site, at any depth: installed, built or machine-made files. */
const SKIPPED = new Set(['node_modules', 'dist', '.astro', '.git', '.turbo', '.DS_Store', 'Thumbs.db']);

/**
 * Files a build or the monorepo's tests write into the starter (other output folders, the config
 * that builds it with another theme, the nginx snippet), as its .gitignore lists them.
 */
const MACHINE_MADE = /^(dist-.+|astro\.config\.theme-.+\.mjs|openoutreach-nginx.*\.conf)$/;

/**
 * Files npm never puts in a package (`.npmrc`) or leaves out as ignore files (`.gitignore`), at
 * any depth, and the names the packed template holds them under; copying renames them back.
 * Other dotfiles and dot-folders (`.github/`, `.forgejo/`, `.gitlab-ci.yml`) pack as they are.
 */
export const PACKED_NAMES = { '.gitignore': '_gitignore', '.npmrc': '_npmrc' };

/**
 * @typedef {object} Template
 * @property {string} dir the folder to copy
 * @property {boolean} fromMonorepo true when `dir` is the monorepo's starter/, whose kit
 *   dependencies are the workspace packages
 */

/**
 * The template this package copies: its own `template/` when published, else the monorepo's
 * starter beside it.
 * @param {string} [packageDir]
 * @returns {Template}
 */
export function findTemplate(packageDir = PACKAGE_DIR) {
  const packed = join(packageDir, 'template');
  if (existsSync(join(packed, 'package.json'))) return { dir: packed, fromMonorepo: false };
  const starter = join(packageDir, '../../starter');
  if (readName(join(starter, 'package.json')) === 'openoutreach-starter') return { dir: starter, fromMonorepo: true };
  throw new CreateError(
    `create-openoutreach has no template: neither ${packed} nor the monorepo's starter/ is there.\n  Fix: run \`npm create openoutreach@latest\` again, which fetches a complete copy.`,
  );
}

/** @param {string} file */
function readName(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).name;
  } catch {
    return undefined;
  }
}

/**
 * The files of the template in `dir`, as paths relative to it with forward slashes, sorted.
 * @param {string} dir
 * @returns {string[]}
 */
export function templateFiles(dir) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} folder */
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name) || MACHINE_MADE.test(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * Where a template file goes in the new site (relative): the same path, with a packed name
 * (`_gitignore`) renamed back (`.gitignore`).
 * @param {string} file
 */
export function targetPath(file) {
  return renameLast(file, Object.fromEntries(Object.entries(PACKED_NAMES).map(([name, packed]) => [packed, name])));
}

/**
 * Where a starter file goes in the packed template: `.gitignore` becomes `_gitignore`.
 * @param {string} file
 */
export function packedPath(file) {
  return renameLast(file, PACKED_NAMES);
}

/**
 * @param {string} file a path with forward slashes
 * @param {Record<string, string>} names the file names to rename, and their new names
 */
function renameLast(file, names) {
  const parts = file.split('/');
  const name = /** @type {string} */ (parts.pop());
  return [...parts, Object.hasOwn(names, name) ? names[name] : name].join('/');
}

/**
 * Writes the files git tracks in `starterDir` to `templateDir` (emptied first), for packing.
 * @param {string} starterDir
 * @param {string} templateDir
 * @returns {string[]} the files written, relative to `templateDir`
 */
export function packTemplate(starterDir, templateDir) {
  const tracked = execFileSync('git', ['ls-files', '-z', '--', '.'], { cwd: starterDir, encoding: 'utf8' }).split('\0').filter(Boolean);
  if (!tracked.includes('package.json')) throw new Error(`${starterDir} has no package.json tracked by git, so it is not the starter.`);
  rmSync(templateDir, { recursive: true, force: true });
  const written = [];
  for (const file of tracked) {
    if (!existsSync(join(starterDir, file))) continue; // deleted but not yet committed
    const packed = packedPath(file);
    mkdirSync(dirname(join(templateDir, packed)), { recursive: true });
    copyFileSync(join(starterDir, file), join(templateDir, packed));
    written.push(packed);
  }
  return written;
}
