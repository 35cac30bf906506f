import { describe, expect, it } from 'vitest';
import { resourceFilePath, resourceTopics, resourceTypes } from './resources.ts';

describe('resource filters', () => {
  it('counts topics, one page for spellings that differ only in case, alphabetically', () => {
    expect(resourceTopics([{ topics: ['Safety', 'volunteering'] }, { topics: ['safety'] }, { topics: [] }])).toEqual([
      { slug: 'safety', value: 'Safety', count: 2 },
      { slug: 'volunteering', value: 'volunteering', count: 1 },
    ]);
  });

  it('counts the types resources have, in the kit’s order, leaving out types none has', () => {
    expect(resourceTypes([{ type: 'video' }, { type: 'guide' }, { type: 'video' }], ['guide', 'report', 'video'])).toEqual([
      { slug: 'guide', value: 'guide', count: 1 },
      { slug: 'video', value: 'video', count: 2 },
    ]);
  });
});

describe('resourceFilePath', () => {
  it('publishes a document of src/assets under /files/, one of src/ elsewhere with its folder', () => {
    expect(resourceFilePath('src/content/resources/handbook.md', '../../assets/resources/handbook.pdf')).toBe('/files/resources/handbook.pdf');
    expect(resourceFilePath('src/content/resources/es/guia.md', '../../../assets/resources/guia.pdf')).toBe('/files/resources/guia.pdf');
    expect(resourceFilePath('src/content/resources/handbook.md', './handbook.pdf')).toBe('/files/content/resources/handbook.pdf');
  });

  it('gives no address to a document outside src/ or to a web address', () => {
    expect(resourceFilePath('src/content/resources/a.md', '../../../secret.pdf')).toBeUndefined();
    expect(resourceFilePath('src/content/resources/a.md', '../../../../../etc/a.pdf')).toBeUndefined();
    expect(resourceFilePath('src/content/resources/a.md', 'https://example.org/a.pdf')).toBeUndefined();
  });

  it.each([
    '..\\..\\..\\..\\..\\secret.pdf',
    '..\\..\\..\\secret.pdf',
    '../../assets\\..\\..\\..\\secret.pdf',
    '..\\../..\\secret.pdf',
    '/etc/passwd.pdf',
    '\\etc\\passwd.pdf',
    'C:\\secret.pdf',
    'c:/secret.pdf',
    '../../../src/../../secret.pdf',
  ])('gives no address to %j, which leads out of src/ whatever its separators', (link) => {
    expect(resourceFilePath('src/content/resources/a.md', link)).toBeUndefined();
  });

  it('reads a backslash as a separator, so a path cannot hide a step up in a file name', () => {
    expect(resourceFilePath('src\\content\\resources\\a.md', '..\\..\\assets\\resources\\a.pdf')).toBe('/files/resources/a.pdf');
  });
});
