// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSite } from './site.mjs';

/** This package's folder: its migrations are in `migrations/`. */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The package whose installed version is the site's kit version. */
export const KIT_PACKAGE = '@openoutreach/astro';

/**
 * Everything the steps may read; each step takes the part it needs with `Pick<Context, …>`.
 * @typedef {import('./options.mjs').Options & Setting} Context
 */

/**
 * @typedef {object} Setting
 * @property {string} cwd the site's folder
 * @property {NodeJS.ProcessEnv} env for npm and git
 * @property {(line: string) => void} log prints one line, or several joined by newlines
 * @property {string} packageDir the folder of `@openoutreach/upgrade`, which holds the migrations
 * @property {import('./site.mjs').Site} site the site's files, written through (or, in a dry run, kept)
 * @property {string} packageManager npm, pnpm or yarn, from the site's lockfile
 * @property {{ from: string, to: string }} versions the kit version installed and the one to move to
 * @property {import('./migrations.mjs').Migration[]} migrations the migrations that ran
 */

/**
 * What the command reads from and writes to; tests inject their own.
 * @typedef {object} Io
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {(line: string) => void} [log]
 * @property {string} [packageDir]
 */

/**
 * @param {import('./options.mjs').Options} options
 * @param {Required<Io>} io
 * @returns {Context}
 */
export function createContext(options, { cwd, env, log, packageDir }) {
  return {
    ...options,
    cwd,
    env,
    log,
    packageDir,
    site: createSite(cwd, { dryRun: options.dryRun }),
    packageManager: packageManagerOf(cwd),
    versions: { from: '', to: '' },
    migrations: [],
  };
}

/** @param {string} cwd */
function packageManagerOf(cwd) {
  if (existsSync(join(cwd, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(join(cwd, 'yarn.lock'))) return 'yarn';
  return 'npm';
}

/** The version of `@openoutreach/upgrade` itself. @param {string} packageDir */
export const ownVersion = (packageDir) => /** @type {string} */ (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version);
