import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { AstroPrerenderer } from 'astro';
import { readOptions, readSite, type Site } from '../read-site.ts';
import { pageKey, pageKeyInputs, withPageKeys } from './page-keys.ts';

const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;
const workspace = join(REPO_ROOT, 'tests/.output');
const ROUTES = fileURLToPath(new URL('../routes/', import.meta.url));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
afterEach(() => delete process.env['OPENOUTREACH_BUILD_DATE']);

/** A copy of the minimal fixture with a second post, read as a build reads it. */
function minimalSite() {
  mkdirSync(workspace, { recursive: true });
  const root = mkdtempSync(join(workspace, 'page-keys-unit-'));
  folders.push(root);
  cpSync(join(REPO_ROOT, 'tests/fixtures/minimal'), root, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
  writeFileSync(join(root, 'src/content/news/second-post.md'), '---\ntitle: Second\ndate: 2026-05-02\n---\nThe second post.\n');
  const config = {
    root: pathToFileURL(`${root}/`),
    cacheDir: pathToFileURL(`${root}/node_modules/.astro/`),
    base: '/',
    site: 'https://minimal.example',
    trailingSlash: 'ignore',
    build: { format: 'directory' },
  } as const;
  const read = (): Site => {
    const { site, problems } = readSite(config, readOptions(undefined).options!);
    expect(problems).toEqual([]);
    return site!;
  };
  /** The key of each page as a build now gives it. */
  const keys = () => {
    const site = read();
    const inputs = pageKeyInputs(site);
    const key = (route: string, path: string) => pageKey(inputs, site, `${ROUTES}${route}`, path);
    return {
      first: key('news-post.astro', '/news/first-post/'),
      second: key('news-post.astro', '/news/second-post/'),
      newsIndex: key('news-index.astro', '/news/'),
      about: key('page.astro', '/about/'),
      events: key('events-index.astro', '/events/'),
    };
  };
  return { root, read, keys };
}

describe('page keys', () => {
  test('are the same when nothing changed, and every page has one', () => {
    const { keys } = minimalSite();
    process.env['OPENOUTREACH_BUILD_DATE'] = '2026-07-01';
    const first = keys();
    expect(Object.values(first).every((key) => typeof key === 'string')).toBe(true);
    expect(keys()).toEqual(first);
  });

  test("an edit of a post's text changes that post's key only", () => {
    const { root, keys } = minimalSite();
    process.env['OPENOUTREACH_BUILD_DATE'] = '2026-07-01';
    const before = keys();
    appendFileSync(join(root, 'src/content/news/first-post.md'), '\nA paragraph more.\n');
    const after = keys();
    expect(after.first).not.toBe(before.first);
    expect({ ...after, first: undefined }).toEqual({ ...before, first: undefined });
  });

  test('an edit of front matter, an image or the settings changes every key', () => {
    const { root, keys } = minimalSite();
    process.env['OPENOUTREACH_BUILD_DATE'] = '2026-07-01';
    const changes = [
      () => writeFileSync(join(root, 'src/content/news/second-post.md'), '---\ntitle: Renamed\ndate: 2026-05-02\n---\nThe second post.\n'),
      () => {
        mkdirSync(join(root, 'src/assets'), { recursive: true });
        writeFileSync(join(root, 'src/assets/photo.jpg'), 'an image');
      },
      () => writeFileSync(join(root, 'src/assets/photo.jpg'), 'another image'),
      () => appendFileSync(join(root, 'src/settings/site.yaml'), '\n# a comment\n'),
    ];
    for (const change of changes) {
      const before = keys();
      change();
      const after = keys();
      for (const page of Object.keys(before) as (keyof typeof before)[]) expect(after[page], page).not.toBe(before[page]);
    }
  });

  test('pages with events change with the time of day, the others with the day', () => {
    const { root, keys } = minimalSite();
    process.env['OPENOUTREACH_BUILD_DATE'] = '2026-07-01T09:00';
    const morning = keys();
    process.env['OPENOUTREACH_BUILD_DATE'] = '2026-07-01T17:00';
    const evening = keys();
    expect(evening.events).not.toBe(morning.events);
    expect({ ...evening, events: undefined }).toEqual({ ...morning, events: undefined });
    process.env['OPENOUTREACH_BUILD_DATE'] = '2026-07-02T09:00';
    expect(keys().first).not.toBe(morning.first);
    // A post published at a time of day makes every page depend on the time.
    const post = join(root, 'src/content/news/second-post.md');
    writeFileSync(post, readFileSync(post, 'utf8').replace('date: 2026-05-02', 'date: 2026-07-02T12:00'));
    const before = keys();
    process.env['OPENOUTREACH_BUILD_DATE'] = '2026-07-02T13:00';
    expect(keys().first).not.toBe(before.first);
  });

  test("the site's own pages depend on every body, and files made by code have no key", () => {
    const { root, read } = minimalSite();
    const site = read();
    const inputs = pageKeyInputs(site);
    const own = pageKey(inputs, site, 'src/pages/jobs.astro', '/jobs/');
    expect(pageKey(inputs, site, `${ROUTES}rss.xml.ts`, '/rss.xml')).toBeUndefined();
    appendFileSync(join(root, 'src/content/news/first-post.md'), '\nA paragraph more.\n');
    const edited = read();
    expect(pageKey(pageKeyInputs(edited), edited, 'src/pages/jobs.astro', '/jobs/')).not.toBe(own);
  });

  test("the keyed prerenderer passes on the default one's work", async () => {
    const { read } = minimalSite();
    const calls: string[] = [];
    const route = { component: `${ROUTES}page.astro` } as never;
    const base: AstroPrerenderer = {
      name: 'test',
      setup: async () => void calls.push('setup'),
      getStaticPaths: async () => [{ pathname: '/about/', route }],
      render: async () => (calls.push('render'), new Response('page')),
      teardown: async () => void calls.push('teardown'),
    };
    const keyed = withPageKeys(base, read());
    await keyed.setup?.();
    const [path] = await keyed.getStaticPaths();
    expect(path?.cacheKey).toMatch(/^[\w-]{43}$/);
    await keyed.render(new Request('https://minimal.example/about/'), { routeData: route });
    await keyed.teardown?.();
    expect(calls).toEqual(['setup', 'render', 'teardown']);
  });
});
