import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { readContent, type ReadFile } from '../checks/read-content.ts';
import { readOptions, readSite } from '../read-site.ts';
import { hashOf, kitCacheDir, kitStamp, openCache, type CacheFile } from './cache-file.ts';

const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;
// Inside the repository, so that the site finds the kit and its theme as a real site does.
const workspace = join(REPO_ROOT, 'tests/.output');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A copy of the minimal fixture, with its own cache folder. */
function minimalSite() {
  mkdirSync(workspace, { recursive: true });
  const root = mkdtempSync(join(workspace, 'build-cache-unit-'));
  folders.push(root);
  cpSync(join(REPO_ROOT, 'tests/fixtures/minimal'), root, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
  const cacheDir = join(root, 'node_modules/.astro');
  const config = {
    root: pathToFileURL(`${root}/`),
    cacheDir: pathToFileURL(`${cacheDir}/`),
    base: '/',
    site: 'https://minimal.example',
    trailingSlash: 'ignore',
    build: { format: 'directory' },
  } as const;
  const check = () => readSite(config, readOptions(undefined).options!);
  return { root, cacheDir, check, cacheFile: join(kitCacheDir(cacheDir), 'content-files.json') };
}

/** A cache that counts the results made anew (set) and found (get). */
function countingCache(cache: CacheFile<ReadFile>) {
  const counts = { made: [] as string[], found: 0 };
  const counting: CacheFile<ReadFile> = {
    get: (key) => {
      const value = cache.get(key);
      if (value) counts.found += 1;
      return value;
    },
    set: (key, value) => {
      counts.made.push(value.parsed?.ok ? String(value.parsed.data['title']) : 'unreadable');
      cache.set(key, value);
    },
    save: () => cache.save(),
  };
  return { counting, counts };
}

describe('openCache', () => {
  test('keeps results between builds, and only those a build used', () => {
    const dir = mkdtempSync(join(workspace, 'build-cache-unit-'));
    folders.push(dir);
    const first = openCache<number>(dir, 'numbers');
    first.set('a', 1);
    first.set('b', 2);
    first.save();
    const second = openCache<number>(dir, 'numbers');
    expect(second.get('a')).toBe(1);
    second.save();
    const third = openCache<number>(dir, 'numbers');
    expect([third.get('a'), third.get('b')]).toEqual([1, undefined]);
  });

  test('does not write the file again when a build used every result in it and added none', () => {
    const dir = mkdtempSync(join(workspace, 'build-cache-unit-'));
    folders.push(dir);
    const first = openCache<number>(dir, 'numbers');
    first.set('a', 1);
    first.save();
    const file = join(kitCacheDir(dir), 'numbers.json');
    // The same results, written differently: a save that writes would change the bytes.
    const spaced = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2);
    writeFileSync(file, spaced);
    const unchanged = openCache<number>(dir, 'numbers');
    expect(unchanged.get('a')).toBe(1);
    unchanged.save();
    expect(readFileSync(file, 'utf8')).toBe(spaced);
    const added = openCache<number>(dir, 'numbers');
    added.get('a');
    added.set('b', 2);
    added.save();
    expect(readFileSync(file, 'utf8')).not.toBe(spaced);
    expect(openCache<number>(dir, 'numbers').get('b')).toBe(2);
  });

  test('counts a file that cannot be read, or written by another version of the kit, as empty', () => {
    const dir = mkdtempSync(join(workspace, 'build-cache-unit-'));
    folders.push(dir);
    const file = join(kitCacheDir(dir), 'numbers.json');
    mkdirSync(kitCacheDir(dir), { recursive: true });
    writeFileSync(file, '{"version":');
    expect(openCache<number>(dir, 'numbers').get('a')).toBeUndefined();
    writeFileSync(file, JSON.stringify({ version: 'an older kit', entries: { a: 1 } }));
    expect(openCache<number>(dir, 'numbers').get('a')).toBeUndefined();
    writeFileSync(file, JSON.stringify({ version: kitStamp(), entries: { a: 1 } }));
    expect(openCache<number>(dir, 'numbers').get('a')).toBe(1);
  });

  test('keeps nothing without a cache folder', () => {
    const cache = openCache<number>(undefined, 'numbers');
    cache.set('a', 1);
    cache.save();
    expect(openCache<number>(undefined, 'numbers').get('a')).toBeUndefined();
  });
});

