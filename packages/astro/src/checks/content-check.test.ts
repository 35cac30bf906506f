import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ContentTypeName } from '@openoutreach/core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, valuesAt } from './content-check.ts';
import { readContent } from './read-content.ts';

const check = (root: string, collections: ContentTypeName[], locales?: string[]) => checkContent(readContent(root, collections, locales));

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const VALID_SITE: Record<string, string> = {
  'src/content/pages/home.md': '---\ntitle: Welcome\n---\nHello.\n',
  'src/content/pages/about.md': '---\ntitle: About us\nmenu:\n  placement: header\n---\n',
  'src/content/pages/history.md': '---\ntitle: History\nparent: about\nhero:\n  src: ../../assets/pages/team.jpg\n  alt: Our team\n---\n',
  'src/content/news/spring-fair.md':
    '---\ntitle: Spring fair\ndate: 2026-05-01\ncover:\n  src: ../../assets/news/fair.jpg\n  alt: Stalls at the fair\ntags: [events]\n---\nBody\n',
  'src/assets/pages/team.jpg': 'jpeg',
  'src/assets/news/fair.jpg': 'jpeg',
};

/** A site folder holding the valid site with some files replaced (`null` removes one). */
function siteWith(changes: Record<string, string | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'oo-content-'));
  folders.push(root);
  for (const [path, content] of Object.entries({ ...VALID_SITE, ...changes })) {
    if (content === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('checkContent', () => {
  it('finds no problems in a valid site', () => {
    expect(check(siteWith(), ['pages', 'news'])).toEqual([]);
  });

  it('refuses an image too big to process, and says how to make it smaller', () => {
    const root = siteWith();
    truncateSync(join(root, 'src/assets/news/fair.jpg'), 40_000_000);
    const [problem, ...others] = check(root, ['pages', 'news']);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ file: 'src/content/news/spring-fair.md', field: 'cover.src', message: expect.stringContaining('is 40 MB') });
    expect(problem?.fix).toContain('4000 pixels');
  });

  it('finds no problems when a collection has no folder', () => {
    expect(check(siteWith({ 'src/content/news/spring-fair.md': null }), ['pages', 'news'])).toEqual([]);
  });

  it.each(['Spring Fair.md', 'spring_fair.md', 'Spring-fair.md', 'fête.md', '-fair.md'])(
    'reports the file name %j, which cannot be part of a web address',
    (name) => {
      const root = siteWith({ [`src/content/news/${name}`]: VALID_SITE['src/content/news/spring-fair.md']! });
      expect(check(root, ['pages', 'news'])).toEqual([
        expect.objectContaining({
          file: `src/content/news/${name}`,
          field: '',
          message: `the file name "${name}" cannot be used in a web address`,
          fix: expect.stringContaining('lower-case letters, digits and hyphens'),
        }),
      ]);
    },
  );

  it('reports a cover image that does not exist, saying where it looked', () => {
    const root = siteWith({ 'src/assets/news/fair.jpg': null });
    expect(check(root, ['pages', 'news'])).toEqual([
      expect.objectContaining({
        file: 'src/content/news/spring-fair.md',
        field: 'cover.src',
        message: 'the image "../../assets/news/fair.jpg" does not exist (looked for src/assets/news/fair.jpg)',
      }),
    ]);
  });

  it('reports a missing hero image of a page', () => {
    const problems = check(siteWith({ 'src/assets/pages/team.jpg': null }), ['pages']);
    expect(problems).toEqual([expect.objectContaining({ file: 'src/content/pages/history.md', field: 'hero.src' })]);
  });

  it('reports an image field that points at a file that is not an image', () => {
    const root = siteWith({
      'src/content/news/spring-fair.md': '---\ntitle: Fair\ndate: 2026-05-01\ncover:\n  src: ../../assets/news/flyer.pdf\n  alt: Flyer\n---\n',
      'src/assets/news/flyer.pdf': 'pdf',
    });
    expect(check(root, ['news'])).toEqual([expect.objectContaining({ field: 'cover.src', message: '"../../assets/news/flyer.pdf" is not an image file' })]);
  });

  it('reports invalid front matter through the schema, naming file and field', () => {
    const root = siteWith({ 'src/content/news/spring-fair.md': '---\ndate: 2026-02-30\n---\n' });
    const problems = check(root, ['pages', 'news']);
    expect(problems.map((problem) => [problem.file, problem.field]).sort()).toEqual([
      ['src/content/news/spring-fair.md', 'date'],
      ['src/content/news/spring-fair.md', 'title'],
    ]);
  });

  it('reports a missing alt text with the hint of where to add it', () => {
    const root = siteWith({ 'src/content/news/spring-fair.md': '---\ntitle: Fair\ndate: 2026-05-01\ncover:\n  src: ../../assets/news/fair.jpg\n---\n' });
    expect(check(root, ['news'])).toEqual([
      expect.objectContaining({ field: 'cover.alt', fix: expect.stringMatching(/^under "cover:", add a line such as `alt: /) }),
    ]);
  });

  it('reports a file without front matter and YAML that cannot be read', () => {
    const root = siteWith({
      'src/content/pages/about.md': '# About us\n',
      'src/content/pages/contact.md': '---\ntitle: Contact\nsummary: a: b\n---\n',
    });
    const problems = check(root, ['pages']);
    expect(problems.find((problem) => problem.file === 'src/content/pages/about.md')?.message).toBe('the file does not start with front matter');
    expect(problems.find((problem) => problem.file === 'src/content/pages/contact.md')?.message).toMatch(/^the YAML at line \d+ cannot be read/);
  });

  it('checks news only when the news collection is enabled', () => {
    const root = siteWith({ 'src/content/news/spring-fair.md': '---\ntitle: Fair\n---\n' });
    expect(check(root, ['pages'])).toEqual([]);
    expect(check(root, ['pages', 'news'])).toHaveLength(1);
  });

  it('reports a page whose parent does not exist', () => {
    const root = siteWith({ 'src/content/pages/history.md': '---\ntitle: History\nparent: abuot\n---\n' });
    expect(check(root, ['pages'])).toEqual([
      expect.objectContaining({ file: 'src/content/pages/history.md', field: 'parent', message: 'there is no page "abuot" to be the parent of this page' }),
    ]);
  });

  it("reports pages that are each other's parents", () => {
    const root = siteWith({
      'src/content/pages/about.md': '---\ntitle: About\nparent: history\n---\n',
      'src/content/pages/history.md': '---\ntitle: History\nparent: about\n---\n',
    });
    const problems = check(root, ['pages']);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.field === 'parent' && problem.message.includes('in a circle'))).toBe(true);
  });

  // The collections load only the `*.md` files at the top of each folder (content.ts), so a file
  // in a subfolder would silently be left out of the site.
  it('reports a Markdown file in a subfolder, which the site would not publish', () => {
    const root = siteWith({ 'src/content/pages/about/board.md': '---\ntitle: Our board\n---\n' });
    expect(check(root, ['pages'])).toEqual([
      {
        file: 'src/content/pages/about/board.md',
        field: '',
        message: 'the file will not be published: it is in a subfolder, and only the files directly in src/content/pages/ are',
        fix: expect.stringMatching(/^move it to src\/content\/pages\/\..*`parent: about`/),
      },
    ]);
  });

  it('reports a news post in a subfolder without checking it as a post', () => {
    const root = siteWith({ 'src/content/news/2026/Fair Day.md': '# not even front matter\n' });
    expect(check(root, ['pages', 'news'])).toEqual([
      expect.objectContaining({ file: 'src/content/news/2026/Fair Day.md', fix: 'move it to src/content/news/.' }),
    ]);
  });

  it('does not count a page in a subfolder as a parent that exists', () => {
    const root = siteWith({
      'src/content/pages/about/board.md': '---\ntitle: Our board\n---\n',
      'src/content/pages/treasurer.md': '---\ntitle: Treasurer\nparent: board\n---\n',
    });
    expect(check(root, ['pages']).map((problem) => problem.file)).toEqual(['src/content/pages/about/board.md', 'src/content/pages/treasurer.md']);
  });
});

describe('a page that cannot be read', () => {
  it('is reported alone: its sub-pages are not told their parent is missing', () => {
    const problems = check(siteWith({ 'src/content/pages/about.md': '---\ntitle: About: us: here\n---\n' }), ['pages', 'news']);
    expect(problems.map((problem) => problem.file)).toEqual(['src/content/pages/about.md']);
  });
});

describe('an album', () => {
  const album = (photos: string) => `---\ntitle: Spring fair\ndate: 2026-05-01\nphotos:\n${photos}---\n`;
  const photo = (file: string) => `  - src: ../../assets/albums/${file}\n    alt: A stall\n`;

  it('checks every photo of the list, naming the one that is missing', () => {
    const root = siteWith({
      'src/content/albums/spring-fair.md': album(photo('one.jpg') + photo('two.jpg') + photo('three.jpg')),
      'src/assets/albums/one.jpg': 'jpeg',
      'src/assets/albums/three.jpg': 'jpeg',
    });
    expect(check(root, ['albums'])).toEqual([
      expect.objectContaining({
        file: 'src/content/albums/spring-fair.md',
        field: 'photos[1].src',
        message: 'the image "../../assets/albums/two.jpg" does not exist (looked for src/assets/albums/two.jpg)',
      }),
    ]);
  });

  it('names the video field and the fix when a video address is not one the kit can play', () => {
    const root = siteWith({
      'src/content/albums/spring-fair.md': `${album(photo('one.jpg')).slice(0, -4)}videos:\n  - url: https://example.org/clip\n    title: Clip\n---\n`,
      'src/assets/albums/one.jpg': 'jpeg',
    });
    expect(check(root, ['albums'])).toEqual([
      expect.objectContaining({
        file: 'src/content/albums/spring-fair.md',
        field: 'videos[0].url',
        message: expect.stringContaining('not a YouTube, Vimeo or PeerTube video address'),
      }),
    ]);
  });
});

describe('valuesAt', () => {
  it('finds one value for a dotted path and one per item for a list path', () => {
    expect(valuesAt({ cover: { src: 'a.jpg' } }, 'cover.src')).toEqual([{ field: 'cover.src', value: 'a.jpg' }]);
    expect(valuesAt({ photos: [{ src: 'a.jpg' }, { src: 'b.jpg' }] }, 'photos[].src')).toEqual([
      { field: 'photos[0].src', value: 'a.jpg' },
      { field: 'photos[1].src', value: 'b.jpg' },
    ]);
    expect(valuesAt({}, 'photos[].src')).toEqual([]);
  });
});

describe('checkContent on a site in English and Spanish', () => {
  const BILINGUAL = {
    'src/content/pages/home.md': null,
    'src/content/pages/about.md': null,
    'src/content/pages/history.md': null,
    'src/content/news/spring-fair.md': null,
    'src/content/pages/en/home.md': '---\ntitle: Welcome\n---\n',
    'src/content/pages/en/about.md': '---\ntitle: About us\n---\n',
    'src/content/pages/es/home.md': '---\ntitle: Bienvenida\n---\n',
    'src/content/pages/es/history.md': '---\ntitle: Historia\nparent: about\n---\n',
    'src/content/pages/es/about.md': '---\ntitle: Sobre nosotros\n---\n',
  };

  it('reads each language from its folder, with a page tree of its own', () => {
    expect(check(siteWith(BILINGUAL), ['pages', 'news'], ['en', 'es'])).toEqual([]);
  });

  it('finds a parent missing in the language of the sub-page', () => {
    const problems = check(siteWith({ ...BILINGUAL, 'src/content/pages/es/about.md': null }), ['pages'], ['en', 'es']);
    expect(problems).toEqual([expect.objectContaining({ file: 'src/content/pages/es/history.md', field: 'parent' })]);
  });

  it('gives one problem for a folder whose files are all outside the language folders, as when a site turns on a second language', () => {
    const problems = check(
      siteWith({
        'src/content/news/fair.md': '---\ntitle: Fair\ndate: 2026-05-01\n---\n',
        'src/content/news/picnic.md': '---\ntitle: Picnic\ndate: 2026-06-01\n---\n',
      }),
      ['news'],
      ['en', 'es'],
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'src/content/news/',
        message: expect.stringContaining('its 3 files belong to no language'),
        fix: expect.stringContaining('git mv src/content/news/*.md src/content/news/en/'),
      }),
    ]);
  });

  it('suggests an image path from the depth of a translated file', () => {
    const file = 'src/content/news/es/feria.md';
    const problems = check(
      siteWith({ ...BILINGUAL, [file]: '---\ntitle: Feria\ndate: 2026-05-01\ncover:\n  src: ../../assets/news/feria.jpg\n  alt: Puestos\n---\n' }),
      ['pages', 'news'],
      ['en', 'es'],
    );
    expect(problems).toEqual([expect.objectContaining({ file, field: 'cover.src', fix: expect.stringContaining('"../../../assets/news/photo.jpg"') })]);
  });

  it.each([
    ['a file outside the language folders', 'src/content/news/spring-fair.md'],
    ['a file in the folder of a language the site does not have', 'src/content/news/fr/spring-fair.md'],
  ])('refuses %s, and says where it belongs', (_case, file) => {
    const problems = check(siteWith({ ...BILINGUAL, [file]: '---\ntitle: Fair\ndate: 2026-05-01\n---\n' }), ['pages', 'news'], ['en', 'es']);
    expect(problems).toEqual([
      expect.objectContaining({ file, message: expect.stringContaining('belongs to no language'), fix: expect.stringContaining('src/content/news/en/') }),
    ]);
  });
});

