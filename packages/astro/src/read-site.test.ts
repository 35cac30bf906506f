import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblems } from '@openoutreach/core';
import { afterAll, describe, expect, test } from 'vitest';
import type { IntegrationOptions } from './options.ts';
import { readOptions, readSite } from './read-site.ts';

/**
 * The bad input a newbie writes, checked without an Astro build: each scenario is the minimal
 * fixture with files replaced (or removed, as `null`) or other options. The check must stop with
 * one message naming the file, the field and the fix; its snapshot is the message the build
 * prints (tests/e2e/bad-input.test.ts builds a few of them for real).
 */
const SCENARIOS: { name: string; files?: Record<string, string | null>; options?: IntegrationOptions; expect: string[] }[] = [
  {
    name: 'missing title',
    files: { 'src/content/news/first-post.md': '---\ndate: 2026-05-01\n---\nNo title.\n' },
    expect: ['src/content/news/first-post.md', 'title:', 'Fix: add a line such as `title:'],
  },
  {
    name: 'impossible date',
    files: { 'src/content/news/first-post.md': '---\ntitle: Leap\ndate: 2026-02-30\n---\n' },
    expect: ['src/content/news/first-post.md', 'date:', '"2026-02-30" is not a real date', 'Fix: write it like `date: 2026-05-01`'],
  },
  {
    name: 'image without alt text',
    files: {
      'src/content/news/first-post.md': '---\ntitle: Photo\ndate: 2026-05-01\ncover:\n  src: ../../assets/photo.png\n---\n',
      'src/assets/photo.png': 'not really a png, never read',
    },
    expect: ['src/content/news/first-post.md', 'cover.alt:', 'Fix: under "cover:", add a line such as `alt:'],
  },
  {
    name: 'unknown image',
    files: { 'src/content/news/first-post.md': '---\ntitle: Photo\ndate: 2026-05-01\ncover:\n  src: ../../assets/nowhere.jpg\n  alt: A photo\n---\n' },
    expect: ['src/content/news/first-post.md', 'cover.src:', 'the image "../../assets/nowhere.jpg" does not exist'],
  },
  {
    name: 'malformed YAML',
    files: { 'src/content/pages/about.md': '---\ntitle: About: us: here\n  menu: [\n---\n' },
    expect: ['src/content/pages/about.md', 'cannot be read', 'Fix: check that line'],
  },
  {
    name: 'wrong type and a typo',
    files: { 'src/content/news/first-post.md': '---\ntitle: Tags\ndate: 2026-05-01\ntags: volunteering\nsumary: typo\n---\n' },
    expect: ['tags: "tags" (Tags) should be a list', 'did you mean "summary"?'],
  },
  {
    name: 'file name unusable in a URL',
    files: { 'src/content/news/Spring Fair!.md': '---\ntitle: Fair\ndate: 2026-05-01\n---\n' },
    expect: ['src/content/news/Spring Fair!.md', 'cannot be used in a web address', 'e.g. "spring-fair.md"'],
  },
  {
    name: 'unknown parent page',
    files: { 'src/content/pages/team.md': '---\ntitle: Team\nparent: abuot\n---\n' },
    expect: ['src/content/pages/team.md', 'parent:', 'there is no page "abuot"'],
  },
  {
    name: 'typo in a form service',
    files: { 'src/settings/site.yaml': 'name: X\nforms:\n  contact:\n    provider: netlfy\n' },
    expect: ['src/settings/site.yaml', 'forms.contact.provider:', 'netlify'],
  },
  {
    name: 'bad settings',
    files: { 'src/settings/site.yaml': 'name: X\ncolours:\n  primary: red\ntimeZone: Mars/Olympus\nlocales: [en, klingon]\n' },
    expect: ['src/settings/site.yaml', 'colours.primary:', '#1d5c63', 'timeZone:', 'Europe/Paris', 'locales[1]:'],
  },
  {
    name: 'event ending before it starts',
    files: { 'src/content/events/clean-up.md': '---\ntitle: Clean-up\nstart: 2026-12-05T10:00\nend: 2026-12-05T09:00\n---\n' },
    expect: [
      'src/content/events/clean-up.md',
      'end:',
      'the event ends (2026-12-05T09:00) before it starts (2026-12-05T10:00)',
      'Fix: give an end after the start',
    ],
  },
  {
    name: 'event in an unknown time zone',
    files: { 'src/content/events/clean-up.md': '---\ntitle: Clean-up\nstart: 2026-12-05T10:00\ntimeZone: America/Torono\n---\n' },
    expect: ['src/content/events/clean-up.md', 'timeZone:', '"America/Torono" is not a time zone', 'Fix: did you mean "America/Toronto"?'],
  },
  {
    name: 'event with an invalid recurrence rule',
    files: { 'src/content/events/clean-up.md': '---\ntitle: Clean-up\nstart: 2026-12-01T18:00\nrecurrence:\n  rule: FREQ=FORTNIGHTLY;BYDAY=TU\n---\n' },
    expect: [
      'src/content/events/clean-up.md',
      'recurrence.rule:',
      'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY',
      'Fix: write it like `rule: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`',
    ],
  },
  {
    name: 'missing home page',
    files: { 'src/content/pages/home.md': null },
    expect: ['src/content/pages/home.md', 'the home page is missing'],
  },
  {
    name: 'override that does not exist',
    options: { components: { Footer: './src/components/Foot.astro' } },
    expect: ['astro.config.mjs', 'components.Footer:', './src/components/Foot.astro does not exist'],
  },
  {
    name: 'huge image',
    files: {
      'src/content/news/first-post.md': '---\ntitle: Photo\ndate: 2026-05-01\ncover:\n  src: ../../assets/scan.jpg\n  alt: A scanned poster\n---\n',
      'src/assets/scan.jpg': 'x'.repeat(26_000_000),
    },
    expect: ['src/content/news/first-post.md', 'cover.src:', 'is 26 MB, too big to process for the web', '4000 pixels'],
  },
  {
    name: 'typo in the integration options',
    // @ts-expect-error: the typo is the point
    options: { componets: {} },
    expect: ['astro.config.mjs', 'openOutreach.componets', 'did you mean "components"?'],
  },
];

