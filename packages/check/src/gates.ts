/**
 * Each gate's verdict from what the checks found: pure functions, so the rules of passing are
 * tested without a browser.
 */
import { budgetFor, overBudget, sumWeights, type Budgets } from './budgets.ts';
import type { HtmlError } from './html-validity.ts';
import type { CspVisit } from './csp.ts';
import type { BrokenLink } from './links.ts';
import type { SitePage } from './page-types.ts';
import type { GateResult, PageWeight } from './report.ts';
import { urlPathOf } from './site-files.ts';
import type { PageVisit } from './visit.ts';

/** The summary of a browser gate when no page could be picked to open. */
const NOT_RUN = 'not run: no page could be picked (see Page types)';

const plural = (count: number, word: string, words = `${word}s`) => `${count} ${count === 1 ? word : words}`;

export function pageTypesGate(pages: SitePage[], picked: Map<string, SitePage>): GateResult {
  const untyped = pages.filter((page) => !page.type);
  const notes =
    untyped.length && picked.size
      ? [
          `${plural(untyped.length, 'page has', 'pages have')} no data-page-type and ${untyped.length === 1 ? 'is' : 'are'} checked for links and HTML only: ${untyped
            .slice(0, 5)
            .map((page) => page.path)
            .join(', ')}${untyped.length > 5 ? ', …' : ''}`,
        ]
      : [];
  return {
    id: 'page-types',
    title: 'Page types',
    passed: picked.size > 0,
    summary: picked.size
      ? `${plural(picked.size, 'type')} in ${plural(pages.length, 'page')}: ${[...picked].map(([type, page]) => `${type} ${page.path}`).join(', ')}`
      : `none of ${plural(pages.length, 'page')} has a data-page-type`,
    failures: picked.size
      ? []
      : [
          {
            where: pages[0]?.path ?? '(no pages)',
            detail: 'the <body> element has no data-page-type attribute, so no page can be picked for the browser checks',
          },
        ],
    fix: 'Rebuild the site with a current Open Outreach theme: its layout marks <body data-page-type="…">. A page of your own that does not use the theme\'s BaseLayout must set the attribute itself.',
    notes,
  };
}

export function accessibilityGate(visits: PageVisit[]): GateResult {
  const failures = visits.flatMap((visit) => [
    ...(visit.error ? [{ where: visit.path, detail: `could not be checked: ${visit.error}` }] : []),
    ...visit.violations.map((violation) => ({
      where: visit.path,
      detail: `${violation.rule} (${violation.impact}) at ${violation.target}${violation.colorSchemes.length === 1 ? ` in ${violation.colorSchemes[0]} mode` : ''}: ${violation.summary} (${violation.helpUrl})`,
    })),
  ]);
  const violations = visits.reduce((sum, visit) => sum + visit.violations.length, 0);
  return {
    id: 'accessibility',
    title: 'Accessibility',
    passed: failures.length === 0,
    skipped: !visits.length,
    summary: !visits.length ? NOT_RUN : `${plural(violations, 'violation')} on ${plural(visits.length, 'page')} (axe, WCAG 2.2 AA, light and dark mode)`,
    failures,
    fix: 'Fix the element axe names in the component or content that writes it; the link after each violation explains the rule. A violation in a theme component affects every site: report it to the co-op.',
    notes: [],
  };
}

export function thirdPartiesGate(visits: PageVisit[]): GateResult {
  const failures = visits.flatMap((visit) => [...new Set(visit.foreignRequests)].map((url) => ({ where: visit.path, detail: `requests ${url}` })));
  return {
    id: 'third-parties',
    title: 'Third parties',
    passed: failures.length === 0,
    skipped: !visits.length,
    summary: !visits.length ? NOT_RUN : `${plural(failures.length, 'request')} to other hosts from ${plural(visits.length, 'page')}`,
    failures,
    fix: "Serve fonts, scripts and images from the site itself (put them in public/ or import them), and embed other sites only through the kit's trusted embeds, which load nothing until the visitor asks.",
    notes: [],
  };
}

export function htmlGate(errors: HtmlError[], base: string, fileCount: number): GateResult {
  const files = new Set(errors.map((error) => error.file));
  const at = (error: HtmlError) => `${error.file}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : ''}`;
  return {
    id: 'html',
    title: 'HTML validity',
    passed: errors.length === 0,
    summary: `${plural(errors.length, 'error')} in ${files.size} of ${plural(fileCount, 'file')} (W3C Nu checker)`,
    failures: errors.map((error) => ({
      where: `${urlPathOf(error.file, base)} (${at(error)})`,
      detail: `${error.message}${error.extract ? ` — in “${error.extract.replace(/\s+/g, ' ').trim()}”` : ''}`,
    })),
    fix: "Fix the markup in the component, layout or content that writes it; the Nu checker's message says which element or attribute is not allowed where. Check one file yourself at https://validator.w3.org/nu/.",
    notes: [],
  };
}

