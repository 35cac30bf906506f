/**
 * The release folders of one hosted site and its `current` link:
 *
 * ```
 * <root>/<name>/releases/20261128-183012-3f2a1b9c0d4e/{dist/, openoutreach-nginx.conf, release.json}
 * <root>/<name>/current -> releases/20261128-183012-3f2a1b9c0d4e
 * ```
 *
 * A release is filled under a hidden name and renamed into place whole; `current` is replaced by
 * renaming a new link over it, which is atomic: nginx resolves the link on each request, so every
 * request is served wholly from the old release or wholly from the new one.
 */
import {
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FleetError } from '../fleet-error.ts';

export const CURRENT = 'current';
export const RELEASES = 'releases';
/** The kit's security headers and redirects for nginx, kept in each release beside its dist/. */
export const SNIPPET = 'openoutreach-nginx.conf';
const INFO = 'release.json';
// Hashed assets: a page loaded from the old release still finds its CSS and scripts after a switch.
const ASSETS = '_astro';
const ID = /^\d{8}-\d{6}-[a-z0-9]+$/;

/** What release.json records. */
export interface ReleaseInfo {
  site: string;
  commit: string;
  createdAt: string;
  /** Files under dist/_astro/ brought over from the release before, not built for this one. */
  carried: string[];
}

/** The site's releases, oldest first (their names start with the time they were made). */
export function listReleases(siteRoot: string): string[] {
  const dir = join(siteRoot, RELEASES);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => ID.test(name))
    .sort();
}

/** The release `current` points at, if the site has been deployed. */
export function currentRelease(siteRoot: string): string | undefined {
  const link = join(siteRoot, CURRENT);
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    return undefined;
  }
  if (!stat.isSymbolicLink()) {
    throw new FleetError(`${link} is a folder, not a link to a release: move it away (e.g. to ${link}.old) and deploy again.`);
  }
  return basename(readlinkSync(link));
}

const stampOf = (time: number) => new Date(time).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const timeOf = (stamp: string) => Date.parse(stamp.replace(/^(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z'));

/**
 * A new release's name: the time (UTC, to the second) and the commit. It always sorts after the
 * site's newest release (a second later when that one has the same second, or the clock went
 * back), so the order of the names is the order of the deploys.
 */
export function newReleaseId(siteRoot: string, commit: string, now: Date): string {
  const short =
    commit
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 12) || 'unknown';
  const newest = listReleases(siteRoot).pop()?.slice(0, 15);
  const time = newest && stampOf(now.getTime()) <= newest ? timeOf(newest) + 1000 : now.getTime();
  return `${stampOf(time)}-${short}`;
}

function readInfo(releaseDir: string): ReleaseInfo | undefined {
  try {
    return JSON.parse(readFileSync(join(releaseDir, INFO), 'utf8')) as ReleaseInfo;
  } catch {
    return undefined;
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** Links into `dist/_astro/` the assets the live release built that the new one lacks. */
function carryAssets(fromRelease: string, toDist: string): string[] {
  const own = new Set(readInfo(fromRelease)?.carried ?? []);
  const carried: string[] = [];
  const from = join(fromRelease, 'dist', ASSETS);
  for (const file of filesUnder(from)) {
    const target = join(toDist, ASSETS, file);
    if (own.has(file) || existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    linkSync(join(from, file), target);
    carried.push(file);
  }
  return carried;
}

const sameBytes = (a: string, b: string) => {
  try {
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
};

/**
 * Copies dist/ into the release; a file byte for byte the same as the live release's is linked to
 * it instead (releases are never changed in place), so keeping several releases of a site with
 * many images costs little more room than one.
 */
function copyDist(from: string, to: string, live: string | undefined): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length + 1));
    if (entry.isDirectory()) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      const old = live && join(live, source.slice(from.length + 1));
      if (old && sameBytes(source, old)) linkSync(old, target);
      else cpSync(source, target, { dereference: true });
    }
  }
}

export interface NewRelease {
  site: string;
  dist: string;
  /** The nginx snippet the build wrote beside dist/. */
  snippet: string;
  commit: string;
  now?: Date;
}

/** Copies a built site into a new release folder (not yet live) and returns its name. */
export function createRelease(siteRoot: string, release: NewRelease): string {
  const id = newReleaseId(siteRoot, release.commit, release.now ?? new Date());
  const releases = join(siteRoot, RELEASES);
  const incoming = join(releases, `.incoming-${id}-${process.pid}`);
  mkdirSync(releases, { recursive: true });
  rmSync(incoming, { recursive: true, force: true });
  try {
    const live = currentRelease(siteRoot);
    copyDist(release.dist, join(incoming, 'dist'), live ? join(releases, live, 'dist') : undefined);
    cpSync(release.snippet, join(incoming, SNIPPET));
    const carried = live && existsSync(join(releases, live)) ? carryAssets(join(releases, live), join(incoming, 'dist')) : [];
    const info: ReleaseInfo = { site: release.site, commit: release.commit, createdAt: (release.now ?? new Date()).toISOString(), carried };
    writeFileSync(join(incoming, INFO), `${JSON.stringify(info, null, 2)}\n`);
    renameSync(incoming, join(releases, id));
  } catch (error) {
    rmSync(incoming, { recursive: true, force: true });
    throw error;
  }
  return id;
}

/** Points `current` at the release `id`, atomically. */
export function switchCurrent(siteRoot: string, id: string): void {
  if (!existsSync(join(siteRoot, RELEASES, id, 'dist'))) {
    throw new FleetError(`${join(siteRoot, RELEASES, id)} is not a release (it has no dist/): name one of ${listReleases(siteRoot).join(', ') || 'none'}.`);
  }
  currentRelease(siteRoot);
  const link = join(siteRoot, `.${CURRENT}-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(join(RELEASES, id), link);
  renameSync(link, join(siteRoot, CURRENT));
}

/** Removes all but the newest `keep` releases, never the live one; returns the names removed. */
export function pruneReleases(siteRoot: string, keep: number): string[] {
  const live = currentRelease(siteRoot);
  const releases = listReleases(siteRoot);
  const removed = releases.slice(0, Math.max(0, releases.length - keep)).filter((id) => id !== live);
  for (const id of removed) rmSync(join(siteRoot, RELEASES, id), { recursive: true, force: true });
  return removed;
}

/** The live release and the one before it, which rollback goes back to. */
export function previousRelease(siteRoot: string): { live: string; previous: string } {
  const live = currentRelease(siteRoot);
  if (!live) throw new FleetError(`${siteRoot} has no live release (no ${CURRENT} link): deploy the site first.`);
  const releases = listReleases(siteRoot);
  const index = releases.indexOf(live);
  if (index <= 0) {
    throw new FleetError(`${basename(siteRoot)} has no release before ${live} to go back to (releases: ${releases.join(', ') || 'none'}).`);
  }
  return { live, previous: releases[index - 1]! };
}

/** The nginx snippet of a release, or '' when there is no such release. */
export function releaseSnippet(siteRoot: string, id: string | undefined): string {
  if (!id) return '';
  try {
    return readFileSync(join(siteRoot, RELEASES, id, SNIPPET), 'utf8');
  } catch {
    return '';
  }
}