describe('image paths that leave the site', () => {
  /** A site whose news post's cover is `src`, with a secret image beside the site's folder. */
  function withCover(src: string, changes: Record<string, string | null> = {}) {
    const root = siteWith({
      'src/content/news/spring-fair.md': `---\ntitle: Fair\ndate: 2026-05-01\ncover:\n  src: ${JSON.stringify(src)}\n  alt: A photo\n---\n`,
      ...changes,
    });
    writeFileSync(join(root, '..', `${root.split(/[\\/]/).pop()}-secret.jpg`), 'secret');
    return root;
  }

  it.each([
    ['../../../../secret.jpg', "leads out of the site's src/ folder"],
    ['../../../package.jpg', "leads out of the site's src/ folder"],
    ['..\\..\\..\\..\\secret.jpg', 'uses \\ between folders'],
    ['../..\\..\\..\\secret.jpg', 'uses \\ between folders'],
    ['/etc/passwd.jpg', 'is a place on a computer'],
    ['C:\\Windows\\secret.jpg', 'is a place on a computer'],
    ['https://example.org/photo.jpg', 'is an address, not a file of the site'],
  ])('refuses the cover %j, naming the file, the field and the fix', (src, message) => {
    const problems = check(withCover(src), ['pages', 'news']);
    expect(problems).toEqual([
      {
        file: 'src/content/news/spring-fair.md',
        field: 'cover.src',
        message: expect.stringContaining(message),
        fix: expect.stringContaining('../../assets/news/photo.jpg'),
      },
    ]);
  });

  it('refuses an image that exists outside the site, reached by climbing out', () => {
    const root = withCover('placeholder.jpg');
    const secret = `../../../../${root.split(/[\\/]/).pop()}-secret.jpg`;
    writeFileSync(join(root, 'src/content/news/spring-fair.md'), `---\ntitle: Fair\ndate: 2026-05-01\ncover:\n  src: ${secret}\n  alt: A photo\n---\n`);
    expect(check(root, ['pages', 'news'])).toEqual([
      expect.objectContaining({ field: 'cover.src', message: `"${secret}" leads out of the site's src/ folder, so it cannot be published` }),
    ]);
  });

  it('refuses a symlink in src/ to a file elsewhere on the machine', () => {
    const root = withCover('../../assets/news/linked.jpg');
    symlinkSync(join(root, '..', `${root.split(/[\\/]/).pop()}-secret.jpg`), join(root, 'src/assets/news/linked.jpg'));
    expect(check(root, ['pages', 'news'])).toEqual([
      expect.objectContaining({
        file: 'src/content/news/spring-fair.md',
        field: 'cover.src',
        message: expect.stringContaining('is a link (symlink) to a file outside'),
      }),
      expect.objectContaining({ file: 'src/assets/news/linked.jpg', field: '', message: "this is a link (symlink) to a file outside the site's folder" }),
    ]);
  });

  it('follows every image field: person photos, album photos', () => {
    const root = siteWith({
      'src/content/people/sam.md': '---\nname: Sam\nphoto:\n  src: ../../../../../etc/sam.jpg\n  alt: Sam\n---\n',
      'src/content/albums/fair.md':
        '---\ntitle: Fair\ndate: 2026-05-01\nphotos:\n  - src: ../../assets/news/fair.jpg\n    alt: Stalls\n  - src: "..\\\\..\\\\..\\\\x.jpg"\n    alt: X\n---\n',
    });
    expect(check(root, ['pages', 'news', 'people', 'albums']).map(({ file, field }) => `${file} ${field}`)).toEqual([
      'src/content/people/sam.md photo.src',
      'src/content/albums/fair.md photos[1].src',
    ]);
  });

  it.each([
    ['![A secret](../../../../secret.jpg)', 'the image "../../../../secret.jpg" leads out of the site\'s src/ folder'],
    ['![A secret](%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.jpg)', 'the image "../../../../secret.jpg" leads out of'],
    ['![A secret][s]\n\n[s]: ../../../../secret.jpg', 'leads out of'],
    ['Text[^1]\n\n[^1]: ![A secret](../../../../secret.jpg)', 'leads out of'],
    ['| a |\n| - |\n| ![x](../../../../secret.jpg) |', 'leads out of'],
    ['![A secret](..\\..\\..\\..\\secret.jpg)', 'uses \\ between folders'],
    ['![A secret](<../../assets/news/missing.jpg>)', 'does not exist'],
    ['![A secret](../../assets/news/%zz.jpg)', 'has a % that is not followed by two hexadecimal digits'],
  ])('refuses the Markdown image in %j, naming the file and the body', (body, message) => {
    const root = siteWith({ 'src/content/news/spring-fair.md': `---\ntitle: Fair\ndate: 2026-05-01\n---\n${body}\n` });
    expect(check(root, ['pages', 'news'])).toEqual([
      {
        file: 'src/content/news/spring-fair.md',
        field: 'body',
        message: expect.stringContaining(message),
        fix: expect.stringContaining('../../assets/news/photo.jpg'),
      },
    ]);
  });

  it("leaves Markdown images from the site's root and from other sites to the page checks", () => {
    const root = siteWith({
      'src/content/news/spring-fair.md':
        '---\ntitle: Fair\ndate: 2026-05-01\n---\n![a](/images/a.jpg) ![b](https://example.org/b.jpg) ![c](../../assets/news/fair.jpg)\n',
    });
    expect(check(root, ['pages', 'news'])).toEqual([]);
  });
});

