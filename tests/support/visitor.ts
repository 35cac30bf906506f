import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { setByHooks } from './hook-values.ts';
import { axeViolations, watchRequests } from './page-checks.ts';
import { serveStatic, type StaticServer } from './server.ts';

/** A built site served on loopback, with a Chromium and one page to visit it. */
export interface SiteVisit {
  browser: Browser;
  server: StaticServer;
  /** A page of its own browser context, waiting at most 10 s for anything. */
  page: Page;
  /** What `page` has asked the network for (see `watchRequests`). */
  requests: ReturnType<typeof watchRequests>;
}

export interface VisitOptions {
  /** The base path the site was built for, as `serveStatic` takes it; `/` by default. */
  base?: string;
}

/**
 * Registers the `beforeAll` and `afterAll` hooks of the surrounding file or `describe` that launch
 * Chromium, serve `dist` and open a page, then close all three. The returned object's properties
 * are set by the `beforeAll` hook, so they are only valid inside tests and hooks; reading one
 * earlier (at the top of a file, say) throws instead of handing out `undefined`.
 */
export function visitSite(dist: string, options: VisitOptions = {}): SiteVisit {
  const opened: Partial<SiteVisit> = {};
  beforeAll(async () => {
    opened.browser = await launchBrowser();
    opened.server = await serveStatic(dist, options.base);
    opened.page = await (await opened.browser.newContext()).newPage();
    opened.page.setDefaultTimeout(10_000);
    opened.requests = watchRequests(opened.page, opened.server.origin);
  });
  afterAll(async () => {
    await opened.page?.context().close();
    await opened.browser?.close();
    await opened.server?.close();
  });
  return setByHooks('visitSite', opened, ['browser', 'server', 'page', 'requests']);
}

/**
 * axe violations of the current page in light, then dark colour scheme, each line labelled with
 * its scheme (empty when both pass). The page is left in light mode.
 */
export async function axeInLightAndDark(page: Page): Promise<string[]> {
  const violations: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    violations.push(...(await axeViolations(page)).map((violation) => `${colorScheme} mode: ${violation}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return violations;
}
