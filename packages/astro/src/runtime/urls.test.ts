import { describe, expect, it } from 'vitest';
import { joinBase, siteHref } from './urls.ts';

describe('joinBase', () => {
  it.each([
    ['', '/', '/'],
    ['', '', '/'],
    ['', '/news/', '/news/'],
    ['', '/news', '/news/'],
    ['', 'news', '/news/'],
    ['', '//news/', '/news/'],
    ['', '/about/history', '/about/history/'],
    ['', '/rss.xml', '/rss.xml'],
    ['/my-repo', '/', '/my-repo/'],
    ['/my-repo', '', '/my-repo/'],
    ['/my-repo', '/news/', '/my-repo/news/'],
    ['/my-repo/', '/news', '/my-repo/news/'],
    ['/my-repo//', 'news/', '/my-repo/news/'],
    ['/my-repo', '/rss.xml', '/my-repo/rss.xml'],
    ['/my-repo', '/robots.txt', '/my-repo/robots.txt'],
    ['/my-repo', '/news/page/2', '/my-repo/news/page/2/'],
  ])('joins base %j and path %j as %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});

describe('siteHref', () => {
  it('prefixes paths of the site with the base', () => {
    expect(siteHref('/my-repo', '/news/')).toBe('/my-repo/news/');
    expect(siteHref('/my-repo', '/rss.xml')).toBe('/my-repo/rss.xml');
    expect(siteHref('', '/about')).toBe('/about/');
  });

  it.each(['https://donate.example.org/', 'http://x.example', 'mailto:hello@example.org', 'tel:+15550100', '//cdn.example.org/x', '#top'])(
    'leaves %j alone',
    (href) => {
      expect(siteHref('/my-repo', href)).toBe(href);
    },
  );
});
