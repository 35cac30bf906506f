import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from './checks/content-check.ts';
import { readContent } from './checks/read-content.ts';
import { resourceFileProblems } from './checks/resource-files-check.ts';
import { copyResourceFiles, resourceFiles } from './resource-files.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/**
 * A folder holding a secret document and, in `site/`, a site whose one resource links to
 * `link`; the site's root is returned.
 */
function siteLinkingTo(link: string): string {
  const outer = mkdtempSync(join(tmpdir(), 'oo-resource-files-'));
  folders.push(outer);
  const root = join(outer, 'site');
  const files: Record<string, string> = {
    'secret.pdf': 'SECRET OUTSIDE THE SITE',
    'site/secret.pdf': 'SECRET AT THE SITE ROOT',
    'site/src/content/pages/home.md': '---\ntitle: Home\n---\n',
    'site/src/content/resources/leak.md': `---\ntitle: Leak\ntype: guide\nlink: ${JSON.stringify(link)}\n---\n`,
    'site/src/assets/resources/handbook.pdf': '%PDF-1.4',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(outer, path)), { recursive: true });
    writeFileSync(join(outer, path), content);
  }
  return root;
}

/** Every file under `folder`, as paths relative to it. */
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }) : []);

describe('resource documents outside the site', () => {
  it.each([
    '..\\..\\..\\..\\secret.pdf',
    '..\\..\\..\\secret.pdf',
    '../../assets\\..\\..\\..\\..\\secret.pdf',
    '..\\../..\\../secret.pdf',
    '../../../secret.pdf',
    '../../../../secret.pdf',
    '/etc/passwd.pdf',
    '\\etc\\passwd.pdf',
    'C:\\secret.pdf',
    'c:/secret.pdf',
  ])('refuses %j, copies nothing, and the content check names the file, the field and the fix', (link) => {
    const root = siteLinkingTo(link);
    const problems = [...checkContent(readContent(root, ['pages', 'resources'])), ...resourceFileProblems(readContent(root, ['resources']))];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'src/content/resources/leak.md',
      field: 'link',
      message: expect.stringContaining(JSON.stringify(link).slice(1, -1)),
    });
    expect(problems[0]!.fix).toContain('../../assets/resources/handbook.pdf');
    expect(resourceFiles(readContent(root, ['resources']))).toEqual([]);
    const dist = join(root, 'dist');
    copyResourceFiles(readContent(root, ['resources']), dist);
    expect(filesIn(dist)).toEqual([]);
  });

  it('refuses a document that is a symlink to a file outside the site, and does not copy it', () => {
    const root = siteLinkingTo('../../assets/resources/linked.pdf');
    symlinkSync(join(root, '..', 'secret.pdf'), join(root, 'src/assets/resources/linked.pdf'));
    expect(resourceFileProblems(readContent(root, ['resources']))).toEqual([
      expect.objectContaining({
        file: 'src/content/resources/leak.md',
        field: 'link',
        message: expect.stringContaining('is a link (symlink) to a file outside'),
      }),
    ]);
    const dist = join(root, 'dist');
    copyResourceFiles(readContent(root, ['resources']), dist);
    expect(filesIn(dist)).toEqual([]);
  });

  it('copies a document of src/ to /files/', () => {
    const root = siteLinkingTo('../../assets/resources/handbook.pdf');
    expect(resourceFileProblems(readContent(root, ['resources']))).toEqual([]);
    const dist = join(root, 'dist');
    copyResourceFiles(readContent(root, ['resources']), dist);
    expect(filesIn(join(dist, 'files'))).toEqual(['resources', 'resources/handbook.pdf']);
  });
});
