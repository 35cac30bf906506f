// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UpgradeError } from './upgrade-error.mjs';
import { compareVersions, isBetween, isVersion } from './versions.mjs';

/** Where migrations wait for the next release; `npm run release` renames it to the version. */
export const UNRELEASED = 'unreleased';

/**
 * A migration: `migrations/<version>/<name>.mjs`, exporting `title` (one line saying what it
 * changes in a site) and `migrate(site)`.
 * @typedef {object} Migration
 * @property {string} version the kit version that needs it
 * @property {string} name the file's name without .mjs
 * @property {string} file relative to the package: `migrations/0.3.0/rename-link-label.mjs`
 * @property {string} title
 * @property {(site: import('./site.mjs').Site) => unknown} migrate
 */

/**
 * The migrations an upgrade from `from` to `to` runs: those of each version after `from` up to
 * `to`, oldest version first, and within a version by file name.
 * @param {string} migrationsDir
 * @param {string} from
 * @param {string} to
 * @returns {Promise<Migration[]>}
 */
export async function migrationsBetween(migrationsDir, from, to) {
  if (!existsSync(migrationsDir)) return [];
  const versions = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isVersion(entry.name) && isBetween(entry.name, from, to))
    .map((entry) => entry.name)
    .sort(compareVersions);
  /** @type {Migration[]} */
  const migrations = [];
  for (const version of versions) {
    const names = readdirSync(join(migrationsDir, version))
      .filter((name) => name.endsWith('.mjs') && !name.includes('.test.'))
      .sort();
    for (const name of names) migrations.push(await loadMigration(migrationsDir, version, name));
  }
  return migrations;
}

/**
 * @param {string} migrationsDir
 * @param {string} version
 * @param {string} name
 * @returns {Promise<Migration>}
 */
export async function loadMigration(migrationsDir, version, name) {
  const file = `migrations/${version}/${name}`;
  const module = await import(pathToFileURL(join(migrationsDir, version, name)).href);
  if (typeof module.title !== 'string' || typeof module.migrate !== 'function') {
    throw new UpgradeError(
      `The migration ${file} of @openoutreach/upgrade must export \`title\` (a string) and \`migrate(site)\` (a function).\n  Fix: this is a fault of the kit; report it to the co-op.`,
    );
  }
  return { version, name: name.replace(/\.mjs$/, ''), file, title: module.title, migrate: module.migrate };
}
