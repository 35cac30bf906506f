import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ContentTypeName } from '@openoutreach/core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from './content-check.ts';
import { referenceProblems } from './references-check.ts';
import { copyResourceFiles } from '../resource-files.ts';
import { resourceFileProblems } from './resource-files-check.ts';
import { readContent } from './read-content.ts';

const references = (root: string, collections: ContentTypeName[]) => referenceProblems(readContent(root, collections));

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const SITE: Record<string, string> = {
  'src/content/people/sam-rivera.md': '---\nname: Sam Rivera\ngroups: [board]\n---\n',
  'src/content/projects/safe-streets.md': '---\ntitle: Safe streets\n---\n',
  'src/content/news/crossing.md': '---\ntitle: Crossing\ndate: 2026-05-01\nperson: sam-rivera\nproject: safe-streets\n---\n',
  'src/content/events/walk.md': '---\ntitle: Walk\nstart: 2026-05-01T10:00\nproject: safe-streets\n---\n',
  'src/content/resources/handbook.md': '---\ntitle: Handbook\ntype: guide\nlink: ../../assets/resources/handbook.pdf\n---\n',
  'src/content/resources/toolkit.md': '---\ntitle: Toolkit\ntype: toolkit\nlink: https://example.org/toolkit\n---\n',
  'src/assets/resources/handbook.pdf': '%PDF-1.4',
};
const ALL = ['news', 'events', 'people', 'projects', 'resources'] as const;

function siteWith(changes: Record<string, string | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'oo-references-'));
  folders.push(root);
  for (const [path, content] of Object.entries({ ...SITE, ...changes })) {
    if (content === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('referenceProblems', () => {
  it('accepts posts and events that name existing people and projects, in any language folder', () => {
    expect(references(siteWith(), [...ALL])).toEqual([]);
    const multilingual = siteWith({
      'src/content/projects/safe-streets.md': null,
      'src/content/projects/es/safe-streets.md': '---\ntitle: Calles seguras\n---\n',
    });
    expect(references(multilingual, [...ALL])).toEqual([]);
  });

  it('refuses an unknown project slug, naming the file and the field, and suggests the close one', () => {
    const root = siteWith({ 'src/content/events/walk.md': '---\ntitle: Walk\nstart: 2026-05-01T10:00\nproject: safe-street\n---\n' });
    expect(references(root, [...ALL])).toEqual([
      {
        file: 'src/content/events/walk.md',
        field: 'project',
        message: 'there is no project "safe-street" in src/content/projects/',
        fix: 'did you mean `project: safe-streets`? The value is the file name of the project without .md.',
      },
    ]);
  });

  it('refuses an unknown person, listing one that exists when none is close', () => {
    const root = siteWith({ 'src/content/news/crossing.md': '---\ntitle: Crossing\ndate: 2026-05-01\nperson: someone-else\n---\n' });
    expect(references(root, [...ALL])).toEqual([
      expect.objectContaining({
        file: 'src/content/news/crossing.md',
        field: 'person',
        fix: 'use the file name of one of the people without .md, e.g. `person: sam-rivera`, or remove "person".',
      }),
    ]);
  });

  it('says how to turn on a collection a post refers to', () => {
    const [problem, ...others] = references(siteWith(), ['news', 'events', 'people']);
    expect(others).toHaveLength(1);
    expect(problem).toMatchObject({
      field: 'project',
      message: 'it names "safe-streets", but the site has projects turned off',
      fix: expect.stringContaining('features: { projects: true }'),
    });
  });
});

describe('content of the new types', () => {
  it('is checked with its schema: bad front matter names the file, the field and the fix', () => {
    const root = siteWith({
      'src/content/people/no-alt.md': '---\nname: Al\nphoto:\n  src: ../../assets/people/al.jpg\n---\n',
      'src/content/projects/bad-status.md': '---\ntitle: X\nstatus: finished\n---\n',
      'src/content/resources/no-link.md': '---\ntitle: X\ntype: guide\nlink: example.org/x\n---\n',
    });
    const problems = checkContent(readContent(root, ['people', 'projects', 'resources']));
    expect(problems.map(({ file, field }) => `${file} ${field}`).sort()).toEqual([
      'src/content/people/no-alt.md photo.alt',
      'src/content/projects/bad-status.md status',
      'src/content/resources/no-link.md link',
    ]);
    expect(problems.every((problem) => problem.message && problem.fix)).toBe(true);
  });
});

describe('resource documents', () => {
  it('refuses a missing document and one outside src/, naming the resource and its link', () => {
    const root = siteWith({
      'src/content/resources/handbook.md': '---\ntitle: Handbook\ntype: guide\nlink: ../../assets/resources/missing.pdf\n---\n',
      'src/content/resources/outside.md': '---\ntitle: Outside\ntype: guide\nlink: ../../../outside.pdf\n---\n',
    });
    expect(resourceFileProblems(readContent(root, ['resources'])).map(({ file, field, message }) => [file, field, message])).toEqual([
      ['src/content/resources/handbook.md', 'link', 'the document "src/assets/resources/missing.pdf" does not exist'],
      ['src/content/resources/outside.md', 'link', '"../../../outside.pdf" leads out of the site\'s src/ folder, so it cannot be published'],
    ]);
  });

  it('copies documents into the built site where their cards link, and leaves web addresses alone', () => {
    const root = siteWith();
    expect(resourceFileProblems(readContent(root, ['resources']))).toEqual([]);
    const dist = join(root, 'dist');
    copyResourceFiles(readContent(root, ['resources']), dist);
    expect(readFileSync(join(dist, 'files/resources/handbook.pdf'), 'utf8')).toBe('%PDF-1.4');
    expect(existsSync(join(dist, 'files/resources/toolkit'))).toBe(false);
  });
});
