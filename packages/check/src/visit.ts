import type { Browser } from 'playwright-core';
import { axeViolations, type AxeViolation } from './axe.ts';
import { resourceKind, type ResourceKind } from './budgets.ts';

/** One response the page loaded from the site. */
export interface LoadedResource {
  url: string;
  kind: ResourceKind;
  /** Decoded body size: the check serves without compression, so these are uncompressed bytes. */
  bytes: number;
  status: number;
}

/** What one page did in Chromium: what it loaded, what it asked other hosts for, what axe found. */
export interface PageVisit {
  type: string;
  /** URL path, base included. */
  path: string;
  url: string;
  /** HTTP status of the page itself; undefined when it did not load. */
  status: number | undefined;
  resources: LoadedResource[];
  /** Every request to anywhere but the site's own origin (blocked, so they never leave). */
  foreignRequests: string[];
  /** Requests to the site that failed (status 400 or more, or no answer). */
  failedRequests: { url: string; reason: string }[];
  violations: AxeViolation[];
  /** Why the page could not be checked, if it could not. */
  error?: string;
}

const IGNORED_SCHEMES = /^(data|blob|about|chrome-extension):/;

/**
 * Opens `url` in a fresh browser context (so nothing comes from cache), waits until the network is
 * quiet and the fonts are in, and records every request; then runs axe.
 */
export async function visitPage(
  browser: Browser,
  { type, path, url, origin }: { type: string; path: string; url: string; origin: string },
): Promise<PageVisit> {
  const visit: PageVisit = { type, path, url, status: undefined, resources: [], foreignRequests: [], failedRequests: [], violations: [] };
  const context = await browser.newContext();
  const isOwn = (address: string) => address === origin || address.startsWith(`${origin}/`);
  await context.route('**/*', (route) => (isOwn(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const sizes: Promise<void>[] = [];
  page.on('request', (request) => {
    const address = request.url();
    if (!isOwn(address) && !IGNORED_SCHEMES.test(address)) visit.foreignRequests.push(address);
  });
  page.on('requestfailed', (request) => {
    const address = request.url();
    if (isOwn(address)) visit.failedRequests.push({ url: address, reason: request.failure()?.errorText ?? 'failed' });
  });
  page.on('response', (response) => {
    const address = response.url();
    const status = response.status();
    if (!isOwn(address) || (status >= 300 && status < 400)) return;
    const isPage = response.request().isNavigationRequest() && response.frame() === page.mainFrame();
    if (status >= 400 && !isPage) visit.failedRequests.push({ url: address, reason: `HTTP ${status}` });
    const kind = resourceKind(response.request().resourceType(), response.headers()['content-type']);
    sizes.push(
      response.body().then(
        (body) => void visit.resources.push({ url: address, kind, bytes: body.length, status }),
        () => undefined,
      ),
    );
  });
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    visit.status = response?.status();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    await Promise.all(sizes);
    visit.violations = await axeViolations(page);
  } catch (error) {
    visit.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context.close();
  }
  return visit;
}
