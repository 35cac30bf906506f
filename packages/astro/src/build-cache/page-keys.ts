/**
 * What each built page is made from, as a key, so that Astro's incremental build
 * (`experimental.incrementalBuild`) copies a page from the last build instead of rendering it
 * again when its key and its code (the route's modules, which Astro hashes itself, the settings
 * among them through the virtual modules) are the same as then.
 *
 * A page's key holds everything outside its code that a page of the kit can show:
 * - the front matter of every content file (lists, menus of pages, authors, tags, translations
 *   and pagination all come from front matter), and which files there are;
 * - the body of the page's own entry only: a route renders no body but its own entry's (the
 *   home page's on `/`, the contact page's on the contact form); where that file is not found,
 *   every body;
 * - every other file under `src/` (images, settings, the site's own components), byte for byte,
 *   and the names of the files in `public/` (a page is not written where a file of that name is);
 * - the build's clock, as far as the page depends on it: routes that show events (times of day,
 *   occurrences of repeating events) and the site's own routes depend on the second; the kit's
 *   other routes on the day (a news post is published on its day, the announcement shows by
 *   the day) unless a content file outside the events gives a time of day, which makes them
 *   depend on the second too;
 * - the kit's version (kitStamp).
 * Feeds and other files made by code (`.ts` routes) get no key: they are always made again (an
 * iCalendar file carries the time of the build).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DATE_VARIABLE, buildClock, formatWallClock, wallClockOf } from '@openoutreach/core';
import type { AstroPrerenderer } from 'astro';
import { sourceOf } from '../built-links.ts';
import type { Site } from '../read-site.ts';
import { hashOf, kitStamp, openCache } from './cache-file.ts';

/** The kit's routes that render the body of an entry: that of the page's own entry. */
const BODY_ROUTES = new Set(['page', 'home', 'contact', 'album', 'person', 'event', 'project', 'news-post']);

/** The kit's routes that show events, whose pages change with the time of day (an event under way, then over). */
const EVENT_ROUTES = new Set(['home', 'project', 'event', 'events-index', 'events-past', 'events-calendar']);

const KIT_ROUTES = fileURLToPath(new URL('../routes/', import.meta.url));

/** A date with a time of day, as front matter writes it (`2026-05-01T18:30`). */
const TIME_OF_DAY = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

function hasTimeOfDay(value: unknown): boolean {
  if (typeof value === 'string') return TIME_OF_DAY.test(value.trim());
  if (value instanceof Date) return value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0;
  if (Array.isArray(value)) return value.some(hasTimeOfDay);
  if (value && typeof value === 'object') return Object.values(value).some(hasTimeOfDay);
  return false;
}

/** Every file under `dir`, relative to `root`, `/` between folders, sorted. */
function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** What the keys of a build are made from, read once at the start of the page generation. */
export interface PageKeyInputs {
  /** The parts every page's key shares, but the clock. */
  shared: string;
  /** The hash of each content file's body, by its path (`src/content/news/x.md`). */
  bodies: Map<string, string>;
  /** The hash of every body together. */
  allBodies: string;
  /** The clock as the kit's routes other than the events' depend on it. */
  day: string;
  /** The clock to the second. */
  second: string;
}

/** Reads what the keys of this build are made from. */
export function pageKeyInputs(site: Site): PageKeyInputs {
  const { root, content, cacheDir } = site;
  const contentFiles = new Set(content.files.map((file) => file.file));
  const bodies = new Map<string, string>();
  const data: string[] = [];
  let timesOfDay = false;
  for (const file of content.files) {
    const parsed = file.parsed;
    if (!parsed?.ok) {
      data.push(file.file, 'unread');
      continue;
    }
    data.push(file.file, JSON.stringify(parsed.data));
    bodies.set(file.file, hashOf(parsed.body));
    if (file.collection !== 'events' && hasTimeOfDay(parsed.data)) timesOfDay = true;
  }
  // Other files under src/ by their bytes, each hash kept under its size and time of change.
  const stats = openCache<string>(cacheDir, 'source-files');
  const others = filesUnder(root, 'src')
    .filter((file) => !contentFiles.has(file))
    .flatMap((file) => {
      const path = join(root, file);
      const { size, mtimeMs } = statSync(path);
      const statKey = hashOf(file, String(size), String(mtimeMs));
      let hash = stats.get(statKey);
      if (!hash) {
        hash = hashOf(readFileSync(path));
        stats.set(statKey, hash);
      }
      return [file, hash];
    });
  stats.save();
  const clock = buildClock(process.env[BUILD_DATE_VARIABLE], site.settings.timeZone);
  const second = clock.now.toISOString();
  // Both days: a calendar day counts from midnight on the site's clock, an event's all-day
  // occurrence from midnight UTC.
  const day = timesOfDay ? second : `${clock.today} ${formatWallClock(wallClockOf(clock.now, 'UTC'), false)}`;
  return {
    shared: hashOf(kitStamp(), ...data, ...others, ...filesUnder(root, 'public')),
    bodies,
    allBodies: hashOf(...[...bodies].flat()),
    day,
    second,
  };
}

/** The name of a kit route (`news-post` for its `routes/news-post.astro`), or undefined for a route of the site's own. */
function kitRouteOf(component: string, root: string): string | undefined {
  const file = fileURLToPath(new URL(component, `file://${root.endsWith('/') ? root : `${root}/`}`));
  return file.startsWith(KIT_ROUTES) && file.endsWith('.astro') ? basename(file, '.astro') : undefined;
}

/** The key of the page at `pathname` (without the base path) built by `component`, or undefined for a page made anew every build. */
export function pageKey(inputs: PageKeyInputs, site: Site, component: string, pathname: string): string | undefined {
  if (!component.endsWith('.astro')) return undefined;
  const route = kitRouteOf(component, site.root);
  const clock = route && !EVENT_ROUTES.has(route) ? inputs.day : inputs.second;
  let body = '';
  if (!route || BODY_ROUTES.has(route)) {
    const source = route ? sourceOf(site.root, pathname.replace(/^\/+/, ''), { locales: site.locales }) : undefined;
    body = (source && inputs.bodies.get(source)) ?? inputs.allBodies;
  }
  return hashOf(inputs.shared, clock, body);
}

/** Astro's prerenderer with each page's key (pageKey), so that the incremental build can reuse the pages whose key is unchanged. */
export function withPageKeys(prerenderer: AstroPrerenderer, site: Site): AstroPrerenderer {
  const keyed: AstroPrerenderer = {
    name: prerenderer.name,
    async getStaticPaths() {
      const paths = await prerenderer.getStaticPaths();
      const inputs = pageKeyInputs(site);
      return paths.map((path) => ({ ...path, cacheKey: pageKey(inputs, site, path.route.component, path.pathname) }));
    },
    render: (request, options) => prerenderer.render(request, options),
  };
  if (prerenderer.setup) keyed.setup = () => prerenderer.setup!();
  if (prerenderer.teardown) keyed.teardown = () => prerenderer.teardown!();
  if (prerenderer.collectStaticImages) keyed.collectStaticImages = () => prerenderer.collectStaticImages!();
  return keyed;
}
