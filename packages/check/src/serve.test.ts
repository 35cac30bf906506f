import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeSites, writeSite } from '../test/write-site.ts';
import { serveSite, type SiteServer } from './serve.ts';

afterAll(removeSites);

let server: SiteServer;
beforeAll(async () => {
  server = await serveSite(writeSite({ 'index.html': 'home', 'about/index.html': 'about', '404.html': 'not found', 'site.css': 'body{}' }), '/base/');
});
afterAll(() => server?.close());

const get = (path: string) => fetch(server.origin + path, { redirect: 'manual' });

test('serves the site at its base path on 127.0.0.1', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/base\/$/);
  const home = await get('/base/');
  expect([home.status, await home.text()]).toEqual([200, 'home']);
  expect((await get('/base/site.css')).headers.get('content-type')).toMatch(/^text\/css/);
});

test('redirects a folder to its trailing slash', async () => {
  const response = await get('/base/about');
  expect([response.status, response.headers.get('location')]).toEqual([301, '/base/about/']);
});

test('answers anything missing, inside the base or not, with 404.html and status 404', async () => {
  for (const path of ['/base/nope/', '/about/', '/base/%2e%2e/secret']) {
    const response = await get(path);
    expect([response.status, await response.text()]).toEqual([404, 'not found']);
  }
});
