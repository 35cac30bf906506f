import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { startDevServer } from '../support/dev-server.ts';
import { fixture } from '../support/sites.ts';

/**
 * Scheduled content, built with a fixed clock (`OPENOUTREACH_BUILD_DATE`): the fixture's news post
 * "Launch of the Zephyr seed library" is dated 1 May 2026 and its event "Quillfeather harvest
 * festival" has `publishDate: 2026-05-01`; the announcement runs from 1 to 30 April. The site is in
 * Toronto, so 30 April 23:30 there (already 1 May in UTC) is still before.
 */
const dir = fixture('scheduled');
const BUILDS = { before: '2026-04-30T23:30', after: '2026-05-01' } as const;
const distOf = (name: keyof typeof BUILDS) => join(dir, `dist-${name}`);

const TEXT_FILES = /\.(html|xml|ics|json|txt|webmanifest|js)$|^_headers$|^_redirects$/;

/**
 * Every text the built site serves, by path: pages, feeds, calendars, the sitemap, robots.txt and
 * Pagefind's index and fragments (gzip-compressed on disk), so "absent" means absent everywhere.
 */
function servedTexts(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(dist, file);
    if (/\.pf_(fragment|index|meta)$/.test(entry.name)) texts.set(path, gunzipSync(readFileSync(file)).toString('utf8'));
    else if (TEXT_FILES.test(entry.name)) texts.set(path, readFileSync(file, 'utf8'));
  }
  return texts;
}