const REPO_ROOT = new URL('../../../', import.meta.url);
// Inside the repository, so that the site finds the kit and its theme as a real site does.
const workspace = join(REPO_ROOT.pathname, 'tests/.output');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** The problems that stop a build of the minimal fixture with the scenario's changes. */
function problemsOf(scenario: (typeof SCENARIOS)[number]) {
  mkdirSync(workspace, { recursive: true });
  const dir = mkdtempSync(join(workspace, 'bad-input-unit-'));
  folders.push(dir);
  cpSync(join(REPO_ROOT.pathname, 'tests/fixtures/minimal'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
  for (const [file, content] of Object.entries(scenario.files ?? {})) {
    const path = join(dir, file);
    if (content === null) rmSync(path);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  const { options, problems } = readOptions(scenario.options);
  if (!options) return problems;
  const config = {
    root: pathToFileURL(`${dir}/`),
    base: '/',
    site: 'https://minimal.example',
    trailingSlash: 'ignore',
    build: { format: 'directory' },
  } as const;
  return readSite(config, options).problems;
}

describe.each(SCENARIOS)('a site with $name', (scenario) => {
  test('fails with a message naming the file, the field and the fix', () => {
    const message = formatProblems(problemsOf(scenario));
    for (const expected of scenario.expect) expect(message).toContain(expected);
    expect(message).toMatchSnapshot();
  });
});

describe("a site's own Astro config", () => {
  test('is kept where the kit works with it, and stops the build naming the option where not', () => {
    const dir = mkdtempSync(join(workspace, 'site-config-unit-'));
    folders.push(dir);
    cpSync(join(REPO_ROOT.pathname, 'tests/fixtures/minimal'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
    const { options } = readOptions(undefined);
    const config = {
      root: pathToFileURL(`${dir}/`),
      base: '/',
      site: 'https://minimal.example',
      trailingSlash: 'always',
      build: { format: 'directory' },
    } as const;
    expect(readSite(config, options!).problems).toEqual([]);
    const problems = readSite({ ...config, trailingSlash: 'never', build: { format: 'file' } }, options!).problems;
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual(['astro.config.mjs build.format', 'astro.config.mjs trailingSlash']);
  });
});
