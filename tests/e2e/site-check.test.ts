import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../packages/check/src/index.ts';
import { REPO_ROOT, SITES, SUBPATH } from '../support/sites.ts';

/** Every site the monorepo builds, checked the way a member site runs `npm run check`. */
const TARGETS = [
  { name: 'starter', args: [SITES.starter.dist] },
  { name: 'opentech-coop', args: [SITES.opentechCoop.dist] },
  { name: 'opentech-coop under /opentech-coop/', args: [SUBPATH.dist, '--base', SUBPATH.base] },
  { name: 'riverside-tenants', args: [SITES.riversideTenants.dist] },
  { name: 'eastside-garden', args: [SITES.eastsideGarden.dist] },
];

describe.each(TARGETS)('the quality gates of $name', ({ name, args }) => {
  test('all pass: axe, Nu checker, links, budgets, no third-party request, no CSP violation; Lighthouse scores are written', async () => {
    const lines: string[] = [];
    const report = join(REPO_ROOT, 'tests/.output', `check-${name.replace(/\W+/g, '-')}.json`);
    const code = await runCli([...args, '--lighthouse', '--report', report], { log: (line) => lines.push(line) });
    expect(code, lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toMatch(/Lighthouse/);
    expect(lines.join('\n')).toMatch(/✓ Policy \(CSP\) +0 violations or errors on \d+ pages/);
  }, 300_000);
});
