import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * Each scenario is the minimal fixture with files replaced (or removed, as `null`). The build
 * must fail with one message naming the file, the field and the fix, and no stack trace. One of
 * each kind is built for real: a content problem, a settings problem, a link problem (found in the
 * built pages) and an options problem; the other bad input is checked without a build, as unit
 * tests of the checks (packages/astro/src/read-site.test.ts).
 */
const SCENARIOS: { name: string; files: Record<string, string | null>; expect: string[] }[] = [
  {
    name: 'missing title',
    files: { 'src/content/news/first-post.md': '---\ndate: 2026-05-01\n---\nNo title.\n' },
    expect: ['src/content/news/first-post.md', 'title:', 'Fix: add a line such as `title:'],
  },
  {
    name: 'bad settings',
    files: { 'src/settings/site.yaml': 'name: X\ncolours:\n  primary: red\ntimeZone: Mars/Olympus\nlocales: [en, klingon]\n' },
    expect: ['src/settings/site.yaml', 'colours.primary:', '#1d5c63', 'timeZone:', 'Europe/Paris', 'locales[1]:'],
  },
  {
    name: 'broken internal link',
    files: { 'src/content/pages/about.md': '---\ntitle: About\n---\nSee [our team](/about/teem/).\n' },
    expect: ['src/content/pages/about.md', 'body:', 'the link /about/teem/ leads to no page of this site', 'Fix: did you mean /about/team/?'],
  },
  {
    name: 'typo in the integration options',
    files: {
      'astro.config.mjs':
        "import { defineConfig } from 'astro/config';\nimport openOutreach from '@openoutreach/astro';\nexport default defineConfig({ site: 'https://x.example', integrations: [openOutreach({ componets: {} })] });\n",
    },
    expect: ['astro.config.mjs', 'openOutreach.componets', 'did you mean "components"?'],
  },
];

const workspace = join(REPO_ROOT, 'tests/.output/bad-input');

describe.each(SCENARIOS)('a site with $name', (scenario) => {
  test('fails with a message naming the file, the field and the fix', async () => {
    const dir = join(workspace, scenario.name.replace(/\W+/g, '-'));
    rmSync(dir, { recursive: true, force: true });
    cpSync(fixture('minimal'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
    for (const [file, content] of Object.entries(scenario.files)) {
      const path = join(dir, file);
      if (content === null) rmSync(path);
      else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    }
    const { code, output } = await astroBuild(dir);
    expect(code).toBe(1);
    for (const expected of scenario.expect) expect(output).toContain(expected);
    expect(output, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    // Nor one of a helper process (Pagefind's service) cut off by the build stopping.
    expect(output, 'no helper process cut off').not.toMatch(/panicked|stack backtrace|Broken pipe/i);
    const message = output.slice(output.indexOf('Open Outreach found')).trim();
    expect(message).toMatchSnapshot();
  });
});
