import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findBrowser, launchBrowser } from '@openoutreach/check';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureShots, shotName } from './capture.ts';

const RED = [220, 20, 60];

function solidPng(width: number, height: number, [r, g, b]: number[]): Buffer {
  const png = new PNG({ width, height });
  for (let at = 0; at < png.data.length; at += 4) png.data.set([r!, g!, b!, 255], at);
  return PNG.sync.write(png);
}

const page = (type: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${type}</title><link rel="stylesheet" href="/base/style.css"></head><body data-page-type="${type}"><main>${body}</main></body></html>`;

/**
 * A site that moves: a spinner that never stops, a transition on load, a focused text field (the
 * caret blinks), a tall page whose only image is lazy and far below the first screen, a dark scheme.
 */
const MOVING_SITE: Record<string, string | Buffer> = {
  'index.html': page(
    'home',
    `<h1 class="fade">Home</h1><div class="spinner"></div><input autofocus aria-label="Search">
     <div style="height: 2400px"></div><img src="/base/red.png" loading="lazy" width="200" height="100" alt="A red box" id="late">`,
  ),
  'about/index.html': page('page', '<h1>About</h1><p>A page.</p>'),
  'about/team/index.html': page('page', '<h1>Team</h1>'),
  '404.html': page('not-found', '<h1>Not found</h1>'),
  'style.css': `
    body { margin: 0; font: 16px/1.5 sans-serif; background: #fff; color: #111; }
    @media (prefers-color-scheme: dark) { body { background: #000; color: #eee; } }
    .spinner { width: 40px; height: 40px; background: linear-gradient(90deg, #06c, #fc0); animation: spin 0.7s linear infinite; }
    @keyframes spin { to { transform: rotate(360deg); } }
    .fade { animation: fade 3s ease-in; }
    @keyframes fade { from { opacity: 0; } }
    img { display: block; }`,
  'red.png': solidPng(200, 100, RED),
};

function writeSite(files: Record<string, string | Buffer>): string {
  const dist = mkdtempSync(join(tmpdir(), 'oo-fleet-shots-'));
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), contents);
  }
  return dist;
}

test('a shot is named for its page type, width and scheme, as a plain file name', () => {
  expect(shotName('news-post', 'phone', 'dark')).toBe('news-post-phone-dark.png');
  expect(shotName('donate (es)', 'desktop', 'light')).toBe('donate-es-desktop-light.png');
  expect(shotName('../Étude', 'phone', 'light')).toBe('étude-phone-light.png');
});

const chromePath = findBrowser();
const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'oo-fleet-out-'));
  folders.push(dir);
  return dir;
};

describe.skipIf(!chromePath)('captureShots in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let dist: string;
  beforeAll(async () => {
    browser = await launchBrowser(chromePath!);
    dist = writeSite(MOVING_SITE);
    folders.push(dist);
  });
  afterAll(async () => {
    await browser?.close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  test('one full-page shot per page type, width and scheme; the same site gives the same PNGs byte for byte', async () => {
    const first = tempDir();
    const second = tempDir();
    const shots = await captureShots({ dist, base: '/base/', outDir: join(first, 'before'), reportDir: first, browser });
    expect(shots.map(({ pageType, path, width, scheme, file }) => [pageType, path, width, scheme, file])).toEqual([
      ['home', '/base/', 'phone', 'light', 'before/home-phone-light.png'],
      ['home', '/base/', 'phone', 'dark', 'before/home-phone-dark.png'],
      ['page', '/base/about/', 'phone', 'light', 'before/page-phone-light.png'],
      ['page', '/base/about/', 'phone', 'dark', 'before/page-phone-dark.png'],
      ['not-found', '/base/404.html', 'phone', 'light', 'before/not-found-phone-light.png'],
      ['not-found', '/base/404.html', 'phone', 'dark', 'before/not-found-phone-dark.png'],
      ['home', '/base/', 'desktop', 'light', 'before/home-desktop-light.png'],
      ['home', '/base/', 'desktop', 'dark', 'before/home-desktop-dark.png'],
      ['page', '/base/about/', 'desktop', 'light', 'before/page-desktop-light.png'],
      ['page', '/base/about/', 'desktop', 'dark', 'before/page-desktop-dark.png'],
      ['not-found', '/base/404.html', 'desktop', 'light', 'before/not-found-desktop-light.png'],
      ['not-found', '/base/404.html', 'desktop', 'dark', 'before/not-found-desktop-dark.png'],
    ]);
    const again = await captureShots({ dist, base: '/base/', outDir: second, browser });
    expect(again.map((shot) => shot.file)).toEqual(shots.map((shot) => shot.file.replace('before/', '')));
    for (const shot of shots) {
      const bytes = readFileSync(join(first, shot.file));
      expect(bytes.equals(readFileSync(join(second, shot.file.replace('before/', ''))))).toBe(true);
    }
  });

  test('the shot is the whole page at the width, in the scheme, with the lazy image far down drawn', async () => {
    const out = tempDir();
    await captureShots({ dist, base: '/base/', outDir: out, browser });
    const phone = PNG.sync.read(readFileSync(join(out, 'home-phone-light.png')));
    const desktop = PNG.sync.read(readFileSync(join(out, 'home-desktop-dark.png')));
    expect(phone.width).toBe(390);
    expect(desktop.width).toBe(1280);
    expect(phone.height).toBeGreaterThan(2400 + 100);
    const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    // The image is the page's last 100 px, at the left edge: lazy, yet drawn.
    expect(pixel(phone, 100, phone.height - 50)).toEqual(RED);
    expect(pixel(phone, 300, phone.height - 50)).toEqual([255, 255, 255]);
    expect(pixel(desktop, 600, desktop.height - 50)).toEqual([0, 0, 0]);
  });
});
