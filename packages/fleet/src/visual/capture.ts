import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { browserMissing, CheckError, findBrowser, launchBrowser, normaliseBase, pickPageOfEachType, readPages, serveSite } from '@openoutreach/check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SiteError } from '../fleet-error.ts';
import type { Scheme, Shot, Width } from '../types.ts';

/** The viewport of each width: a common phone and a laptop. Heights only matter to `100vh`; the shot is the full page. */
export const VIEWPORTS: Record<Width, { width: number; height: number }> = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

export const SCHEMES: readonly Scheme[] = ['light', 'dark'];

export interface CaptureOptions {
  /** The built site. */
  dist: string;
  /** The base path it was built for; `/` when omitted. */
  base?: string;
  /** Where the PNGs go (created if missing). */
  outDir: string;
  /** The folder `Shot.file` is relative to (the report's); `outDir` when omitted. */
  reportDir?: string;
  /** A Chromium to reuse across sites; launched (and closed) here when omitted. */
  browser?: Browser;
}

/** A page-type key (`donate`, `donate (es)`) as a file name: `donate`, `donate-es`. */
export function shotName(pageType: string, width: Width, scheme: Scheme): string {
  const slug = pageType
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'page'}-${width}-${scheme}.png`;
}

/**
 * Makes every image load now rather than when scrolled to (a full-page shot does not scroll), then
 * waits for each to load and decode, for the fonts, and for every request still under way (a CSS
 * background, a `<picture>` source of the other scheme): what the shot shows is the finished page.
 */
async function settle(page: Page, inFlight: () => number): Promise<void> {
  await page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) if (image.loading === 'lazy') image.loading = 'eager';
    const loaded = (image: HTMLImageElement) =>
      image.complete
        ? Promise.resolve()
        : new Promise<void>((done) => {
            image.addEventListener('load', () => done(), { once: true });
            image.addEventListener('error', () => done(), { once: true });
          });
    // An image that never answers must not hold the site up: after 10 s it is shot as it is.
    const allLoaded = Promise.all(images.map((image) => loaded(image).then(() => image.decode().catch(() => undefined))));
    await Promise.race([allLoaded, new Promise((done) => setTimeout(done, 10_000))]);
    await document.fonts.ready;
  });
  // Waiting for the network to be quiet (Playwright's `networkidle`) costs half a second a page;
  // counting the requests under way is enough, as nothing on a page starts loading by itself later.
  const deadline = Date.now() + 10_000;
  while (inFlight() > 0 && Date.now() < deadline) await page.waitForTimeout(20);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Counts the page's requests that have neither finished nor failed. */
function countRequests(page: Page): () => number {
  const open = new Set<unknown>();
  page.on('request', (request) => open.add(request));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return () => open.size;
}

/**
 * A context at one width that reaches nothing but the site and draws one device pixel per CSS
 * pixel. Motion is not reduced (most visitors see the page without that preference): the
 * screenshot itself stops animations and transitions.
 */
async function contextAt(browser: Browser, width: Width, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORTS[width], deviceScaleFactor: 1, colorScheme: 'light' });
  const isOwn = (address: string) => address === origin || address.startsWith(`${origin}/`) || address.startsWith('data:');
  await context.route('**/*', (route) => (isOwn(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  return context;
}

/**
 * Screenshots one page of every page type (the pages `openoutreach-check` opens) at a phone and a
 * desktop width, each in light and dark, as full-page PNGs in `outDir`. The same dist gives the same
 * PNGs byte for byte: the site is served from disk, nothing outside it loads, animations and the
 * caret are off, and every image and font is in before the shot.
 */
export async function captureShots(options: CaptureOptions): Promise<Shot[]> {
  const dist = resolve(options.dist);
  const base = normaliseBase(options.base);
  const outDir = resolve(options.outDir);
  const reportDir = resolve(options.reportDir ?? outDir);
  const picked = pickPageOfEachType(readPages(dist, base));
  mkdirSync(outDir, { recursive: true });
  let browser = options.browser;
  if (!browser) {
    const executable = findBrowser();
    if (!executable) throw new CheckError(browserMissing());
    browser = await launchBrowser(executable);
  }
  const server = await serveSite(dist, base);
  const shots: Shot[] = [];
  try {
    for (const width of Object.keys(VIEWPORTS) as Width[]) {
      const context = await contextAt(browser, width, server.origin);
      try {
        for (const [pageType, sitePage] of picked) {
          const page = await context.newPage();
          page.setDefaultTimeout(30_000);
          const inFlight = countRequests(page);
          try {
            const response = await page.goto(server.origin + sitePage.path, { waitUntil: 'load' });
            if (!response || response.status() >= 400) throw new Error(`HTTP ${response?.status() ?? 'no answer'}`);
            for (const scheme of SCHEMES) {
              await page.emulateMedia({ colorScheme: scheme });
              await settle(page, inFlight);
              const file = join(outDir, shotName(pageType, width, scheme));
              await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' });
              shots.push({ pageType, path: sitePage.path, width, scheme, file: relative(reportDir, file) });
            }
          } catch (error) {
            const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
            throw new SiteError(`could not screenshot ${sitePage.path} (${pageType}) at the ${width} width: ${reason}`);
          } finally {
            await page.close();
          }
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
    if (!options.browser) await browser.close();
  }
  return shots;
}