const filesMentioning = (texts: Map<string, string>, word: RegExp) => [...texts].filter(([, text]) => word.test(text)).map(([path]) => path);
const page = (dist: string, path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

beforeAll(async () => {
  for (const [name, date] of Object.entries(BUILDS)) {
    rmSync(distOf(name as keyof typeof BUILDS), { recursive: true, force: true });
    const { code, output } = await astroBuild(dir, ['--outDir', distOf(name as keyof typeof BUILDS)], { OPENOUTREACH_BUILD_DATE: date });
    expect(code, output).toBe(0);
  }
}, 600_000);

describe('a build before the publication day', () => {
  const dist = distOf('before');

  test('leaves the scheduled post and event out of every page, feed, calendar, sitemap and the search index', () => {
    const texts = servedTexts(dist);
    expect(texts.has('rss.xml') && texts.has('events.ics') && texts.has('sitemap-0.xml')).toBe(true);
    expect([...texts.keys()].filter((path) => path.startsWith('pagefind/fragment/')).length).toBeGreaterThan(0);
    expect(filesMentioning(texts, /zephyr/i)).toEqual([]);
    expect(filesMentioning(texts, /quillfeather/i)).toEqual([]);
    expect(existsSync(join(dist, 'news/zephyr-seed-library'))).toBe(false);
    expect(existsSync(join(dist, 'news/tags/zephyr-launch'))).toBe(false);
    expect(existsSync(join(dist, 'events/quillfeather-festival.ics'))).toBe(false);
  });

  test('publishes what is due, and drops the menu link and the button that lead to the scheduled post', () => {
    const home = page(dist, '');
    expect(home).toContain('Seed swap recap');
    expect(home).toContain('Garden open day');
    expect(home).not.toContain('Seed library launch');
    expect(home).not.toContain('Borrow seeds from May');
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain('https://scheduled.example/news/seed-swap-recap/');
  });

  test('shows the announcement on its last day, on every page', () => {
    for (const path of ['', 'news', 'news/seed-swap-recap', 'events/open-day']) expect(page(dist, path), path).toContain('Spring plant sale this April!');
  });

  test('dates the calendars with the build’s clock: midnight in Toronto is 04:00 UTC', () => {
    expect(readFileSync(join(dist, 'events.ics'), 'utf8')).toContain('DTSTAMP:20260501T033000Z');
  });
});

describe('a build on the publication day', () => {
  const dist = distOf('after');

  test('publishes the post on its page, the news list, its tag, the feed, the sitemap, the home page and the search index', () => {
    expect(page(dist, 'news/zephyr-seed-library')).toContain('Launch of the Zephyr seed library');
    expect(page(dist, 'news')).toContain('/news/zephyr-seed-library/');
    expect(page(dist, 'news/tags/zephyr-launch')).toContain('/news/zephyr-seed-library/');
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain('<link>https://scheduled.example/news/zephyr-seed-library/</link>');
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain('https://scheduled.example/news/zephyr-seed-library/');
    const fragments = filesMentioning(servedTexts(dist), /Zephyr seed library/).filter((path) => path.startsWith('pagefind/fragment/'));
    expect(fragments.length).toBeGreaterThan(0);
  });

  test('publishes the event on its page with its structured data, the events list, the calendars and the home page', () => {
    const eventPage = page(dist, 'events/quillfeather-festival');
    expect(eventPage).toMatch(/<script type="application\/ld\+json">[^<]*"Quillfeather harvest festival"/);
    expect(page(dist, 'events')).toContain('/events/quillfeather-festival/');
    expect(page(dist, 'events/calendar/2026-07')).toContain('/events/quillfeather-festival/');
    expect(readFileSync(join(dist, 'events.ics'), 'utf8')).toContain('SUMMARY:Quillfeather harvest festival');
    expect(readFileSync(join(dist, 'events/quillfeather-festival.ics'), 'utf8')).toContain('DTSTAMP:20260501T040000Z');
  });

  test('brings back the menu link and the button, and takes the announcement down the day after its last', () => {
    const home = page(dist, '');
    expect(home).toContain('Launch of the Zephyr seed library');
    expect(home).toContain('Quillfeather harvest festival');
    expect(home).toMatch(/<a[^>]*href="\/news\/zephyr-seed-library\/"[^>]*>\s*Seed library launch/);
    expect(home).toMatch(/<a[^>]*href="\/news\/zephyr-seed-library\/"[^>]*>\s*Read about the seed library/);
    expect(filesMentioning(servedTexts(dist), /Spring plant sale/)).toEqual([]);
  });
});

test('the dev server shows the scheduled post and event before their day, each marked as scheduled, and the banner whatever the day', async () => {
  const dev = await startDevServer(dir, { OPENOUTREACH_BUILD_DATE: BUILDS.before });
  try {
    const html = async (path: string) => {
      const response = await fetch(new URL(path, dev.url));
      expect(response.status, `${path}\n${dev.output().slice(-2000)}`).toBe(200);
      return response.text();
    };
    expect(await html('/news/zephyr-seed-library/')).toMatch(
      /<p data-openoutreach-scheduled role="note"><strong>Scheduled: published with the first rebuild on or after May 1, 2026\./,
    );
    expect(await html('/events/quillfeather-festival/')).toContain('Scheduled: published with the first rebuild on or after May 1, 2026.');
    expect(await html('/news/seed-swap-recap/')).not.toContain('data-openoutreach-scheduled');
    const home = await html('/');
    expect(home).toContain('Seed library launch');
    expect(home).toContain('Launch of the Zephyr seed library');
    expect(home).toContain('Spring plant sale this April!');
  } finally {
    await dev.stop();
  }
});

test('a build clock that is not a date stops the build with one message naming the variable and the fix', async () => {
  const { code, output } = await astroBuild(dir, ['--outDir', join(dir, 'dist-bad-clock')], { OPENOUTREACH_BUILD_DATE: 'tomorrow' });
  expect(code).not.toBe(0);
  expect(output).toContain('OPENOUTREACH_BUILD_DATE="tomorrow" is not a date');
  expect(output).toContain('Fix: set it to a day, e.g. OPENOUTREACH_BUILD_DATE=2026-05-01');
  expect(output).not.toMatch(/^\s+at /m);
  expect(existsSync(join(dir, 'dist-bad-clock'))).toBe(false);
});
