import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../packages/check/src/index.ts';
import { REPO_ROOT, SITE_BUILDS } from '../support/sites.ts';
import { SECOND_THEME, themedBuild } from '../support/themes.ts';

/**
 * Every site the monorepo builds, checked the way a member site runs `npm run check`: with its own
 * theme, and with the second one (axe runs in light and dark mode either way). Lighthouse only
 * scores (no gate fails on it) and takes half a minute a page, so it runs on the starter in each
 * theme: its four page types are the same in every site.
 */
const TARGETS = [...SITE_BUILDS, ...SITE_BUILDS.map((build) => themedBuild(build, SECOND_THEME))].map((build) => ({
  name: build.name,
  args: [build.dist, ...(build.base ? ['--base', build.base] : [])],
  lighthouse: build.dir === SITE_BUILDS[0]!.dir && !build.base,
}));

// A loop, not describe.each: each's $name shortens long names in the test's title.
for (const { name, args, lighthouse } of TARGETS) {
  describe(`the quality gates of ${name}`, () => {
    test(`all pass: axe, Nu checker, links, budgets, no third-party request, no CSP violation${lighthouse ? '; Lighthouse scores are written' : ''}`, async () => {
      const lines: string[] = [];
      const report = join(REPO_ROOT, 'tests/.output', `check-${name.replace(/\W+/g, '-')}.json`);
      const code = await runCli([...args, ...(lighthouse ? ['--lighthouse'] : []), '--report', report], { log: (line) => lines.push(line) });
      expect(code, lines.join('\n')).toBe(0);
      if (lighthouse) expect(JSON.parse(readFileSync(report, 'utf8')).lighthouse?.length, 'Lighthouse scores in the report').toBeGreaterThan(0);
      expect(lines.join('\n')).toMatch(/✓ Policy \(CSP\) +0 violations or errors on \d+ pages/);
    }, 300_000);
  });
}
