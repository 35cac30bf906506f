import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shot, SiteResult } from './types.ts';

/** Everything a site's result depends on: a result stored under the same key is reused as it is. */
export interface CacheKeyInputs {
  site: string;
  /** The base path the site is built for (its sub-path on the host, or `/`). */
  base: string;
  commit: string;
  /** The candidate's identity: its version, or its tarballs' content hashes. */
  candidate: string;
  /** The fleet tool's own version: a newer tool may judge differently. */
  fleetVersion: string;
  threshold: number;
}

export function cacheKey(inputs: CacheKeyInputs): string {
  const { site, base, commit, candidate, fleetVersion, threshold } = inputs;
  return createHash('sha256')
    .update(JSON.stringify({ format: 1, site, base, commit, candidate, fleetVersion, threshold }))
    .digest('hex');
}

/** Everything a site's screenshots before the candidate (its own locked kit) depend on. */
export interface BeforeKeyInputs {
  site: string;
  base: string;
  commit: string;
  fleetVersion: string;
  /** The UTC day of the build clock: a site's pages change with the date (upcoming events, scheduled posts). */
  day: string;
}

export function beforeKey(inputs: BeforeKeyInputs): string {
  const { site, base, commit, fleetVersion, day } = inputs;
  return `before-${createHash('sha256')
    .update(JSON.stringify({ format: 1, site, base, commit, fleetVersion, day }))
    .digest('hex')}`;
}

/**
 * A site's screenshots with its own locked kit, kept for the next candidate that day: the
 * candidate's build then uses the same build clock, so the two agree on dates.
 */
export interface BeforeShots {
  buildDate: string;
  shots: Shot[];
}

/**
 * The results of earlier runs, in a folder (which may be shared between machines, e.g. a CI
 * cache or a network mount): `<dir>/<key>/result.json` and `<dir>/<key>/files/`, the site's
 * part of the report (its images). An entry is written beside its final name and renamed into
 * place, so a reader never sees half of one, and two runs storing the same key keep one.
 */
export class FolderCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The stored result for `key`, its files copied into `filesDir`; undefined on a miss. */
  restore<T = SiteResult>(key: string, filesDir: string): T | undefined {
    const entry = join(this.dir, key);
    if (!existsSync(join(entry, 'result.json'))) return undefined;
    let result: T;
    try {
      result = JSON.parse(readFileSync(join(entry, 'result.json'), 'utf8')) as T;
    } catch {
      return undefined;
    }
    rmSync(filesDir, { recursive: true, force: true });
    if (existsSync(join(entry, 'files'))) cpSync(join(entry, 'files'), filesDir, { recursive: true });
    return result;
  }

  /** Stores a site's result and the files of its part of the report. */
  store(key: string, result: SiteResult | BeforeShots, filesDir: string): void {
    const entry = join(this.dir, key);
    if (existsSync(join(entry, 'result.json'))) return;
    mkdirSync(this.dir, { recursive: true });
    const temporary = join(this.dir, `.incoming-${key.slice(0, 12)}-${randomBytes(6).toString('hex')}`);
    mkdirSync(temporary);
    try {
      if (existsSync(filesDir)) cpSync(filesDir, join(temporary, 'files'), { recursive: true });
      writeFileSync(join(temporary, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
      renameSync(temporary, entry);
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      // Another run stored the same key meanwhile: its entry is as good as ours.
      if (!existsSync(join(entry, 'result.json'))) throw error;
    }
  }
}
