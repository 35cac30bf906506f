import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { createRelease, currentRelease, listReleases, newReleaseId, previousRelease, pruneReleases, switchCurrent } from './releases.ts';

let siteRoot: string;
let build: string;

/** A built site whose home page says `text` and which has the hashed asset `asset`. */
function builtSite(text: string, asset: string): { dist: string; snippet: string } {
  const dist = join(build, text, 'dist');
  mkdirSync(join(dist, '_astro'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), text);
  writeFileSync(join(dist, '404.html'), 'not found');
  writeFileSync(join(dist, '_astro', asset), asset);
  writeFileSync(join(build, text, 'openoutreach-nginx.conf'), `# ${text}\n`);
  return { dist, snippet: join(build, text, 'openoutreach-nginx.conf') };
}

const at = (time: string) => new Date(`2026-11-28T${time}Z`);

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'oo-releases-'));
  siteRoot = join(dir, 'root', 'maple');
  build = join(dir, 'build');
});

describe('a release', () => {
  test('is named by the time and the commit, and goes live when current is switched to it', () => {
    const id = createRelease(siteRoot, { site: 'maple', ...builtSite('one', 'a.css'), commit: '3F2A1B9C0D4E5F60', now: at('18:30:12') });
    expect(id).toBe('20261128-183012-3f2a1b9c0d4e');
    expect(currentRelease(siteRoot)).toBeUndefined();
    switchCurrent(siteRoot, id);
    expect(readlinkSync(join(siteRoot, 'current'))).toBe(join('releases', id));
    expect(readFileSync(join(siteRoot, 'current', 'dist', 'index.html'), 'utf8')).toBe('one');
    expect(readFileSync(join(siteRoot, 'current', 'openoutreach-nginx.conf'), 'utf8')).toBe('# one\n');
  });

  test('made in the same second as the last one (or with the clock set back) still sorts after it', () => {
    const first = createRelease(siteRoot, { site: 'maple', ...builtSite('one', 'a.css'), commit: 'aaa', now: at('18:30:12') });
    const second = createRelease(siteRoot, { site: 'maple', ...builtSite('two', 'b.css'), commit: 'bbb', now: at('18:30:12') });
    const third = createRelease(siteRoot, { site: 'maple', ...builtSite('three', 'c.css'), commit: 'ccc', now: at('17:00:00') });
    expect(listReleases(siteRoot)).toEqual([first, second, third]);
    expect(newReleaseId(siteRoot, 'ddd', at('19:00:00'))).toBe('20261128-190000-ddd');
  });

  test('keeps the live release’s hashed assets, for pages loaded just before the switch, but not those it carried itself', () => {
    const one = createRelease(siteRoot, { site: 'maple', ...builtSite('one', 'a.css'), commit: 'aaa', now: at('18:00:00') });
    switchCurrent(siteRoot, one);
    const two = createRelease(siteRoot, { site: 'maple', ...builtSite('two', 'b.css'), commit: 'bbb', now: at('18:01:00') });
    expect(existsSync(join(siteRoot, 'releases', two, 'dist/_astro/a.css'))).toBe(true);
    switchCurrent(siteRoot, two);
    const three = createRelease(siteRoot, { site: 'maple', ...builtSite('three', 'c.css'), commit: 'ccc', now: at('18:02:00') });
    expect(existsSync(join(siteRoot, 'releases', three, 'dist/_astro/b.css'))).toBe(true);
    expect(existsSync(join(siteRoot, 'releases', three, 'dist/_astro/a.css'))).toBe(false);
  });
  test('shares the files that did not change with the live release, and copies the others', () => {
    const one = createRelease(siteRoot, { site: 'maple', ...builtSite('one', 'a.css'), commit: 'aaa', now: at('18:00:00') });
    switchCurrent(siteRoot, one);
    const built = builtSite('two', 'a.css');
    writeFileSync(join(built.dist, '404.html'), 'not found');
    const two = createRelease(siteRoot, { site: 'maple', ...built, commit: 'bbb', now: at('18:01:00') });
    const inode = (id: string, file: string) => statSync(join(siteRoot, 'releases', id, 'dist', file)).ino;
    expect(inode(two, '404.html')).toBe(inode(one, '404.html'));
    expect(inode(two, '_astro/a.css')).toBe(inode(one, '_astro/a.css'));
    expect(inode(two, 'index.html')).not.toBe(inode(one, 'index.html'));
    expect(readFileSync(join(siteRoot, 'releases', two, 'dist/index.html'), 'utf8')).toBe('two');
  });
});

describe('pruning and rollback', () => {
  function deployed(count: number): string[] {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const id = createRelease(siteRoot, { site: 'maple', ...builtSite(`r${index}`, `${index}.css`), commit: `c${index}`, now: at(`18:0${index}:00`) });
      switchCurrent(siteRoot, id);
      ids.push(id);
    }
    return ids;
  }

  test('keeps the newest releases, and never removes the live one', () => {
    const ids = deployed(4);
    switchCurrent(siteRoot, ids[0]!);
    expect(pruneReleases(siteRoot, 2)).toEqual([ids[1]]);
    expect(listReleases(siteRoot)).toEqual([ids[0], ids[2], ids[3]]);
  });

  test('goes back to the release before the live one, and says when there is none', () => {
    const ids = deployed(2);
    expect(previousRelease(siteRoot)).toEqual({ live: ids[1], previous: ids[0] });
    switchCurrent(siteRoot, ids[0]!);
    expect(() => previousRelease(siteRoot)).toThrow(`maple has no release before ${ids[0]} to go back to`);
  });

  test('of a site never deployed, or whose current is a folder, says what to do', () => {
    expect(() => previousRelease(siteRoot)).toThrow('has no live release (no current link): deploy the site first.');
    mkdirSync(join(siteRoot, 'current'), { recursive: true });
    expect(() => currentRelease(siteRoot)).toThrow(/current is a folder, not a link to a release: move it away/);
  });
});
