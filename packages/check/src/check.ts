import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBudgets, type Budgets } from './budgets.ts';
import { browserMissing, findBrowser, launchBrowser } from './browser.ts';
import { CheckError } from './check-error.ts';
import { pagesForCsp, visitForCsp, type CspVisit } from './csp.ts';
import { accessibilityGate, cspGate, htmlGate, linksGate, pageTypesGate, pageWeights, thirdPartiesGate, weightGate } from './gates.ts';
import { findJava, htmlErrors, JAVA_MISSING } from './html-validity.ts';
import { LIGHTHOUSE_PAGE_TYPES, runLighthouse } from './lighthouse.ts';
import { inParallel } from './in-parallel.ts';
import { checkLinks } from './links.ts';
import { pickPageOfEachType, readPages, type SitePage } from './page-types.ts';
import type { CheckReport } from './report.ts';
import { serveSite } from './serve.ts';
import { normaliseBase } from './site-files.ts';
import { visitPage, type PageVisit } from './visit.ts';

export interface CheckOptions {
  /** The built site, as `astro build` wrote it. */
  dist: string;
  /** The base path the site was built for, e.g. `/sub-path/`; `/` when omitted. */
  base?: string;
  /** Also run Lighthouse on the home page, a news post, an event and the search page. */
  lighthouse?: boolean;
  /** A JSON file of page-weight budgets that add to (or lift) the kit's. */
  budgets?: string;
  /** Where progress goes while the slow steps run. */
  progress?: (line: string) => void;
}

/** A path under the base that no build writes, so the host answers with 404.html and status 404. */
const MISSING_PAGE = 'openoutreach-check/no-such-page/';

/** Where the browser opens a page: its own path, or for the site's 404 page a path that is not there. */
function visitPath(page: SitePage, base: string): string {
  return page.file === '404.html' ? `${base}${MISSING_PAGE}` : page.path;
}

/**
 * Pages open in Chromium at once: most of a visit is waiting (for the network to be quiet, for
 * axe), so a few at a time take a third of the time on two cores.
 */
const PAGES_AT_ONCE = 3;

/** Playwright's words for a step that ran out of time. */
const TIMED_OUT = /Timeout \d+ms exceeded/;

/**
 * Makes a visit once more when all that went wrong in it is a step that ran out of time (a
 * machine busy with other work, not the page): its second result stands, whatever it is.
 */
export async function onceMoreIfTimedOut<V>(visit: () => Promise<V>, problems: (result: V) => (string | undefined)[]): Promise<V> {
  const first = await visit();
  const found = problems(first).filter((problem) => problem !== undefined);
  return found.length && found.every((problem) => TIMED_OUT.test(problem)) ? visit() : first;
}

function requireSite(dist: string): void {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    throw new CheckError(`There is no built site at ${dist}: run \`npm run build\` in the site first, or name the folder that holds its index.html.`);
  }
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new CheckError(`${dist} has no index.html: name the folder \`astro build\` wrote (usually dist/), not the site's source.`);
  }
}

/**
 * Checks a built site: page types, HTML validity and links from its files; accessibility,
 * third-party requests and page weight of one page of each type in Chromium; and, if asked,
 * Lighthouse. Throws a CheckError when it cannot run at all.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const progress = options.progress ?? (() => {});
  const dist = resolve(options.dist);
  const base = normaliseBase(options.base);
  requireSite(dist);
  const siteBudgets: Budgets = options.budgets ? readBudgets(options.budgets) : {};
  const chromePath = findBrowser();
  if (!chromePath) throw new CheckError(browserMissing());
  const java = findJava();
  if (!java) throw new CheckError(JAVA_MISSING);

  const pages = readPages(dist, base);
  const picked = pickPageOfEachType(pages);
  progress(`Checking ${dist} at ${base}: ${pages.length} pages, ${picked.size} page types.`);
  // The Nu checker runs in its own process while the browser works; its failure, if any, is
  // thrown where it is awaited below (the empty catch only keeps Node from calling it unhandled).
  const validating = htmlErrors(
    dist,
    pages.map((page) => page.file),
    java,
  );
  validating.catch(() => {});
  const links = checkLinks(dist, base, pages);

  const server = await serveSite(dist, base);
  const visits: PageVisit[] = [];
  const cspVisits: CspVisit[] = [];
  let lighthouse: CheckReport['lighthouse'];
  try {
    if (picked.size) {
      progress(`Opening ${picked.size} pages in Chromium (axe, requests, weight)…`);
      const browser = await launchBrowser(chromePath);
      try {
        visits.push(
          ...(await inParallel([...picked.values()], PAGES_AT_ONCE, (page) =>
            onceMoreIfTimedOut(
              () => visitPage(browser, { type: page.type!, path: page.path, url: server.origin + visitPath(page, base), origin: server.origin }),
              (visit) => [visit.error],
            ),
          )),
        );
        const cspPlan = pagesForCsp(pages, picked);
        progress(`Opening ${cspPlan.length} pages for their Content-Security-Policy (map, video, photos, search)…`);
        cspVisits.push(
          ...(await inParallel(cspPlan, PAGES_AT_ONCE, ({ page, interactions }) =>
            onceMoreIfTimedOut(
              () => visitForCsp(browser, { path: page.path, url: server.origin + visitPath(page, base), origin: server.origin, interactions }),
              (visit) => (visit.violations.length ? [] : [visit.error, ...visit.errors.map((error) => error.message)]),
            ),
          )),
        );
      } finally {
        await browser.close();
      }
    }
    if (options.lighthouse) {
      const targets = LIGHTHOUSE_PAGE_TYPES.map((type) => {
        const page = picked.get(type);
        return { type, path: page?.path, url: page && server.origin + visitPath(page, base) };
      });
      progress(`Running Lighthouse on ${targets.filter((target) => target.url).length} pages (mobile; about half a minute each)…`);
      lighthouse = await runLighthouse(chromePath, targets);
    }
  } finally {
    await server.close();
  }
  const errors = await validating;

  const weights = pageWeights(visits, siteBudgets);
  const gates = [
    pageTypesGate(pages, picked),
    accessibilityGate(visits),
    thirdPartiesGate(visits),
    cspGate(cspVisits, pages),
    htmlGate(errors, base, pages.length),
    linksGate(links, visits, pages.length),
    weightGate(weights),
  ];
  return {
    dist,
    base,
    passed: gates.every((gate) => gate.passed),
    pages: [...picked].map(([type, page]) => ({ type, path: page.path })),
    gates,
    weights,
    ...(lighthouse ? { lighthouse } : {}),
  };
}
