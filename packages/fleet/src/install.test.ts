import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SiteError } from './fleet-error.ts';
import { installKey, sharedInstall } from './install.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function site(name: string, lock = '{"lockfileVersion":3}'): string {
  const siteDir = join(dir, name);
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(join(siteDir, 'package.json'), '{"name":"member"}');
  writeFileSync(join(siteDir, 'package-lock.json'), lock);
  return siteDir;
}

/** A stand-in for `npm ci`: writes a module into the install folder and counts its calls. */
function fakeInstall() {
  const calls: string[] = [];
  const make = async (installDir: string) => {
    calls.push(installDir);
    mkdirSync(join(installDir, 'node_modules/kit'), { recursive: true });
    writeFileSync(join(installDir, 'node_modules/kit/index.js'), `// from ${readFileSync(join(installDir, 'package-lock.json'), 'utf8')}`);
  };
  return { calls, make };
}

describe('shared installs', () => {
  const work = join(dir, 'work');

  test('sites with the same package.json and lockfile share one install, hard-linked into each', async () => {
    const [a, b, c] = [site('a'), site('b'), site('c', '{"lockfileVersion":3,"other":true}')];
    expect(installKey(a)).toBe(installKey(b));
    expect(installKey(c)).not.toBe(installKey(a));
    const { calls, make } = fakeInstall();
    await Promise.all([a, b, c].map((siteDir) => sharedInstall(siteDir, installKey(siteDir), work, make)));
    expect(calls).toHaveLength(2);
    const inode = (siteDir: string) => statSync(join(siteDir, 'node_modules/kit/index.js')).ino;
    expect(inode(a)).toBe(inode(b));
    expect(inode(c)).not.toBe(inode(a));
    expect(readdirSync(join(work, 'installs')).sort()).toEqual([installKey(a), installKey(c)].sort());
  });

  test('a finished install left by an earlier run in the same work folder is reused', async () => {
    const { calls, make } = fakeInstall();
    const earlier = join(work, 'installs', 'left-by-an-earlier-run');
    mkdirSync(join(earlier, 'node_modules/kit'), { recursive: true });
    writeFileSync(join(earlier, 'node_modules/kit/index.js'), '// earlier');
    writeFileSync(join(earlier, '.openoutreach-fleet-installed'), '');
    const d = site('d');
    await sharedInstall(d, 'left-by-an-earlier-run', work, make);
    expect(calls).toHaveLength(0);
    expect(readFileSync(join(d, 'node_modules/kit/index.js'), 'utf8')).toBe('// earlier');
  });

  test('an install an earlier run left unfinished is made again', async () => {
    const { calls, make } = fakeInstall();
    mkdirSync(join(work, 'installs', 'unfinished/node_modules/half'), { recursive: true });
    const e = site('e');
    await sharedInstall(e, 'unfinished', work, make);
    expect(calls).toHaveLength(1);
    expect(readdirSync(join(e, 'node_modules'))).toEqual(['kit']);
  });

  test("a new install keeps the site's optimised images, and only them, of Astro's cache", async () => {
    const { make } = fakeInstall();
    const f = site('f');
    await sharedInstall(f, installKey(f), work, make);
    mkdirSync(join(f, 'node_modules/.astro/assets'), { recursive: true });
    mkdirSync(join(f, 'node_modules/.astro/openoutreach'), { recursive: true });
    writeFileSync(join(f, 'node_modules/.astro/assets/photo.abc.webp'), 'encoded');
    writeFileSync(join(f, 'node_modules/.astro/openoutreach/content.json'), '{}');
    writeFileSync(join(f, 'package-lock.json'), '{"lockfileVersion":3,"candidate":true}');
    await sharedInstall(f, installKey(f), work, make);
    expect(readFileSync(join(f, 'node_modules/kit/index.js'), 'utf8')).toContain('candidate');
    expect(readFileSync(join(f, 'node_modules/.astro/assets/photo.abc.webp'), 'utf8')).toBe('encoded');
    expect(readdirSync(join(f, 'node_modules/.astro'))).toEqual(['assets']);
    expect(readdirSync(f).sort()).toEqual(['node_modules', 'package-lock.json', 'package.json']);
  });

  test('a site without a lockfile is told to commit one', () => {
    const bare = join(dir, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'package.json'), '{}');
    expect(() => installKey(bare)).toThrow(SiteError);
    expect(() => installKey(bare)).toThrow(/has no package-lock.json: run `npm install` in the site and commit package-lock.json/);
  });
});
