import { afterAll, describe, expect, test } from 'vitest';
import { removeSites, writeSite } from '../test/write-site.ts';
import { filesIn, normaliseBase, resolvePath, urlPathOf } from './site-files.ts';

afterAll(removeSites);

describe('normaliseBase', () => {
  test.each([
    [undefined, '/'],
    ['/', '/'],
    ['sub-path', '/sub-path/'],
    ['/sub-path', '/sub-path/'],
    ['//a/b//', '/a/b/'],
  ])('%s → %s', (base, expected) => expect(normaliseBase(base)).toBe(expected));
});

test('urlPathOf maps index files to their folder and keeps other files', () => {
  expect(urlPathOf('index.html', '/')).toBe('/');
  expect(urlPathOf('about/index.html', '/')).toBe('/about/');
  expect(urlPathOf('404.html', '/base/')).toBe('/base/404.html');
  expect(urlPathOf('_astro/site.css', '/base/')).toBe('/base/_astro/site.css');
});

describe('resolvePath, as a static host answers', () => {
  const dist = writeSite({ 'index.html': '', 'about/index.html': '', 'empty/.keep': '', 'site.css': '' });

  test('serves index.html for a folder and files as they are', () => {
    expect(resolvePath(dist, '/base/', '/base/')).toEqual({ kind: 'file', file: 'index.html' });
    expect(resolvePath(dist, '/base/', '/base/about/')).toEqual({ kind: 'file', file: 'about/index.html' });
    expect(resolvePath(dist, '/base/', '/base/site.css')).toEqual({ kind: 'file', file: 'site.css' });
  });

  test('redirects a folder without its trailing slash, and the base itself', () => {
    expect(resolvePath(dist, '/base/', '/base/about')).toEqual({ kind: 'redirect', location: '/base/about/' });
    expect(resolvePath(dist, '/base/', '/base')).toEqual({ kind: 'redirect', location: '/base/' });
  });

  test('finds nothing outside the base, above dist, or in a folder without index.html', () => {
    expect(resolvePath(dist, '/base/', '/about/')).toEqual({ kind: 'outside-base' });
    expect(resolvePath(dist, '/base/', '/base/../etc/passwd')).toEqual({ kind: 'missing' });
    expect(resolvePath(dist, '/base/', '/base/empty/')).toEqual({ kind: 'missing' });
    expect(resolvePath(dist, '/base/', '/base/nope/')).toEqual({ kind: 'missing' });
  });

  test('filesIn lists files by extension, sorted, with / separators', () => {
    expect(filesIn(dist, ['.html'])).toEqual(['about/index.html', 'index.html']);
  });
});
