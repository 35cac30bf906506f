import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * Bodies that Markdown cannot be rendered from. Each fixture tests/fixtures/render-*\/ holds only
 * the files it adds to tests/fixtures/minimal (or replaces in it); `files` are made here, where a
 * fixture file would be too big to keep.
 */
interface Scenario {
  name: string;
  fixture?: string;
  files?: Record<string, string>;
  /** For each failing file: its page, which must not be written, and what its problem says. */
  failing: { file: string; page: string; expect: string[] }[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'nesting past the limits',
    fixture: 'render-nesting',
    failing: [
      {
        file: 'src/content/news/long-thread.md',
        page: 'news/long-thread/index.html',
        expect: [
          '✗ body: the text is nested too deeply: quotes inside one another more than 100 levels deep (line 8)',
          'Fix: flatten it: take the inner quotes out of the outer ones',
        ],
      },
      {
        file: 'src/content/pages/pasted-layout.md',
        page: 'pasted-layout/index.html',
        expect: [
          '✗ body: the text is nested too deeply: HTML elements inside one another more than 100 levels deep (line 6)',
          'paste it as plain text instead',
        ],
      },
    ],
  },
  {
    name: "the site's own Markdown plugins failing",
    fixture: 'render-plugin',
    failing: [
      {
        file: 'src/content/news/fair-dates.md',
        page: 'news/fair-dates/index.html',
        expect: [
          '✗ body: the text could not be made into a page: unknown shortcode {{autumn-date}}; the shortcodes are {{year}} (line 8)',
          'Fix: change the text where the message points',
        ],
      },
      {
        file: 'src/content/news/new-bench.md',
        page: 'news/new-bench/index.html',
        expect: [
          "✗ body: the text could not be made into a page: Cannot read properties of undefined (reading 'trim')",
          "one of the site's Markdown plugins (the `markdown` part of astro.config.mjs) failed on it",
        ],
      },
    ],
  },
  {
    name: "the site's own Markdown plugins, given the deprecated way, failing",
    fixture: 'render-plugin',
    files: {
      'astro.config.mjs': [
        "import { defineConfig } from 'astro/config';",
        "import openOutreach from '@openoutreach/astro';",
        "import { rehypeFigureCaptions, remarkShortcodes } from './markdown-plugins.mjs';",
        "export default defineConfig({ site: 'https://minimal.example', integrations: [openOutreach()], markdown: { remarkPlugins: [remarkShortcodes], rehypePlugins: [rehypeFigureCaptions] } });",
      ].join('\n'),
    },
    failing: [
      {
        file: 'src/content/news/fair-dates.md',
        page: 'news/fair-dates/index.html',
        expect: ['unknown shortcode {{autumn-date}}; the shortcodes are {{year}} (line 8)'],
      },
      { file: 'src/content/news/new-bench.md', page: 'news/new-bench/index.html', expect: ["Cannot read properties of undefined (reading 'trim')"] },
    ],
  },
  {
    name: 'a body past the size limit',
    files: { 'src/content/news/minutes.md': `---\ntitle: Minutes\ndate: 2026-05-06\n---\n${'The meeting went on. '.repeat(10_000)}\n` },
    failing: [
      {
        file: 'src/content/news/minutes.md',
        page: 'news/minutes/index.html',
        expect: [
          '✗ body: the text is 209,999 characters long, more than the 200,000 (about 30,000 words) a page may have',
          'Fix: split it into several pages or posts',
        ],
      },
    ],
  },
];

const workspace = join(REPO_ROOT, 'tests/.output/render-errors');

/** A copy of the minimal fixture with a scenario's files, in its own folder. */
function siteWith(name: string, scenario: Pick<Scenario, 'fixture' | 'files'>): string {
  const dir = join(workspace, name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  cpSync(fixture('minimal'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
  if (scenario.fixture) cpSync(fixture(scenario.fixture), dir, { recursive: true });
  for (const [file, content] of Object.entries(scenario.files ?? {})) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe.each(SCENARIOS)('a site with $name', (scenario) => {
  test('fails to build, naming each file and the fix, and writes no page', async () => {
    const dir = siteWith(scenario.name, scenario);
    const { code, output } = await astroBuild(dir);
    expect(code, output).toBe(1);
    const message = output.slice(output.indexOf('Open Outreach found'));
    expect(message).toMatch(new RegExp(`^Open Outreach found (one problem|${scenario.failing.length} problems) in the site's content:`));
    for (const failing of scenario.failing) {
      expect(message).toContain(`  ${failing.file}\n`);
      for (const expected of failing.expect) expect(message).toContain(expected);
      expect(existsSync(join(dir, 'dist', failing.page)), `${failing.page} written`).toBe(false);
    }
    expect(output, 'no stack trace').not.toMatch(STACK_LINE);
    expect(output).not.toContain('Error rendering');
  });
});

describe('a site whose cached content store holds a body that failed', () => {
  test('fails again on the next build, rather than publishing what the failed one stored', async () => {
    const dir = siteWith('failing twice', { fixture: 'render-nesting' });
    expect((await astroBuild(dir)).code).toBe(1);
    const again = await astroBuild(dir);
    expect(again.code, again.output).toBe(1);
    expect(again.output).toContain('src/content/news/long-thread.md');
  });
});

describe('the dev server of a site with a body that cannot be rendered', () => {
  let dir: string;
  let server: DevServer;
  beforeAll(async () => {
    dir = siteWith('dev server', { fixture: 'render-nesting' });
    server = await startDevServer(dir);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const page = async (path: string) => {
    const response = await fetch(new URL(path, server.url));
    return { status: response.status, html: await response.text() };
  };

  test('shows the problem in the page, in place of the body, and says so in the terminal', async () => {
    const { status, html } = await page('news/long-thread/');
    expect(status).toBe(200);
    expect(html).toContain('This text cannot be shown, and the site will not build until it is fixed.');
    expect(html).toContain('src/content/news/long-thread.md');
    expect(html).toContain('the text is nested too deeply: quotes inside one another more than 100 levels deep (line 8)');
    expect(html).toContain('Fix: flatten it:');
    expect(html).toContain('Notes from the long thread');
    expect(server.output()).toContain('✗ body: the text is nested too deeply: quotes inside one another more than 100 levels deep (line 8)');
    expect(server.output(), 'no stack trace').not.toMatch(STACK_LINE);
  });

  test('keeps serving the other pages', async () => {
    const post = await page('news/first-post/');
    expect(post.status).toBe(200);
    expect(post.html).toContain('First!');
    expect((await page('about/')).html).toContain('About us.');
    expect(server.exited()).toBe(false);
  });

  test('shows the text once it is fixed, and the problem again when it comes back', async () => {
    const file = join(dir, 'src/content/news/long-thread.md');
    const broken = readFileSync(file, 'utf8');
    writeFileSync(file, broken.replace(/^>+ /m, '> '));
    await expect.poll(async () => (await page('news/long-thread/')).html, { timeout: 20_000, interval: 500 }).toContain('Agreed, same time next year!');
    expect((await page('news/long-thread/')).html).not.toContain('This text cannot be shown');
    writeFileSync(file, broken);
    await expect.poll(async () => (await page('news/long-thread/')).html, { timeout: 20_000, interval: 500 }).toContain('This text cannot be shown');
  });
});
