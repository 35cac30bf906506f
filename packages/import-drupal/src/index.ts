export { runCli } from './cli.ts';
export { ImportError } from './import-error.ts';
export type * from './model.ts';
export { readDrupalSite } from './read/index.ts';
export { DrupalReadError } from './read/read-error.ts';
export { writeMemberSite, type WriteOptions } from './write/import-site.ts';
export { planSite, type PlanOptions, type SitePlan } from './write/plan.ts';
export type { ImportReport } from './write/report.ts';
