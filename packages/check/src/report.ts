import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Budget, Weights } from './budgets.ts';
import type { LighthouseResult } from './lighthouse.ts';

/** One thing a gate found wrong: where it is and what it is. */
export interface Failure {
  /** The page (URL path, base included) or file it is on. */
  where: string;
  detail: string;
}

/** The verdict of one gate. */
export interface GateResult {
  id: 'page-types' | 'accessibility' | 'third-parties' | 'csp' | 'html' | 'links' | 'weight';
  title: string;
  passed: boolean;
  /** True when the gate had nothing to judge (no page could be opened); it then passes. */
  skipped?: boolean;
  /** The counts, e.g. `0 violations on 6 pages`. */
  summary: string;
  failures: Failure[];
  /** What to do about the failures. */
  fix: string;
  /** Things worth knowing that do not fail the gate. */
  notes: string[];
}

export interface PageWeight {
  type: string;
  path: string;
  weights: Weights;
  budget: Budget;
}

/** Everything one run found, as written to `--report`. */
export interface CheckReport {
  dist: string;
  base: string;
  passed: boolean;
  /** The page checked in the browser for each page type. */
  pages: { type: string; path: string }[];
  gates: GateResult[];
  weights: PageWeight[];
  lighthouse?: LighthouseResult[];
}

/** Failures printed per gate; the JSON report has them all. */
const PRINTED_FAILURES = 25;

const CATEGORY_TITLES: Record<string, string> = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best practices', seo: 'SEO' };

/** Failures with the same detail on several pages (a theme's footer, say) are told once. */
function groupByDetail(failures: Failure[]): { detail: string; where: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const { where, detail } of failures) groups.set(detail, [...(groups.get(detail) ?? []), where]);
  return [...groups].map(([detail, where]) => ({ detail, where }));
}

/** The summary for a person: one line per gate, Lighthouse scores, then each failure with its fix. */
export function formatReport(report: CheckReport): string[] {
  const width = Math.max(...report.gates.map((gate) => gate.title.length));
  const mark = (gate: GateResult) => (gate.skipped ? '–' : gate.passed ? '✓' : '✗');
  const lines = report.gates.map((gate) => `${mark(gate)} ${gate.title.padEnd(width)}  ${gate.summary}`);
  for (const note of report.gates.flatMap((gate) => gate.notes.map((text) => `${gate.title}: ${text}`))) lines.push(`  note: ${note}`);
  if (report.lighthouse) {
    lines.push('', 'Lighthouse (mobile, default config; the target of 100 is reported, not enforced):');
    for (const result of report.lighthouse) {
      const scores = Object.entries(result.scores).map(([id, score]) => `${CATEGORY_TITLES[id] ?? id} ${score ?? '–'}`);
      lines.push(`  ${result.type} ${result.path ?? ''}`.trimEnd() + `: ${[...scores, result.note].filter(Boolean).join(' · ')}`);
      for (const shortfall of result.shortfalls) lines.push(`      below 100: ${shortfall}`);
    }
  }
  for (const gate of report.gates.filter((gate) => !gate.passed)) {
    lines.push('', `✗ ${gate.title}: ${gate.summary}`);
    const groups = groupByDetail(gate.failures);
    for (const { detail, where } of groups.slice(0, PRINTED_FAILURES)) {
      if (where.length === 1) lines.push(`  ${where[0]}: ${detail}`);
      else lines.push(`  ${detail}`, `      on ${where.length} pages: ${where.slice(0, 6).join(', ')}${where.length > 6 ? ', …' : ''}`);
    }
    if (groups.length > PRINTED_FAILURES)
      lines.push(`  … and ${groups.length - PRINTED_FAILURES} more (all of them are in the JSON report: --report <file.json>)`);
    lines.push(`  What to do: ${gate.fix}`);
  }
  const failed = report.gates.filter((gate) => !gate.passed).length;
  lines.push('', failed ? `${failed} of ${report.gates.length} gates failed.` : `All ${report.gates.length} gates passed.`);
  return lines;
}

export function writeReport(file: string, report: CheckReport): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
