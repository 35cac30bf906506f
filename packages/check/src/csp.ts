/**
 * The Content-Security-Policy gate's browser side: opens pages in Chromium, does what a visitor
 * does on them (show the map, play a video, open a photo, search), and records every violation of
 * the page's policy that Chromium reports, and every script error.
 *
 * The check runs offline on loopback, so requests to other hosts are aborted by routing, never
 * sent. That is no violation: Chromium checks the policy before the request reaches the network,
 * and reports a refusal as a `securitypolicyviolation` event; a request the policy allows goes on
 * to the route, which aborts it. The two are told apart that way.
 */
import type { Browser, Page } from 'playwright-core';
import type { SitePage } from './page-types.ts';

/** One refusal by the page's policy. */
export interface CspViolation {
  /** The directive that refused, e.g. `script-src-elem`. */
  directive: string;
  /** What was refused: an address, `inline` or `eval`. */
  blocked: string;
  /** The first characters of refused inline code, when Chromium gives them. */
  sample: string;
  /** What the visitor had just done: `loading the page`, `pressing "Show map"`, … */
  after: string;
}

export interface CspVisit {
  path: string;
  violations: CspViolation[];
  /** Uncaught script errors (a script the policy broke fails this way too). */
  errors: { message: string; after: string }[];
  /** What was done on the page, for the report. */
  actions: string[];
  /** Why the page could not be checked, if it could not. */
  error?: string;
}

/** Something a visitor does that loads code or content only then. */
interface Interaction {
  name: string;
  /** Whether a page offers it, from its start tags. */
  offeredBy: (page: SitePage) => boolean;
  act: (page: Page) => Promise<void>;
}

const hasAttribute = (name: string) => (page: SitePage) => page.tags.some((tag) => tag.attributes.has(name));

export const INTERACTIONS: Interaction[] = [
  {
    name: 'pressing "Show map"',
    offeredBy: hasAttribute('data-event-map-show'),
    act: async (page) => {
      await page.locator('[data-event-map-show]').first().click();
      await page.locator('[data-event-map] .leaflet-container').first().waitFor({ timeout: 10_000 });
    },
  },
  {
    name: "pressing a video's play button",
    offeredBy: hasAttribute('data-embed-src'),
    act: async (page) => {
      await page.locator('[data-embed-src]').first().click();
      await page.locator('iframe').first().waitFor({ state: 'attached', timeout: 10_000 });
    },
  },
  {
    name: 'opening a photo in the viewer',
    offeredBy: (page) => page.tags.some((tag) => tag.attributes.has('data-gallery')) && page.tags.some((tag) => tag.attributes.has('data-lightbox')),
    act: async (page) => {
      await page.locator('[data-gallery] a').first().click();
      await page.locator('dialog[open]').first().waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'searching',
    offeredBy: hasAttribute('data-search-page'),
    act: async (page) => {
      const field = page.locator('[data-search-page] input[type="search"]').first();
      // A word of the site's own name finds something on any site, in any language.
      const word = (await page.title()).split(/[\s–-]+/).find((part) => part.length > 3) ?? 'news';
      await field.fill(word);
      await field.press('Enter');
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
    },
  },
];

/** Gathers the policy's refusals in the page from before its first script runs. */
const RECORDER = `(() => {
  const found = [];
  Object.defineProperty(window, '__openoutreachCsp', { value: found });
  document.addEventListener('securitypolicyviolation', (event) => {
    found.push({ directive: event.effectiveDirective || event.violatedDirective, blocked: event.blockedURI || '', sample: event.sample || '' });
  }, true);
})();`;

/** The pages to open: one of each type, and the first page that offers each interaction. */
export function pagesForCsp(pages: SitePage[], picked: Map<string, SitePage>): { page: SitePage; interactions: Interaction[] }[] {
  const plan = new Map<SitePage, Interaction[]>([...picked.values()].map((page) => [page, []]));
  for (const interaction of INTERACTIONS) {
    const page = [...picked.values()].find(interaction.offeredBy) ?? pages.find(interaction.offeredBy);
    if (!page) continue;
    plan.set(page, [...(plan.get(page) ?? []), interaction]);
  }
  return [...plan].map(([page, interactions]) => ({ page, interactions }));
}

/**
 * Opens `url` with requests to other hosts aborted, then does each interaction in turn, and
 * returns every policy violation and script error, each with what had just been done.
 */
export async function visitForCsp(
  browser: Browser,
  { path, url, origin, interactions }: { path: string; url: string; origin: string; interactions: Interaction[] },
): Promise<CspVisit> {
  const visit: CspVisit = { path, violations: [], errors: [], actions: ['loading the page'] };
  const context = await browser.newContext();
  const isOwn = (address: string) => address === origin || address.startsWith(`${origin}/`);
  await context.route('**/*', (route) => (isOwn(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  await context.addInitScript(RECORDER);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  let after = 'loading the page';
  page.on('pageerror', (error) => visit.errors.push({ message: error.message.split('\n')[0] ?? String(error), after }));
  const collect = async () => {
    const found = await page.evaluate(() => (window as unknown as { __openoutreachCsp: Omit<CspViolation, 'after'>[] }).__openoutreachCsp.splice(0));
    visit.violations.push(...found.map((violation) => ({ ...violation, after })));
  };
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await collect();
    for (const interaction of interactions) {
      after = interaction.name;
      visit.actions.push(interaction.name);
      try {
        await interaction.act(page);
      } catch (error) {
        visit.errors.push({ message: `${interaction.name} did not work: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, after });
      }
      await page.waitForLoadState('networkidle');
      await collect();
    }
  } catch (error) {
    visit.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context.close();
  }
  return visit;
}
