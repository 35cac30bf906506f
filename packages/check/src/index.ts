export { runCheck, type CheckOptions } from './check.ts';
export { runCli } from './cli.ts';
export { CheckError } from './check-error.ts';
export { DEFAULT_BUDGETS, type Budget, type Budgets, type ResourceKind } from './budgets.ts';
export { KIT_PAGE_TYPES, readPages, pickPageOfEachType, type SitePage } from './page-types.ts';
export { formatReport, type CheckReport, type GateResult, type Failure } from './report.ts';
export type { LighthouseResult } from './lighthouse.ts';
// What the fleet check (@openoutreach/fleet) shares with the gates: the same pages, server and browser.
export { serveSite, type SiteServer } from './serve.ts';
export { findBrowser, launchBrowser, browserMissing, CHROMIUM_ARGS } from './browser.ts';
export { axeViolations, type AxeViolation } from './axe.ts';
export { normaliseBase } from './site-files.ts';
export { inParallel } from './in-parallel.ts';
