import { afterAll, describe, expect, test } from 'vitest';
import { page, removeSites, writeSite } from '../test/write-site.ts';
import { checkLinks, siteUrlOf } from './links.ts';
import { readPages } from './page-types.ts';

afterAll(removeSites);

function brokenLinks(files: Record<string, string>, base = '/') {
  const dist = writeSite(files);
  return checkLinks(dist, base, readPages(dist, base));
}

describe('checkLinks', () => {
  const site = {
    'index.html': page('home', {
      body: `<h1 id="top-heading">Home</h1>
        <a href="/about/">ok</a> <a href="/about">ok, redirected</a> <a href="about/#team">ok, relative</a>
        <a href="/news/first/#more">ok, fragment</a> <a href="#top-heading">ok, on this page</a> <a href="#">ok, empty</a>
        <a href="/about/#nobody">broken fragment</a> <a href="#nowhere">broken fragment here</a>
        <a href="/missing/">broken page</a> <img src="/missing.png" alt="x" srcset="/pic-640.webp 640w, /pic-1024.webp 1024w">
        <a href="https://example.org/nope/">another site</a> <a href="mailto:a@example.org">mail</a> <a href="/about/?tab=1">query</a>`,
    }),
    'about/index.html': page('page', { body: '<h1>About</h1><h2 id="team">Team</h2>' }),
    'news/first/index.html': page('news-post', { body: '<h1 id="more">First</h1>' }),
    'style.css': 'body { background: url("/pic-640.webp"); } /* url(/commented-out.png) */ @font-face { src: url(fonts/gone.woff2) format("woff2"); }',
    'pic-640.webp': '',
  };

  test('reports links to missing pages and files, and fragments with no element, naming the page', () => {
    const { broken } = brokenLinks(site);
    expect(broken).toEqual(
      expect.arrayContaining([
        { from: '/', href: '/about/#nobody', reason: 'no element with id "nobody" on /about/' },
        { from: '/', href: '#nowhere', reason: 'no element with id "nowhere" on this page' },
        { from: '/', href: '/missing/', reason: 'no such page or file (a static host answers 404)' },
        { from: '/', href: '/missing.png', reason: 'no such page or file (a static host answers 404)' },
        { from: '/', href: '/pic-1024.webp', reason: 'no such page or file (a static host answers 404)' },
        { from: '/style.css', href: 'fonts/gone.woff2', reason: 'no such page or file (a static host answers 404)' },
      ]),
    );
    expect(broken).toHaveLength(6);
  });

  test('explains a "%" that starts no escape, and names the prefixed id of a section', () => {
    const { broken } = brokenLinks({
      'index.html': page('home', { body: '<h1>Home</h1><a href="/about%zz/">bad escape</a><a href="/100%25/">ok</a><a href="/about/#costs">unprefixed</a>' }),
      'about/index.html': page('page', { body: '<h1>About</h1><h2 id="user-content-costs">Costs</h2>' }),
      '100%/index.html': page('page', { body: '<h1>100%</h1>' }),
    });
    expect(broken.filter(({ href }) => href !== '/style.css')).toEqual([
      { from: '/', href: '/about%zz/', reason: 'a "%" in it starts no escape (after "%" come two hexadecimal digits; a percent sign is written %25)' },
      { from: '/', href: '/about/#costs', reason: 'no element with id "costs" on /about/; the section\'s id is "user-content-costs"' },
    ]);
  });

  test('counts only the links into the site', () => {
    // 14 distinct internal links on the home page (mail and the other site are not followed),
    // the stylesheet link on each of the two other pages, 2 url()s in the stylesheet.
    expect(brokenLinks(site).checked).toBe(18);
  });

  test('under a base path, a link that leaves the base path is broken', () => {
    const { broken } = brokenLinks(
      {
        'index.html': page('home', {
          head: '',
          body: '<h1>Home</h1><a href="/sub/about/">ok</a><a href="about/">ok</a><a href="/about/">forgot the base</a><a href="../">above the base</a>',
        }),
        'about/index.html': page('page', { head: '<link rel="stylesheet" href="/sub/style.css">' }),
        'style.css': '',
      },
      '/sub/',
    );
    expect(broken.map(({ href, reason }) => [href, reason])).toEqual([
      ['/about/', "it leaves the site's base path /sub/"],
      ['../', "it leaves the site's base path /sub/"],
    ]);
  });

  test('checks full links into the site by its canonical address, social cards included', () => {
    const head = '<link rel="canonical" href="https://example.coop/sub/"><meta property="og:image" content="https://example.coop/sub/card.jpg">';
    // The canonical address itself is a full link into the site, so it is checked too.
    const { broken } = brokenLinks(
      {
        'index.html': page('home', {
          head,
          body: '<h1>Home</h1><a href="https://example.coop/sub/about/">ok</a><a href="https://example.coop/sub/gone/">gone</a>',
        }),
        'about/index.html': page('page', { head: '' }),
      },
      '/sub/',
    );
    expect(broken.map(({ href }) => href)).toEqual(['https://example.coop/sub/card.jpg', 'https://example.coop/sub/gone/']);
  });
});

test('siteUrlOf reads the canonical link of the home page', () => {
  const dist = writeSite({ 'index.html': page('home', { head: '<link rel="canonical" href="https://example.coop">' }) });
  expect(siteUrlOf(readPages(dist, '/'), '/')).toBe('https://example.coop/');
});
