import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../packages/core/src/front-matter.ts';
import { astroBuild } from '../support/build.ts';
import { fixture, REPO_ROOT, SITES } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

/** The starter's home page, made of the blocks in its front matter, seen in real Chromium. */
const site = visitSite(SITES.starter.dist);
beforeAll(async () => {
  await site.page.goto(site.server.url);
});

/** The kinds of block of the starter's home page, in the order its front matter gives them. */
function starterBlockTypes(): string[] {
  const file = join(SITES.starter.dir, 'src/content/pages/home.md');
  const parsed = parseFrontMatter(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return (parsed.data as { blocks: { type: string }[] }).blocks.map((block) => block.type);
}

const BLOCK_CLASSES: Record<string, string> = {
  'call-to-action': 'home-cta',
  'latest-news': 'home__news',
  'upcoming-events': 'home__events',
  'featured-projects': 'home-projects',
  figures: 'home-figures',
  'text-with-image': 'home-text-image',
  donate: 'home-donate',
};

describe('the home page blocks', () => {
  test('appear in the order of the front matter, after the hero and the page’s text', async () => {
    const [first, ...rest] = starterBlockTypes();
    expect(first).toBe('hero');
    expect(rest).toEqual(expect.arrayContaining(['figures', 'call-to-action', 'text-with-image', 'latest-news', 'upcoming-events', 'donate']));
    const shown = await site.page.locator('main .home-block').evaluateAll((blocks) => blocks.map((block) => block.className));
    expect(shown.map((names) => Object.entries(BLOCK_CLASSES).find(([, name]) => names.split(' ').includes(name))?.[0])).toEqual(rest);
    const order = await site.page
      .locator('main')
      .evaluate((main) => [...main.querySelectorAll('.hero, .home__body, .home-block')].map((element) => element.classList[0]));
    expect(order.slice(0, 2)).toEqual(['hero', 'prose']);
  });

  test('have one main heading, the hero’s, and a labelled section with a level 2 heading each', async () => {
    expect(await site.page.locator('h1').allTextContents()).toEqual(['Welcome to Maple Street']);
    expect(await site.page.locator('.hero .button').getAttribute('href')).toBe('/get-involved/');
    for (const section of await site.page.locator('main section.home-block').all()) {
      const labelledBy = await section.getAttribute('aria-labelledby');
      expect(labelledBy).toBeTruthy();
      expect(await site.page.locator(`#${labelledBy}`).evaluate((heading) => heading.tagName)).toBe('H2');
    }
    const levels = await site.page
      .locator('main')
      .locator('h1, h2, h3, h4')
      .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));
    expect(
      levels.every((level, index) => index === 0 || level <= levels[index - 1]! + 1),
      'headings never skip a level',
    ).toBe(true);
  });

  test('show the figures, the call to action and the text with its image', async () => {
    const figures = site.page.locator('.home-figures');
    expect(await figures.locator('h2').textContent()).toBe('Our year in numbers');
    expect(await figures.locator('.home-figures__value').allTextContents()).toEqual(['400+', '120', '2']);
    expect(await figures.locator('li').first().textContent()).toBe('400+ neighbours at the street festival');

    const cta = site.page.locator('.home-cta');
    expect(await cta.locator('h2').textContent()).toBe('Join the association');
    expect(await cta.locator('a.button').textContent()).toBe('Become a member');
    expect(await cta.locator('a.button').getAttribute('href')).toBe('/get-involved/');

    const text = site.page.locator('.home-text-image');
    expect(await text.locator('strong').textContent()).toBe('tool library');
    expect(await text.locator('a[href="/projects/tool-library/"]').count()).toBe(1);
    const image = text.locator('img');
    expect(await image.getAttribute('alt')).toContain('pegboard of tools');
    expect(await image.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    // The image is loaded lazily, once scrolled to.
    await image.scrollIntoViewIfNeeded();
    expect(
      await image.evaluate(async (img) => {
        await (img as HTMLImageElement).decode();
        return (img as HTMLImageElement).naturalWidth;
      }),
    ).toBeGreaterThan(0);
  });

  test('show news, events, featured projects in the chosen order, and the donate invitation with its goal', async () => {
    expect(await site.page.locator('.home__news .news-card').count()).toBe(3);
    expect(await site.page.locator('.home-projects .project-card__title').allTextContents()).toEqual([
      'A safe crossing at Maple and Elm',
      'A tool library for the street',
    ]);
    const donate = site.page.locator('.home-donate');
    expect(await donate.locator('a.button').getAttribute('href')).toBe('/donate/');
    expect(await donate.locator('progress').count()).toBe(1);
    await site.page.locator('.home__news a', { hasText: 'All news' }).click();
    await site.page.waitForURL(/\/news\/$/);
    await site.page.goto(site.server.url);
  });

  test('pass axe in light and dark mode, with no script and no request elsewhere', async () => {
    expect(await axeInLightAndDark(site.page)).toEqual([]);
    expect(await site.page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    expect(site.requests.foreign).toEqual([]);
  });
});

/** The minimal fixture, with projects on, and a home page with the given blocks. */
const BAD_BLOCKS: { name: string; blocks: string; expect: string[] }[] = [
  {
    name: 'unknown block type',
    blocks: '  - type: hero\n  - type: figure\n    items: []\n',
    expect: [
      'src/content/pages/home.md',
      'blocks[1].type: "blocks[1].type" is the text "figure", which is not one of the choices',
      'Fix: did you mean "figures"? Write one of: hero, call-to-action,',
    ],
  },
  {
    name: 'unknown project',
    blocks: '  - type: featured-projects\n    projects: [safe-streets, safe-street]\n',
    expect: [
      'src/content/pages/home.md',
      'blocks[0].projects[1]: there is no project "safe-street" in src/content/projects/',
      'Fix: did you mean "safe-streets"?',
    ],
  },
];

describe.each(BAD_BLOCKS)('a home page with an $name', (scenario) => {
  test('fails the build with one message naming the file, the field and the fix', async () => {
    const dir = join(REPO_ROOT, 'tests/.output/home-blocks', scenario.name.replace(/\W+/g, '-'));
    rmSync(dir, { recursive: true, force: true });
    cpSync(fixture('minimal'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
    const files = {
      'astro.config.mjs':
        "import { defineConfig } from 'astro/config';\nimport openOutreach from '@openoutreach/astro';\nexport default defineConfig({ site: 'https://x.example', integrations: [openOutreach({ features: { projects: true } })] });\n",
      'src/content/projects/safe-streets.md': '---\ntitle: Safe streets\n---\n',
      'src/content/pages/home.md': `---\ntitle: Welcome\nblocks:\n${scenario.blocks}---\nHello.\n`,
    };
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    const { code, output } = await astroBuild(dir);
    expect(code).toBe(1);
    expect(output).toContain('Open Outreach found one problem');
    for (const expected of scenario.expect) expect(output).toContain(expected);
    expect(output, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
