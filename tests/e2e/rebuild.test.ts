import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * A build that reuses the last one (the pages Astro copies from its cache folder, the kit's
 * caches, the kept search index) must give the site a build from nothing gives, byte for byte:
 * a faster build that changes pages is not faster. The minimal fixture is copied inside the
 * repository, so that it finds the kit as a member's site does, and built with a fixed clock.
 */
const CLOCK = { OPENOUTREACH_BUILD_DATE: '2026-07-01' };
const POST = 'src/content/news/first-post.md';

let site: string;
const dist = () => join(site, 'dist');

/** Every file of a built site, by path; an iCalendar file without its DTSTAMP, the moment it was written. */
function files(dir: string): Map<string, Buffer> {
  const read = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    read.set(relative(dir, file), entry.name.endsWith('.ics') ? Buffer.from(bytes.toString('utf8').replace(/^DTSTAMP:.*$/gm, '')) : bytes);
  }
  return read;
}

/** The paths whose bytes differ between two built sites, and those only one has. */
function differences(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)) || !after.has(path)).sort();
}

async function build(): Promise<string> {
  const { code, output } = await astroBuild(site, [], CLOCK);
  expect(code, output).toBe(0);
  return output;
}

/** A build from nothing: no output, no cache folder. */
async function coldBuild(): Promise<Map<string, Buffer>> {
  for (const folder of ['dist', '.astro', 'node_modules']) rmSync(join(site, folder), { recursive: true, force: true });
  await build();
  return files(dist());
}

beforeAll(() => {
  const workspace = join(REPO_ROOT, 'tests/.output');
  mkdirSync(workspace, { recursive: true });
  site = mkdtempSync(join(workspace, 'rebuild-'));
  cpSync(fixture('minimal'), site, { recursive: true, filter: (source) => !/[\\/](dist[^\\/]*|\.astro|node_modules|openoutreach-nginx[^\\/]*)$/.test(source) });
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('building again', () => {
  test('with nothing changed, every page is copied from the last build and the site is the same, byte for byte', async () => {
    const cold = await coldBuild();
    expect(cold.has('pagefind/pagefind.js')).toBe(true);
    const output = await build();
    // Every page reused: none rendered again. Astro logs a page it copies as `├─ <page> (restored)`,
    // and one it renders as `├─ <page>`, its time coming later.
    expect(output).toMatch(/\/about\/index\.html \((restored|cached)\)/);
    expect(output).not.toMatch(/\.html(?! \((restored|cached)\))/);
    expect(differences(cold, files(dist()))).toEqual([]);
    // A page copied from the cache has its policy first, as a rendered one does (security-files.ts).
    expect(readFileSync(join(dist(), 'about/index.html'), 'utf8')).toMatch(
      /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/,
    );
  }, 240_000);

  test('after one post is edited, the site is the one a build from nothing gives, with the edit', async () => {
    appendFileSync(join(site, POST), '\nAn update: the meeting has moved to the library.\n');
    const output = await build();
    // The edited post is rendered again, the other pages are copied.
    expect(output).toMatch(/\/news\/first-post\/index\.html(?! \((restored|cached)\))/);
    expect(output).toMatch(/about\/index\.html \((restored|cached)\)/);
    const rebuilt = files(dist());
    expect(rebuilt.get('news/first-post/index.html')?.toString('utf8')).toContain('the meeting has moved to the library');
    expect(differences(await coldBuild(), rebuilt)).toEqual([]);
  }, 240_000);
});
