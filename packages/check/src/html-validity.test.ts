import { afterAll, expect, test } from 'vitest';
import { removeSites, writeSite } from '../test/write-site.ts';
import { findJava, htmlErrors, JAVA_MISSING } from './html-validity.ts';

afterAll(removeSites);

const java = findJava();

test.skipIf(!java)('reports each error of each file, with its line, in one run of the Nu checker', { timeout: 60_000 }, async () => {
  const dist = writeSite({
    'index.html': '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fine</title></head><body><p>Fine</p></body></html>',
    'bad/index.html':
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bad</title></head><body>\n<ul><p>Not a list item</p></ul>\n<img src="x.png"></body></html>',
  });
  const errors = await htmlErrors(dist, ['index.html', 'bad/index.html'], java);
  expect(errors.map(({ file, line }) => ({ file, line }))).toEqual([
    { file: 'bad/index.html', line: 2 },
    { file: 'bad/index.html', line: 3 },
  ]);
  expect(errors[0]!.message).toMatch(/Element “p” not allowed as child of element “ul”/);
  expect(errors[1]!.message).toMatch(/must have an “alt” attribute/);
});

test('without Java it stops with a one-line instruction', async () => {
  const { PATH, JAVA_HOME } = process.env;
  process.env.PATH = '/nonexistent';
  delete process.env.JAVA_HOME;
  try {
    expect(findJava()).toBeUndefined();
  } finally {
    Object.assign(process.env, { PATH }, JAVA_HOME === undefined ? {} : { JAVA_HOME });
  }
  await expect(htmlErrors('/nowhere', ['index.html'], undefined)).rejects.toThrow(JAVA_MISSING);
  expect(JAVA_MISSING).not.toContain('\n');
});
