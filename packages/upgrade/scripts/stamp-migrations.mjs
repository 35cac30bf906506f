#!/usr/bin/env node
// @ts-check
// Gives the migrations waiting in migrations/unreleased/ the version this package is being
// released as. `npm run release` runs it after `changeset version` has set that version.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Moves every file of `migrations/unreleased/` into `migrations/<version>/`, the version in the
 * package's package.json. Stops, moving nothing, if a file of that name is already there.
 * @param {string} packageDir
 * @returns {{ version: string, moved: string[] }}
 */
export function stampMigrations(packageDir) {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const unreleased = join(packageDir, 'migrations', 'unreleased');
  const names = existsSync(unreleased) ? readdirSync(unreleased).filter((name) => !name.startsWith('.')) : [];
  const target = join(packageDir, 'migrations', version);
  const clashes = names.filter((name) => existsSync(join(target, name)));
  if (clashes.length) {
    throw new Error(`migrations/${version}/ already has ${clashes.join(', ')}: rename the file in migrations/unreleased/, then release again.`);
  }
  if (names.length) mkdirSync(target, { recursive: true });
  for (const name of names) renameSync(join(unreleased, name), join(target, name));
  if (existsSync(unreleased) && readdirSync(unreleased).length === 0) rmdirSync(unreleased);
  return { version, moved: names };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { version, moved } = stampMigrations(join(dirname(fileURLToPath(import.meta.url)), '..'));
    console.log(
      moved.length ? `Migrations of ${version}: ${moved.map((name) => `migrations/${version}/${name}`).join(', ')}` : `No new migrations for ${version}.`,
    );
  } catch (error) {
    console.error(`stamp-migrations: ${/** @type {Error} */ (error).message}`);
    process.exitCode = 1;
  }
}
