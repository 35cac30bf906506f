import { afterAll, expect, test } from 'vitest';
import { page, removeSites, writeSite } from '../test/write-site.ts';
import { pickPageOfEachType, readPages } from './page-types.ts';

afterAll(removeSites);

const dist = writeSite({
  'index.html': page('home'),
  'news/a-long-post-name/index.html': page('news-post'),
  'news/b/index.html': page('news-post'),
  'news/a/index.html': page('news-post'),
  'zebra/index.html': page('partners'),
  'about/index.html': page('page'),
  '404.html': page('not-found'),
  'admin/index.html': '<!DOCTYPE html><html><body><p>CMS</p></body></html>',
});

test('readPages reads every HTML file with its URL path and data-page-type', () => {
  const pages = readPages(dist, '/base/');
  expect(pages.map(({ file, path, type }) => ({ file, path, type }))).toContainEqual({ file: 'about/index.html', path: '/base/about/', type: 'page' });
  expect(pages.find((page) => page.file === 'admin/index.html')?.type).toBeUndefined();
  expect(pages).toHaveLength(8);
});

test('pickPageOfEachType picks one page per type: the shortest path, then the first alphabetically', () => {
  const picked = pickPageOfEachType(readPages(dist, '/'));
  expect(Object.fromEntries([...picked].map(([type, page]) => [type, page.path]))).toEqual({
    home: '/',
    page: '/about/',
    'news-post': '/news/a/',
    'not-found': '/404.html',
    partners: '/zebra/',
  });
});

test("orders the kit's page types first, in the kit's order, then others", () => {
  expect([...pickPageOfEachType(readPages(dist, '/')).keys()]).toEqual(['home', 'page', 'news-post', 'not-found', 'partners']);
  const withEvent = writeSite({ 'index.html': page('home'), '404.html': page('not-found'), 'e/index.html': page('event'), 'a/index.html': page('partners') });
  expect([...pickPageOfEachType(readPages(withEvent, '/')).keys()]).toEqual(['home', 'event', 'not-found', 'partners']);
});

test('picks one page of each type in each language of a multilingual site, the main language unmarked', () => {
  const lang = (type: string, language: string) => page(type).replace('<html', `<html lang="${language}"`);
  const site = writeSite({
    'index.html': lang('home', 'en'),
    'es/index.html': lang('home', 'es'),
    'donate/index.html': lang('donate', 'en'),
    'es/donate/index.html': lang('donate', 'es'),
  });
  const picked = pickPageOfEachType(readPages(site, '/'));
  expect(Object.fromEntries([...picked].map(([key, picked]) => [key, picked.path]))).toEqual({
    home: '/',
    'home (es)': '/es/',
    donate: '/donate/',
    'donate (es)': '/es/donate/',
  });
  expect([...picked.keys()]).toEqual(['home', 'home (es)', 'donate', 'donate (es)']);
});
