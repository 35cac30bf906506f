export { runCheck, type CheckOptions } from './check.ts';
export { runCli } from './cli.ts';
export { CheckError } from './check-error.ts';
export { DEFAULT_BUDGETS, type Budget, type Budgets, type ResourceKind } from './budgets.ts';
export { KIT_PAGE_TYPES } from './page-types.ts';
export { formatReport, type CheckReport, type GateResult, type Failure } from './report.ts';
export type { LighthouseResult } from './lighthouse.ts';