describe('the content files kept between builds', () => {
  test('a file is read again only when its bytes change', () => {
    const { root, cacheDir } = minimalSite();
    const read = () => {
      const cache = openCache<ReadFile>(cacheDir, 'content-files');
      const { counting, counts } = countingCache(cache);
      const content = readContent(root, ['pages', 'news'], ['en'], counting);
      cache.save();
      return { content, counts };
    };
    const cold = read();
    expect(cold.counts.found).toBe(0);
    expect(cold.counts.made.length).toBe(cold.content.files.length);
    const warm = read();
    expect(warm.counts).toEqual({ made: [], found: cold.content.files.length });
    expect(warm.content).toEqual(cold.content);

    writeFileSync(join(root, 'src/content/news/first-post.md'), '---\ntitle: Edited\ndate: 2026-05-01\n---\n![A photo](../../assets/photo.jpg)\n');
    const edited = read();
    expect(edited.counts.made).toEqual(['Edited']);
    const post = edited.content.files.find((file) => file.file === 'src/content/news/first-post.md');
    expect(post?.images).toEqual([{ written: '../../assets/photo.jpg', path: '../../assets/photo.jpg' }]);
  });

  test('a warm build reports the same problems as a cold one, also those of unchanged files', () => {
    const { root, check } = minimalSite();
    writeFileSync(join(root, 'src/content/news/first-post.md'), '---\ntitle: Photo\ndate: 2026-05-01\n---\n![A photo](../../assets/nowhere.jpg)\n');
    const cold = check().problems;
    expect(cold.map((problem) => problem.message)).toEqual(['the image "../../assets/nowhere.jpg" does not exist (looked for src/assets/nowhere.jpg)']);
    expect(check().problems).toEqual(cold);
    // What a cached result depends on besides the file (the image on the disk) is looked at again.
    mkdirSync(join(root, 'src/assets'), { recursive: true });
    writeFileSync(join(root, 'src/assets/nowhere.jpg'), 'an image');
    expect(check().problems).toEqual([]);
  });

  test('a change of the settings is checked against every file, unchanged ones too', () => {
    const { root, check } = minimalSite();
    expect(check().problems).toEqual([]);
    const settings = join(root, 'src/settings/site.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8')
        .replace(/^locales:.*$/m, '')
        .concat('\nlocales: [en, es]\n'),
    );
    const problems = check().problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((problem) => problem.message).join('\n')).toContain('belong to no language');
  });

  test('a cache file that cannot be read is ignored and written anew', () => {
    const { check, cacheFile } = minimalSite();
    mkdirSync(join(cacheFile, '..'), { recursive: true });
    writeFileSync(cacheFile, 'not JSON at all');
    expect(check().problems).toEqual([]);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).version).toBe(kitStamp());
  });

  test('a result kept by another version of the kit is not used', () => {
    const { root, check, cacheFile } = minimalSite();
    const file = 'src/content/news/first-post.md';
    const text = readFileSync(join(root, file), 'utf8');
    const wrong: ReadFile = { parsed: { ok: false, problem: { file, field: '', message: 'kept by an older kit', fix: '' } } };
    mkdirSync(join(cacheFile, '..'), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ version: 'an older kit', entries: { [hashOf(file, text)]: wrong } }));
    expect(check().problems).toEqual([]);
    // The same entry under this kit's stamp is used: the test above is not passing by chance.
    writeFileSync(cacheFile, JSON.stringify({ version: kitStamp(), entries: { [hashOf(file, text)]: wrong } }));
    expect(check().problems.map((problem) => problem.message)).toEqual(['kept by an older kit']);
    expect(existsSync(cacheFile)).toBe(true);
  });
});
