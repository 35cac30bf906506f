import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pathProblem, requestedPaths } from './paths.mjs';

const site = mkdtempSync(join(tmpdir(), 'oo-edit-paths-'));
mkdirSync(join(site, 'src/content/news'), { recursive: true });
mkdirSync(join(site, 'src/assets'), { recursive: true });
symlinkSync(join(site, 'src/assets'), join(site, 'src/content/assets-link'));
symlinkSync(tmpdir(), join(site, 'src/content/outside-link'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the paths the CMS may read and write', () => {
  test.each([
    'src/content/news/winter-coat-drive.md',
    'src/content/news/en/winter-coat-drive.md',
    'src/content/news/../../assets/news/coat-drive.jpg',
    'src/assets/uploads/café au lait.jpg',
    'src/assets/uploads/50%25 off.png',
    'src/settings/site.yaml',
    'src/content/assets-link/news/x.jpg',
  ])('%s may be written', (path) => {
    expect(pathProblem(site, path, { write: true })).toBeUndefined();
  });

  test.each([
    ['.git/config', /is outside the site's src\/ folder/],
    ['src/.git/config', /hidden file or folder "\.git"/],
    ['src/content/.GIT/hooks/pre-commit', /hidden file or folder "\.GIT"/],
    ['src/%2egit/config', /hidden file or folder "\.git"/],
    ['src/content/%2e%2e%2f%2e%2e%2f..%2f.git', /is outside the site folder/],
    ['src/%zz', /malformed percent escape/],
    ['src\\..\\.git\\config', /contains a backslash or a colon/],
    ['c:/x.md', /contains a backslash or a colon/],
    ['/etc/passwd', /is not a path inside the site folder/],
    ['src/content/git~1/config', /hidden file or folder "git~1"/],
    ['src/content/news/x.md\n', /invisible or control character/],
    ['src/content/outside-link/x.md', /leads through a symbolic link to \.\.\/.*, which is outside the site folder/],
    ['src/content/news/evil.ts', /run as code/],
    ['src/content/news/evil.MJS', /run as code/],
    ['src/content/news/evil.astro ', /run as code/],
    ['src/pages/index.md', /src\/pages\//],
    ['src/PAGES/index.md', /src\/pages\//],
  ])('%s may not be written', (path, problem) => {
    expect(pathProblem(site, path, { write: true })).toMatch(problem);
  });

  test('a file that would be code may be read, not written', () => {
    expect(pathProblem(site, 'src/pages/index.md', { write: false })).toBeUndefined();
    expect(pathProblem(site, '.git/config', { write: false })).toMatch(/outside the site's src\/ folder/);
  });

  test.each([[undefined], [null], [42], [['src/a.md']], [{ path: 'src/a.md' }], ['']])('%j is not a path', (path) => {
    expect(pathProblem(site, path, { write: true })).toMatch(/is not a file path/);
  });

  test('every path of a request, renames and uploads included, is found', () => {
    expect(
      requestedPaths('persistEntry', {
        dataFiles: [{ path: 'a.md', newPath: 'b.md' }, { path: 'c.md' }],
        assets: [{ path: 'd.jpg' }],
      }).writes,
    ).toEqual(['a.md', 'b.md', 'c.md', 'd.jpg']);
    expect(requestedPaths('persistEntry', { entry: { path: 'a.md' }, assets: 'x' }).writes).toEqual(['a.md', 'x']);
    expect(requestedPaths('deleteFiles', { paths: ['a', 'b'] }).writes).toEqual(['a', 'b']);
    expect(requestedPaths('persistMedia', {}).writes).toEqual([undefined]);
    expect(requestedPaths('entriesByFiles', { files: [{ path: 'a' }, null] }).reads).toEqual(['a', undefined]);
  });
});
