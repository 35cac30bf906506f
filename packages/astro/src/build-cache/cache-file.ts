/**
 * What the kit keeps between builds so that a build redoes only the work of what changed: results
 * that depend on nothing but the bytes they were made from (a content file's front matter, a
 * built page's links), each under a hash of those bytes. Kept in Astro's cache folder
 * (`cacheDir`, by default `node_modules/.astro/`) under `openoutreach/`, beside Astro's own
 * content store and optimised images, so one CI cache of `node_modules/.astro` keeps them all.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Raise when a cached value's shape changes, so no build reads an older shape. */
const CACHE_FORMAT = 1;

/** The kit's folder in Astro's cache folder. */
export function kitCacheDir(cacheDir: string): string {
  return join(cacheDir, 'openoutreach');
}

/** A hash of texts, naming what a cached result was made from. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

/** The package folder of a module: the nearest folder above it with a package.json. */
function packageDir(file: string): string | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

/**
 * The version of each package the cached results come from (the kit's, the parsers it reads
 * content with, and Pagefind). A package used from a workspace rather than installed (the kit's own
 * repository) may change without a new version, so the time its built folder was written counts
 * too.
 */
function packagesStamp(): string {
  const stamps: string[] = [];
  for (const name of [
    '@openoutreach/astro',
    '@openoutreach/core',
    '@openoutreach/markdown',
    'mdast-util-from-markdown',
    'micromark-extension-gfm',
    'pagefind',
    'yaml',
  ]) {
    try {
      const entry = name === '@openoutreach/astro' ? fileURLToPath(import.meta.url) : realpathSync(fileURLToPath(import.meta.resolve(name)));
      const dir = packageDir(entry);
      if (!dir) continue;
      const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string };
      const installed = entry.split(sep).includes('node_modules');
      stamps.push(`${name}@${version}${installed ? '' : `:${statSync(dirname(entry)).mtimeMs}`}`);
    } catch {
      // `yaml` is core's dependency, found from here only where npm hoisted it: core's version covers it.
      stamps.push(`${name}:?`);
    }
  }
  return stamps.join(' ');
}

let stamp: string | undefined;
/** What every cache of this kit is keyed on besides its own inputs. */
export function kitStamp(): string {
  stamp ??= `${CACHE_FORMAT} ${packagesStamp()}`;
  return stamp;
}

/** Results kept between builds, each under the hash of what it was made from. */
export interface CacheFile<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /**
   * Writes the results used or made since the cache was opened, and only those, so that the
   * file never keeps what the site no longer has. Written beside and renamed, so a build
   * stopped halfway leaves the previous file whole.
   */
  save(): void;
}

/**
 * Opens the cache `name` (`<cacheDir>/openoutreach/<name>.json`). A file written by another
 * version of the kit, or one that cannot be read (cut short, edited), counts as empty. Without a
 * cache folder, a cache that keeps nothing between builds.
 */
export function openCache<T>(cacheDir: string | undefined, name: string): CacheFile<T> {
  const file = cacheDir ? join(kitCacheDir(cacheDir), `${name}.json`) : undefined;
  const version = kitStamp();
  let stored: Record<string, T> = {};
  if (file && existsSync(file)) {
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
      if (read.version === version && read.entries && typeof read.entries === 'object') stored = read.entries as Record<string, T>;
    } catch {
      stored = {};
    }
  }
  const kept = new Map<string, T>();
  const storedCount = Object.keys(stored).length;
  let added = false;
  return {
    get(key) {
      if (!Object.hasOwn(stored, key)) return undefined;
      const value = stored[key]!;
      kept.set(key, value);
      return value;
    },
    set(key, value) {
      kept.set(key, value);
      added = true;
    },
    save() {
      if (!file) return;
      // Every stored result used and none added: the file already holds what would be written.
      if (!added && storedCount > 0 && kept.size === storedCount) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.tmp`, JSON.stringify({ version, entries: Object.fromEntries(kept) }));
        renameSync(`${file}.tmp`, file);
      } catch {
        // A cache that cannot be written (a read-only folder) only makes the next build slower.
      }
    },
  };
}
