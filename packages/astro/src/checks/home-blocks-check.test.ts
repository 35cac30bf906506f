import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { homeBlockProblems, type BlockFeatures } from './home-blocks-check.ts';
import { readContent } from './read-content.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const ALL: BlockFeatures = { news: true, events: true, projects: true, giving: true };
const home = (blocks: string) => `---\ntitle: Welcome\nblocks:\n${blocks}---\n`;

function siteWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oo-home-blocks-'));
  folders.push(root);
  const all = {
    'src/content/projects/safe-streets.md': '---\ntitle: Safe streets\n---\n',
    'src/content/projects/es/huertos.md': '---\ntitle: Huertos\n---\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('homeBlockProblems', () => {
  it('accepts featured projects of any language and blocks of features the site publishes', () => {
    const root = siteWith({
      'src/content/pages/home.md': home('  - type: featured-projects\n    projects: [safe-streets, huertos]\n  - type: donate\n  - type: latest-news\n'),
    });
    expect(homeBlockProblems(readContent(root, ['pages', 'projects']), ALL)).toEqual([]);
  });

  it('refuses an unknown project, naming the file, the field and the close one', () => {
    const root = siteWith({ 'src/content/pages/en/home.md': home('  - type: hero\n  - type: featured-projects\n    projects: [safe-streets, safe-street]\n') });
    expect(homeBlockProblems(readContent(root, ['pages', 'projects']), ALL)).toEqual([
      {
        file: 'src/content/pages/en/home.md',
        field: 'blocks[1].projects[1]',
        message: 'there is no project "safe-street" in src/content/projects/',
        fix: 'did you mean "safe-streets"? A project is named by its file name without .md.',
      },
    ]);
  });

  it('says how to publish what a block shows', () => {
    const root = siteWith({ 'src/content/pages/home.md': home('  - type: upcoming-events\n  - type: donate\n') });
    expect(homeBlockProblems(readContent(root, ['pages', 'projects']), { ...ALL, giving: false })).toEqual([
      expect.objectContaining({ field: 'blocks[1].type', message: 'the "donate" block shows a donate page, which the site does not publish' }),
    ]);
    expect(homeBlockProblems(readContent(root, ['pages', 'projects']), { ...ALL, events: false })[0]!.fix).toContain('features: { events: true }');
  });

  it('refuses a text past the Markdown limits, which the page could not render', () => {
    const deep = JSON.stringify(`Welcome.\n\n${'>'.repeat(300)} deep`);
    const root = siteWith({
      'src/content/pages/home.md': home(`  - type: hero\n  - type: text-with-image\n    text: ${deep}\n  - type: text-with-image\n    text: Just **fine**.\n`),
    });
    expect(homeBlockProblems(readContent(root, ['pages', 'projects']), ALL)).toEqual([
      {
        file: 'src/content/pages/home.md',
        field: 'blocks[1].text',
        message: 'the text is nested too deeply: quotes inside one another more than 100 levels deep (line 3 of the text)',
        fix: expect.stringMatching(/^flatten it: take the inner quotes out of the outer ones/),
      },
    ]);
  });

  it('leaves other pages and home pages without blocks alone', () => {
    const root = siteWith({
      'src/content/pages/home.md': '---\ntitle: Welcome\n---\n',
      'src/content/pages/about.md': home('  - type: featured-projects\n    projects: [nothing]\n'),
    });
    expect(homeBlockProblems(readContent(root, ['pages', 'projects']), ALL)).toEqual([]);
  });
});
