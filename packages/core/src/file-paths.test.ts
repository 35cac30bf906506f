import { describe, expect, it } from 'vitest';
import { filePathProblem, sitePath } from './file-paths.ts';

const EXAMPLE = '../../assets/news/photo.jpg';

describe('filePathProblem', () => {
  it.each(['../../assets/news/photo.jpg', './photo.jpg', 'photo.jpg', '../../assets/news/café.jpg'])('takes the relative path %j', (path) => {
    expect(filePathProblem(path, EXAMPLE)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'a place on a computer'],
    ['/home/sam/photo.jpg', 'a place on a computer'],
    ['\\etc\\passwd', 'a place on a computer'],
    ['C:\\Users\\sam\\photo.jpg', 'a place on a computer'],
    ['C:/Users/sam/photo.jpg', 'a place on a computer'],
    ['~/photo.jpg', 'a place on a computer'],
    ['..\\..\\..\\photo.jpg', 'uses \\ between folders'],
    ['../..\\../photo.jpg', 'uses \\ between folders'],
    ['https://example.org/photo.jpg', 'an address, not a file of the site'],
    ['file:///etc/passwd', 'an address, not a file of the site'],
    ['photo\u0000.jpg', 'invisible or control character'],
    ['pho\nto.jpg', 'invisible or control character'],
  ])('refuses %j: %s', (path, message) => {
    const problem = filePathProblem(path, EXAMPLE);
    expect(problem?.message).toContain(message);
    expect(problem?.fix).toBe(`give the path relative to this file with / between folders, e.g. "${EXAMPLE}", or upload the file again in the CMS.`);
  });
});

describe('sitePath', () => {
  it('follows a relative path from the file it is written in', () => {
    expect(sitePath('src/content/news/a.md', '../../assets/news/photo.jpg')).toBe('src/assets/news/photo.jpg');
    expect(sitePath('src/settings/site.yaml', '../assets/logo.png')).toBe('src/assets/logo.png');
    expect(sitePath('src/content/news/a.md', './photo.jpg')).toBe('src/content/news/photo.jpg');
  });

  it.each([
    '../../../secret.jpg',
    '../../../../../../etc/passwd',
    '..\\..\\..\\..\\..\\secret.pdf',
    '../..\\..\\secret.pdf',
    '../../../src/../../secret.jpg',
    '/etc/passwd',
    '\\etc\\passwd',
    'C:\\secret.jpg',
    '../..',
  ])('leads nowhere for %j, which is not in src/', (path) => {
    expect(sitePath('src/content/news/a.md', path)).toBeUndefined();
  });

  it('reads \\ as a separator in the file it starts from (Windows) and in the path', () => {
    expect(sitePath('src\\content\\news\\a.md', '..\\..\\assets\\a.jpg')).toBe('src/assets/a.jpg');
  });
});
