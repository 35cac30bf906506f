// The shapes the fleet check's parts share: the runner (checkout, install, build, gates, cache),
// the screenshots and their comparison (src/visual), the report (src/report) and deploy (src/deploy).

/** The two widths every page is shot at: `phone` is 390 CSS px, `desktop` 1280. */
export type Width = 'phone' | 'desktop';
export type Scheme = 'light' | 'dark';

/** One screenshot: one page of a page type at one width in one colour scheme. */
export interface Shot {
  pageType: string;
  /** The page's URL path, base included. */
  path: string;
  width: Width;
  scheme: Scheme;
  /** The PNG, relative to the report folder. */
  file: string;
}

/** A shot before (the site's locked kit) and after (the candidate), compared pixel by pixel. */
export interface ShotDiff extends Shot {
  /** The PNG before, relative to the report folder. */
  before: string;
  /** The PNG after, relative to the report folder. */
  after: string;
  /** The diff PNG, relative to the report folder; only for a changed shot. */
  diff?: string;
  changedPixels: number;
  /** changedPixels over the pixels of the larger of the two images. */
  ratio: number;
  /** True when ratio is above the threshold (or the page's height changed, or one side is missing). */
  changed: boolean;
  /** True when the accept file lists this shot, so its change does not fail the run. */
  accepted: boolean;
}

/** What the fleet check found for one member site. */
export interface SiteResult {
  name: string;
  /** The commit of the site that was checked. */
  commit: string;
  /** passed: built, every gate passed, no visual change (or all accepted); failed: the candidate's
   * build or a gate failed; changed: a visual change above the threshold that is not accepted;
   * error: the site could not be checked (checkout, install, or the locked build failed). */
  status: 'passed' | 'failed' | 'changed' | 'error';
  /** True when the result came from the cache, nothing rebuilt. */
  cached: boolean;
  /** Seconds the candidate's build took. */
  buildSeconds?: number;
  /** One line: what went wrong, for `failed` by a build and for `error`. */
  error?: string;
  /** Each quality gate's verdict; a failed gate's first failures (`where: what`), so the report says which page and why. */
  gates?: { name: string; passed: boolean; summary: string; failures?: string[] }[];
  shots: ShotDiff[];
  /** Where the site is served: its domain, or its sub-path on the fleet's host. */
  domain?: string;
  path?: string;
  /** Seconds the whole site took (checkout to comparison); 0 for a cache hit. */
  seconds?: number;
}

/** The whole run, as written to report.json. */
export interface FleetSummary {
  /** The candidate kit: a version, or `workspace <folder>`. */
  candidate: string;
  /** ISO time the run started. */
  startedAt: string;
  /** Seconds the run took. */
  seconds: number;
  sites: SiteResult[];
  /** `i/n` when this run was one shard of the fleet. */
  shard?: string;
  /** The pixel ratio above which a shot counts as changed. */
  threshold?: number;
}
