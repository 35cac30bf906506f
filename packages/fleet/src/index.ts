export type { Width, Scheme, Shot, ShotDiff, SiteResult, FleetSummary } from './types.ts';
export { captureShots, compareShots, shotName, VIEWPORTS, type CaptureOptions, type CompareOptions } from './visual/index.ts';
export { readReport, writeReport } from './report/index.ts';