export function linksGate(found: { checked: number; broken: BrokenLink[] }, visits: PageVisit[], pageCount: number): GateResult {
  const failedLoads = visits.flatMap((visit) =>
    visit.failedRequests.map((request) => ({ where: visit.path, detail: `the browser could not load ${request.url}: ${request.reason}` })),
  );
  const failures = [...found.broken.map((link) => ({ where: link.from, detail: `${link.href} — ${link.reason}` })), ...failedLoads];
  return {
    id: 'links',
    title: 'Links',
    passed: failures.length === 0,
    summary: `${plural(found.broken.length, 'broken link')} of ${found.checked} checked on ${plural(pageCount, 'page')}${failedLoads.length ? `, ${plural(failedLoads.length, 'failed load')} in the browser` : ''}`,
    failures,
    fix: "Point each link at a page or file that the build writes, and each #fragment at an id on that page. Write internal links through the kit's url() helper (or relative to the page) so they keep the base path when the site is served from a sub-path.",
    notes: [],
  };
}

/** Page weights from the visits, with the budget each is held to. */
export function pageWeights(visits: PageVisit[], budgets: Budgets): PageWeight[] {
  return visits
    .filter((visit) => !visit.error)
    .map((visit) => ({ type: visit.type, path: visit.path, weights: sumWeights(visit.resources), budget: budgetFor(visit.type, budgets) }));
}

export function weightGate(weights: PageWeight[]): GateResult {
  const failures = weights.flatMap((page) => overBudget(page.weights, page.budget).map((detail) => ({ where: `${page.path} (${page.type})`, detail })));
  return {
    id: 'weight',
    title: 'Page weight',
    passed: failures.length === 0,
    skipped: !weights.length,
    summary: !weights.length
      ? NOT_RUN
      : `${plural(weights.length - new Set(failures.map((failure) => failure.where)).size, 'page')} of ${weights.length} within budget (html, css, js, fonts, images)`,
    failures,
    fix: 'Make the page lighter (smaller images, fewer font files, no script it does not need), or, if the weight is deliberate, raise that page type\'s budget in a JSON file passed with --budgets, e.g. { "news-post": { "images": 819200 } } (bytes).',
    notes: [],
  };
}

/** What a violation refused, in words: an address, or inline code with its first characters. */
function refused(violation: CspVisit['violations'][number]): string {
  if (violation.blocked === 'inline') return `inline code${violation.sample ? ` “${violation.sample}”` : ''}`;
  if (violation.blocked === 'eval') return 'eval()';
  if (violation.blocked === 'wasm-eval') return 'compiling WebAssembly';
  return violation.blocked || 'something';
}

/**
 * `pages`, if given, are checked for a policy of their own: a page without one breaks no rule
 * and is named in a note (a host may still send the policy as a header).
 */
export function cspGate(visits: CspVisit[], pages: SitePage[] = []): GateResult {
  const unguarded = pages.filter(
    (page) => !page.tags.some((tag) => tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy'),
  );
  const failures = visits.flatMap((visit) => [
    ...(visit.error ? [{ where: visit.path, detail: `could not be checked: ${visit.error}` }] : []),
    ...visit.violations.map((violation) => ({ where: visit.path, detail: `${violation.directive} refused ${refused(violation)} after ${violation.after}` })),
    ...visit.errors.map((error) => ({ where: visit.path, detail: `script error after ${error.after}: ${error.message}` })),
  ]);
  const actions = [...new Set(visits.flatMap((visit) => visit.actions.slice(1)))];
  return {
    id: 'csp',
    title: 'Policy (CSP)',
    passed: failures.length === 0,
    skipped: !visits.length,
    summary: !visits.length
      ? NOT_RUN
      : `${plural(failures.length, 'violation or error', 'violations or errors')} on ${plural(visits.length, 'page')}${actions.length ? `, also after ${actions.join(', ')}` : ''}`,
    failures,
    fix: "Keep scripts and styles in the theme's components (Astro bundles and hashes them) rather than inline in content or a page of your own, and load nothing from another host but through the kit's embeds; a PeerTube instance goes under videos.peertube in the settings. A refusal in the kit's own code is a bug: report it to the co-op.",
    notes: unguarded.length
      ? [
          `${plural(unguarded.length, 'page has', 'pages have')} no Content-Security-Policy <meta> (only a header from the host could protect ${unguarded.length === 1 ? 'it' : 'them'}): ${unguarded
            .slice(0, 5)
            .map((page) => page.path)
            .join(', ')}${unguarded.length > 5 ? ', …' : ''}`,
        ]
      : [],
  };
}