describe('links (symlinks) in the folders the build publishes from', () => {
  it.each([['src/content/pages/notes.md'], ['src/assets/news/photo.jpg'], ['public/robots-extra.txt'], ['public/folder']])(
    'refuses %s leading outside the site',
    (path) => {
      const root = siteWith();
      const outside = mkdtempSync(join(tmpdir(), 'oo-outside-'));
      folders.push(outside);
      writeFileSync(join(outside, 'private.md'), '---\ntitle: Private\n---\nSecret notes.\n');
      mkdirSync(dirname(join(root, path)), { recursive: true });
      symlinkSync(path.endsWith('folder') ? outside : join(outside, 'private.md'), join(root, path));
      expect(check(root, ['pages', 'news']).filter((problem) => problem.file === path)).toEqual([
        {
          file: path,
          field: '',
          message: "this is a link (symlink) to a file outside the site's folder",
          fix: expect.stringContaining('put the file itself here'),
        },
      ]);
    },
  );

  it('refuses a link that leads nowhere, and takes one to another file of the site', () => {
    const root = siteWith();
    symlinkSync(join(root, 'nowhere.jpg'), join(root, 'src/assets/news/broken.jpg'));
    symlinkSync(join(root, 'src/assets/news/fair.jpg'), join(root, 'src/assets/news/same.jpg'));
    expect(check(root, ['pages', 'news'])).toEqual([
      expect.objectContaining({ file: 'src/assets/news/broken.jpg', message: 'this is a link (symlink) that leads to no file' }),
    ]);
  });
});
