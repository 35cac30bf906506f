import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS } from './browser.ts';

/** The page types Lighthouse reports on, where the site has them. */
export const LIGHTHOUSE_PAGE_TYPES = ['home', 'news-post', 'event', 'search'];

/** Lighthouse's verdict on one page: each category's score out of 100, and what kept it below. */
export interface LighthouseResult {
  type: string;
  /** URL path, base included; undefined when the site has no page of this type. */
  path: string | undefined;
  /** Category id (`performance`, `accessibility`, `best-practices`, `seo`) to score out of 100. */
  scores: Record<string, number | null>;
  /** In categories below 100, the audits that cost points, as `id: title (value)`. */
  shortfalls: string[];
  /** Why the page was skipped or Lighthouse could not finish. */
  note?: string;
}

type ChromeLauncher = typeof import('chrome-launcher');

/**
 * chrome-launcher is Lighthouse's own dependency, so it is resolved from Lighthouse's folder:
 * the package manager need not hoist it next to this one.
 */
async function importChromeLauncher(): Promise<ChromeLauncher> {
  const fromLighthouse = createRequire(createRequire(import.meta.url).resolve('lighthouse'));
  return import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href) as Promise<ChromeLauncher>;
}

/**
 * Runs Lighthouse (its default config: a mobile device on a throttled connection, simulated, so
 * it needs no network) on each page of `targets` in one Chromium. Scores are reported, not
 * judged: they vary with the machine.
 */
export async function runLighthouse(
  chromePath: string,
  targets: { type: string; path: string | undefined; url: string | undefined }[],
): Promise<LighthouseResult[]> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await importChromeLauncher();
  const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
  const results: LighthouseResult[] = [];
  try {
    for (const { type, path, url } of targets) {
      if (!url) {
        results.push({ type, path, scores: {}, shortfalls: [], note: `skipped: the site has no ${type} page` });
        continue;
      }
      const lhr = (await lighthouse(url, { port: chrome.port, logLevel: 'silent', output: 'json' }))?.lhr;
      if (!lhr) {
        results.push({ type, path, scores: {}, shortfalls: [], note: 'Lighthouse returned no result' });
        continue;
      }
      const scores = Object.fromEntries(
        Object.values(lhr.categories).map((category) => [category.id, category.score === null ? null : Math.round(category.score * 100)]),
      );
      // Audits that cost points in a category scoring below 100: what to work on.
      const short = Object.values(lhr.categories).filter((category) => category.score !== null && Math.round(category.score * 100) < 100);
      const scored = new Set(short.flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)));
      const shortfalls = Object.values(lhr.audits)
        .filter((audit) => scored.has(audit.id) && audit.score !== null && audit.score < 1)
        .map((audit) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      const note = lhr.runtimeError ? `Lighthouse could not finish: ${lhr.runtimeError.message}` : undefined;
      results.push({ type, path, scores, shortfalls, ...(note ? { note } : {}) });
    }
  } finally {
    // chrome-launcher removes Chrome's profile folder once the process has closed; waiting for
    // that keeps a short-lived CLI from exiting first and leaving the folder behind.
    const closed =
      chrome.process.exitCode === null && chrome.process.signalCode === null ? new Promise((resolve) => chrome.process.once('close', resolve)) : undefined;
    chrome.kill();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  }
  return results;
}
