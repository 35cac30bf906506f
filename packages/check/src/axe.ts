import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.2 AA rule sets: levels A and AA of WCAG 2.0, 2.1 and 2.2. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One element that breaks one axe rule. */
export interface AxeViolation {
  rule: string;
  impact: string;
  /** CSS selector of the element. */
  target: string;
  /** What is wrong and how to fix it, in axe's words. */
  summary: string;
  helpUrl: string;
  /** The colour schemes in which the element fails. */
  colorSchemes: string[];
}

/**
 * axe's WCAG 2.2 AA violations on the page as loaded, in light and in dark mode (the kit's
 * themes follow `prefers-color-scheme`, so contrast must hold in both). Empty when it passes.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const found = new Map<string, AxeViolation>();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    for (const violation of results.violations) {
      for (const node of violation.nodes) {
        const target = node.target.map(String).join(' ');
        const key = `${violation.id} ${target}`;
        const known = found.get(key);
        if (known) known.colorSchemes.push(colorScheme);
        else {
          // failureSummary starts with "Fix any of the following:"; the next line says what.
          const summary = node.failureSummary?.split('\n')[1]?.trim() || violation.help;
          found.set(key, {
            rule: violation.id,
            impact: violation.impact ?? 'unknown',
            target,
            summary,
            helpUrl: violation.helpUrl,
            colorSchemes: [colorScheme],
          });
        }
      }
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return [...found.values()];
}
