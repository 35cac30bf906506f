import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const written: string[] = [];

/** Writes a tiny built site (file path → contents) into a fresh temporary folder and returns it. */
export function writeSite(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'oo-check-'));
  written.push(dist);
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), contents);
  }
  return dist;
}

/** Removes every site writeSite() wrote: pass it to `afterAll` in each test file that writes one. */
export function removeSites(): void {
  for (const dist of written.splice(0)) rmSync(dist, { recursive: true, force: true });
}

/** A valid, accessible page of the given type; `body` goes inside `<main>`, `head` (a stylesheet link unless given) into `<head>`. */
export function page(type: string, { title = 'A page', body = '<h1>A page</h1>', head = '<link rel="stylesheet" href="/style.css">' } = {}): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body data-page-type="${type}"><main id="main">${body}</main></body></html>`;
}

/** A small site that passes every gate: one page of each of four types, a stylesheet, a 404 page. */
export const VALID_SITE: Record<string, string> = {
  'index.html': page('home', {
    title: 'Home',
    body: '<h1>Home</h1><p><a href="/about/">About</a>, <a href="/news/first/#more">news</a>, <a href="/about">about</a>.</p>',
  }),
  'about/index.html': page('page', { title: 'About', body: '<h1>About</h1><p><a href="/">Home</a> <a href="#main">top of main</a></p>' }),
  'news/first/index.html': page('news-post', {
    title: 'First',
    body: '<h1>First</h1><h2 id="more">More</h2><p><a href="https://example.org/">elsewhere</a></p>',
  }),
  '404.html': page('not-found', { title: 'Not found', body: '<h1>Not found</h1><p><a href="/">Home</a></p>' }),
  'style.css': 'body { font-family: system-ui, sans-serif; color: #111; background: #fff; }',
};

/** `files` as built for `base`: their root-relative links and sources start with it. */
export function builtFor(base: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([file, contents]) => [file, contents.replace(/(href|src)="\//g, `$1="${base}`)]));
}
