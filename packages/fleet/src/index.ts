export type { Width, Scheme, Shot, ShotDiff, SiteResult, FleetSummary } from './types.ts';
