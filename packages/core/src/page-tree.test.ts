import { describe, expect, it } from 'vitest';
import { buildMenu, pagePaths, type PageNode } from './page-tree.ts';
import type { MenuItem } from './schemas/site-settings.ts';

interface Options {
  parent?: string;
  placement?: 'none' | 'header' | 'footer';
  order?: number;
  draft?: boolean;
}

const page = (id: string, { parent, placement = 'none', order = 0, draft = false }: Options = {}): PageNode => ({
  id,
  file: `src/content/pages/${id}.md`,
  data: { title: id[0]!.toUpperCase() + id.slice(1), parent, menu: { placement, order }, draft },
});

describe('pagePaths', () => {
  it('publishes home at the root and nests pages under their parents', () => {
    const { paths, problems } = pagePaths([
      page('home'),
      page('about'),
      page('history', { parent: 'about' }),
      page('founders', { parent: 'history' }),
      page('contact', { parent: 'home' }),
    ]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(paths)).toEqual({
      home: [],
      about: ['about'],
      history: ['about', 'history'],
      founders: ['about', 'history', 'founders'],
      contact: ['contact'],
    });
  });

  it('does not depend on the order of the pages', () => {
    const { paths } = pagePaths([page('founders', { parent: 'history' }), page('history', { parent: 'about' }), page('about')]);
    expect(paths.get('founders')).toEqual(['about', 'history', 'founders']);
  });

  it('reports a parent that does not exist, in the file that names it', () => {
    const { paths, problems } = pagePaths([page('about'), page('history', { parent: 'abuot' })]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'src/content/pages/history.md',
        field: 'parent',
        message: 'there is no page "abuot" to be the parent of this page',
        fix: expect.stringContaining('"about"'),
      }),
    ]);
    expect(paths.get('history')).toEqual(['history']);
  });

  it('reports a missing parent once, not once per descendant', () => {
    const { paths, problems } = pagePaths([page('a', { parent: 'missing' }), page('b', { parent: 'a' }), page('c', { parent: 'b' })]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'src/content/pages/a.md', message: 'there is no page "missing" to be the parent of this page' }),
    ]);
    expect(paths.get('c')).toEqual(['a', 'b', 'c']);
  });

  it('suggests the page whose name is closest to the missing parent', () => {
    const { problems } = pagePaths([page('home'), page('contact'), page('about'), page('history', { parent: 'abuot' })]);
    expect(problems[0]?.fix).toContain('e.g. "about"');
  });

  it("reports two pages that are each other's parents without hanging", () => {
    const { paths, problems } = pagePaths([page('a', { parent: 'b' }), page('b', { parent: 'a' })]);
    expect(problems).toHaveLength(2);
    for (const problem of problems) {
      expect(problem.field).toBe('parent');
      expect(problem.message).toMatch(/^the pages (a → b|b → a) are each other's parents, in a circle$/);
    }
    expect(problems.map((problem) => problem.file)).toEqual(['src/content/pages/a.md', 'src/content/pages/b.md']);
    expect(paths.size).toBe(2);
  });

  it('reports a circle of three pages, naming all three', () => {
    const { problems } = pagePaths([page('a', { parent: 'c' }), page('b', { parent: 'a' }), page('c', { parent: 'b' })]);
    expect(problems).toHaveLength(3);
    expect(problems[0]?.message).toBe("the pages a → c → b are each other's parents, in a circle");
  });

  it('names only the pages in a circle, once each, not the pages below it', () => {
    const { paths, problems } = pagePaths([page('c', { parent: 'a' }), page('a', { parent: 'b' }), page('b', { parent: 'a' }), page('d', { parent: 'c' })]);
    expect(problems.map((problem) => [problem.file, problem.message])).toEqual([
      ['src/content/pages/a.md', "the pages a → b are each other's parents, in a circle"],
      ['src/content/pages/b.md', "the pages b → a are each other's parents, in a circle"],
    ]);
    expect(paths.size).toBe(4);
  });

  it('reports a page that is its own parent', () => {
    expect(pagePaths([page('a', { parent: 'a' })]).problems).toEqual([
      expect.objectContaining({ file: 'src/content/pages/a.md', field: 'parent', message: 'this page is its own parent' }),
    ]);
  });
});

describe('buildMenu', () => {
  const hrefOf = (id: string) => `/${id}/`;
  const settingsItems: MenuItem[] = [
    { label: 'News', href: '/news/' },
    { label: 'Donate', href: 'https://donate.example.org' },
  ];

  it('puts the links from settings first, then the placed pages by order', () => {
    const pages = [
      page('contact', { placement: 'header', order: 30 }),
      page('about', { placement: 'header', order: 10 }),
      page('join', { placement: 'header', order: 20 }),
    ];
    expect(buildMenu('header', settingsItems, pages, hrefOf)).toEqual([
      ...settingsItems,
      { label: 'About', href: '/about/' },
      { label: 'Join', href: '/join/' },
      { label: 'Contact', href: '/contact/' },
    ]);
  });

  it('keeps only pages placed in that menu and leaves drafts out', () => {
    const pages = [
      page('about', { placement: 'header' }),
      page('privacy', { placement: 'footer' }),
      page('secret', { placement: 'footer', draft: true }),
      page('history'),
    ];
    expect(buildMenu('footer', [], pages, hrefOf)).toEqual([{ label: 'Privacy', href: '/privacy/' }]);
  });

  it('nests a page under its parent when the parent is in the same menu, sorting the children', () => {
    const pages = [
      page('board', { parent: 'about', placement: 'header', order: 2 }),
      page('about', { placement: 'header', order: 1 }),
      page('history', { parent: 'about', placement: 'header', order: 1 }),
      page('contact', { placement: 'header', order: 5 }),
    ];
    expect(buildMenu('header', [], pages, hrefOf)).toEqual([
      {
        label: 'About',
        href: '/about/',
        children: [
          { label: 'History', href: '/history/' },
          { label: 'Board', href: '/board/' },
        ],
      },
      { label: 'Contact', href: '/contact/' },
    ]);
  });

  it('lists a page at the top level when its parent is not in that menu or is a draft', () => {
    const pages = [
      page('about', { placement: 'footer' }),
      page('board', { parent: 'about', placement: 'header' }),
      page('drafty', { placement: 'header', draft: true }),
      page('child', { parent: 'drafty', placement: 'header', order: 1 }),
    ];
    expect(buildMenu('header', [], pages, hrefOf)).toEqual([
      { label: 'Board', href: '/board/' },
      { label: 'Child', href: '/child/' },
    ]);
  });

  it('does not modify the settings items it is given', () => {
    const items: MenuItem[] = [{ label: 'News', href: '/news/' }];
    buildMenu('header', items, [page('about', { placement: 'header' })], hrefOf);
    expect(items).toEqual([{ label: 'News', href: '/news/' }]);
  });
});
