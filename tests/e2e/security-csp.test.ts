import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INTERACTIONS, visitForCsp } from '../../packages/check/src/csp.ts';
import { launchBrowser } from '../support/browser.ts';
import { astroBuild } from '../support/build.ts';
import { findNginx, serveWithNginx } from '../support/nginx.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { fixture, REPO_ROOT, SITES } from '../support/sites.ts';

/**
 * The Content-Security-Policy of a built site, in real Chromium: the kit's own pages break none of
 * it, before or after a visitor shows the map, plays a video, opens a photo or searches; code that
 * got into a page anyway does not run; the headers files say what a <meta> cannot.
 */
const { dist, dir } = SITES.starter;
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const policyOf = (page: string) =>
  [...page.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/g)].map((match) => match[1]!.replaceAll('&#39;', "'"));

describe('the policy every page carries', () => {
  test('comes first in <head>, and allows the site, map tiles and the video players only', () => {
    const home = html('');
    expect(home).toMatch(/^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/);
    const [policy] = policyOf(home);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    expect(policy).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com;');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/=]+')+;/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });

  test("the CMS page has its own stricter policy first: Decap's evaluation, no video frames", () => {
    const [own, astro] = policyOf(html('admin'));
    expect(own).toContain("script-src 'self' 'unsafe-eval'");
    expect(own).toContain("frame-src 'self' blob:;");
    expect(own).not.toContain('youtube');
    expect(astro).toContain("'unsafe-eval'");
  });
});

describe('in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveStatic(dist);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const visit = (path: string, names: string[] = []) =>
    visitForCsp(browser, {
      path,
      url: `${server.origin}${path}`,
      origin: server.origin,
      interactions: INTERACTIONS.filter((interaction) => names.some((name) => interaction.name.includes(name))),
    });

  test.each([
    ['an event with a map', '/events/spring-clean-up/', ['Show map']],
    ['an album, its photo viewer and its videos', '/albums/autumn-on-maple-street/', ['photo', 'video']],
    ['the search page', '/search/', ['searching']],
    ['the home page', '/', []],
    ['the CMS', '/admin/', []],
  ])('%s: no violation on loading or after each click', async (_, path, names) => {
    const result = await visit(path, names);
    expect(result.actions).toHaveLength(names.length + 1);
    expect(result.error).toBeUndefined();
    expect(result.violations).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  test('a played video is a sandboxed frame of youtube-nocookie.com that the policy allows', async () => {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    await page.goto(`${server.origin}/albums/autumn-on-maple-street/`);
    await page.locator('[data-embed-src*="youtube"]').first().click();
    const frame = page.locator('iframe[src*="youtube-nocookie.com"]');
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation');
    expect(await frame.getAttribute('allow')).toBe('autoplay; fullscreen; picture-in-picture');
    await context.close();
  });

  test('script that got into a page anyway does not run, and Chromium reports it', async () => {
    const context = await browser.newContext();
    await context.addInitScript(
      "window.__refused = []; document.addEventListener('securitypolicyviolation', (event) => window.__refused.push(event.effectiveDirective), true);",
    );
    const page = await context.newPage();
    await page.goto(`${server.origin}/events/spring-clean-up/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.append(script);
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="/nowhere.png" onerror="window.__pwned = \'handler\'"><a id="x" href="javascript:window.__pwned=\'link\'">x</a>',
      );
      const external = document.createElement('script');
      external.src = 'https://evil.example/x.js';
      document.body.append(external);
      const frame = document.createElement('iframe');
      frame.src = 'https://evil.example/';
      document.body.append(frame);
    });
    await page.locator('#x').click();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const refused = await page.evaluate(() => (window as unknown as { __refused: string[] }).__refused);
    expect(new Set(refused)).toEqual(new Set(['script-src-elem', 'script-src-attr', 'frame-src']));
    await context.close();
  });
});

describe('the headers files', () => {
  test('_headers gives every page frame-ancestors, nosniff and a referrer policy, and /admin/ its policy', () => {
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    expect(headers).toContain(
      "/*\n  Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n",
    );
    expect(headers).toMatch(/\/admin\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval'/);
  });

  test('the nginx snippet is written beside dist/, not published', () => {
    expect(existsSync(join(dir, 'openoutreach-nginx.conf'))).toBe(true);
    expect(existsSync(join(dist, 'openoutreach-nginx.conf'))).toBe(false);
  });

  describe.skipIf(!findNginx())('served by nginx with the snippet included', () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveWithNginx(dist, '/', { include: join(dir, 'openoutreach-nginx.conf') });
    });
    afterAll(async () => server?.close());

    test('every response carries the headers, and the CMS its policy as a second one', async () => {
      for (const path of ['', 'events/spring-clean-up/', 'no-such-page/']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      }
      for (const path of ['admin/', 'admin/config.yml']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(200);
        const [frames, admin] = response.headers.get('content-security-policy')!.split(', ');
        expect(frames).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
        expect(admin).toMatch(/^default-src 'self'; script-src 'self' 'unsafe-eval'/);
      }
    });

    test('a page cannot be framed by another site', async () => {
      const browser = await launchBrowser();
      const page = await browser.newPage();
      await page.setContent(`<iframe src="${server.url}admin/"></iframe>`);
      await page.waitForTimeout(1000);
      // Chromium puts its error page in place of a page whose frame-ancestors refuse the parent.
      expect(page.frames().map((frame) => frame.url())).not.toContain(`${server.url}admin/`);
      await browser.close();
    }, 60_000);
  });
});

describe('a PeerTube video on an instance the settings do not list', () => {
  test('stops the build with the file, the field and the fix', async () => {
    const site = join(REPO_ROOT, 'tests/.output/security-csp/peertube');
    rmSync(site, { recursive: true, force: true });
    cpSync(fixture('minimal'), site, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
    const files: Record<string, string> = {
      'astro.config.mjs':
        "import { defineConfig } from 'astro/config';\nimport openOutreach from '@openoutreach/astro';\nexport default defineConfig({ site: 'https://x.example', integrations: [openOutreach({ features: { albums: true } })] });\n",
      'src/content/albums/fair.md':
        '---\ntitle: Fair\ndate: 2026-05-01\nphotos:\n  - src: ../../assets/photo.jpg\n    alt: A stall\nvideos:\n  - url: https://tube.evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv\n    title: Highlights\n---\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), text);
    }
    cpSync(join(SITES.starter.dir, 'src/assets/albums/street-houses.jpg'), join(site, 'src/assets/photo.jpg'));
    const { code, output } = await astroBuild(site);
    expect(code).toBe(1);
    expect(output).toContain('src/content/albums/fair.md');
    expect(output).toContain('videos[0].url');
    expect(output).toContain('tube.evil.example is not one of the PeerTube instances this site plays videos from');
    expect(output).toContain('add "tube.evil.example" under videos: peertube: in src/settings/site.yaml');
    expect(output, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }, 120_000);
});
