import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { baselinePath, compareSites, normaliseHtml } from './compare-dist.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'compare-dist.mjs');
const made: string[] = [];

/** A temporary folder holding the given files. */
function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'compare-dist-'));
  made.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const page = (css: string, body = '<p>Hello</p>') =>
  `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_astro/${css}"></head><body>${body}</body></html>`;

describe('compare-dist', () => {
  it('finds two sites the same when only whitespace between tags, attribute order and asset hashes differ', () => {
    const before = site({
      'index.html': page('BaseLayout.AAAAAAAA.css'),
      '_astro/BaseLayout.AAAAAAAA.css': 'body{color:red}',
      'logo.png': Buffer.from([1, 2, 3]),
    });
    const after = site({
      'index.html': page('BaseLayout.BBBBBBBB.css').replace('<link rel="stylesheet" href', '<link\n  href').replace('.css">', '.css" rel="stylesheet">\n  '),
      '_astro/BaseLayout.BBBBBBBB.css': 'body{color:red}',
      'logo.png': Buffer.from([1, 2, 3]),
    });
    expect(compareSites(before, after)).toEqual({ added: [], removed: [], changed: [], compared: 3 });
  });

  it('lists added, removed and changed files with the first differing snippet', () => {
    const before = site({
      'index.html': page('a.AAAAAAAA.css', '<p>Hello</p>'),
      'about/index.html': '<p>Hello</p>',
      '_astro/a.AAAAAAAA.css': 'body{color:red}',
      'old.txt': 'gone',
      'logo.png': Buffer.from([1, 2, 3]),
    });
    const after = site({
      'index.html': page('a.CCCCCCCC.css', '<p>Hello</p>'),
      'about/index.html': '<p>Hello, world</p>',
      '_astro/a.CCCCCCCC.css': 'body{color:blue}',
      'new.txt': 'here',
      'logo.png': Buffer.from([1, 2, 4]),
    });
    const result = compareSites(before, after);
    expect(result.removed).toEqual(['old.txt']);
    expect(result.added).toEqual(['new.txt']);
    const changed = Object.fromEntries(result.changed.map(({ file, snippet }) => [file, snippet]));
    expect(Object.keys(changed).sort()).toEqual(['_astro/a.AAAAAAAA.css → _astro/a.CCCCCCCC.css', 'about/index.html', 'logo.png']);
    expect(changed['about/index.html']).toContain('Hello, world');
    // index.html only links the changed stylesheet under its new name: the stylesheet is listed, not the page.
    expect(changed['_astro/a.AAAAAAAA.css → _astro/a.CCCCCCCC.css']).toContain('color:blue');
    expect(changed['logo.png']).toContain('bytes differ');
  });

  it('sees a change inside a chunk that another chunk imports under a new name', () => {
    const before = site({ '_astro/entry.AAAAAAAA.js': 'import"./dep.BBBBBBBB.js";', '_astro/dep.BBBBBBBB.js': 'x=1' });
    const renamed = site({ '_astro/entry.CCCCCCCC.js': 'import"./dep.DDDDDDDD.js";', '_astro/dep.DDDDDDDD.js': 'x=1' });
    const changed = site({ '_astro/entry.CCCCCCCC.js': 'import"./dep.DDDDDDDD.js";', '_astro/dep.DDDDDDDD.js': 'x=2' });
    expect(compareSites(before, renamed).changed).toEqual([]);
    expect(compareSites(before, changed).changed.map(({ file }) => file)).toEqual(['_astro/dep.BBBBBBBB.js → _astro/dep.DDDDDDDD.js']);
  });

  it('leaves out the build time of a calendar file', () => {
    const ics = (stamp: string, start: string) => `BEGIN:VEVENT\r\nDTSTAMP:${stamp}\r\nDTSTART:${start}\r\nEND:VEVENT\r\n`;
    const before = site({ 'events.ics': ics('20261128T103600Z', '20261210T190000') });
    expect(compareSites(before, site({ 'events.ics': ics('20261128T111400Z', '20261210T190000') })).changed).toEqual([]);
    expect(compareSites(before, site({ 'events.ics': ics('20261128T111400Z', '20261210T200000') })).changed).toHaveLength(1);
  });

  it('keeps the whitespace of <pre> and <script> and sees a change there', () => {
    expect(normaliseHtml('<pre>a  b</pre>')).not.toBe(normaliseHtml('<pre>a b</pre>'));
    expect(normaliseHtml('<script>let a = "<b>"</script>')).toBe('<script>\nlet a = "<b>"\n</script>');
    expect(normaliseHtml('<p class="x"  id=y>a \n b</p>')).toBe('<p class="x" id="y">\na b\n</p>');
  });

  it('maps a baseline folder name back to its path in the repository', () => {
    const root = site({ 'starter/package.json': '{}', 'sites/opentech-coop/dist-subpath/index.html': '', 'tests/fixtures/own-page-type/dist/index.html': '' });
    expect(baselinePath('starter_dist', root)).toBe('starter/dist');
    expect(baselinePath('sites_opentech-coop_dist-subpath', root)).toBe('sites/opentech-coop/dist-subpath');
    expect(baselinePath('tests_fixtures_own-page-type_dist', root)).toBe('tests/fixtures/own-page-type/dist');
  });

  it('exits 1 with the list of differences, 0 when the same', () => {
    const before = site({ 'index.html': '<p>a</p>' });
    const same = site({ 'index.html': '<p>a</p>\n' });
    const other = site({ 'index.html': '<p>b</p>' });
    const run = (a: string, b: string) => spawnSync(process.execPath, [script, a, b], { encoding: 'utf8' });
    expect(run(before, same).status).toBe(0);
    const failed = run(before, other);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('differs:     index.html');
  });
});
