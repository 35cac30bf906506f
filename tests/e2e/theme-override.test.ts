import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixture } from '../support/sites.ts';

/** The site's pages (the CMS admin page is not themed). */
const pagesOf = (dist: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && readFileSync(join(dist, file), 'utf8').includes('data-page-type='))
    .sort();

const footer = /<footer[\s\S]*?<\/footer>/;

test('overriding Footer in the config changes the footer and nothing else', () => {
  const plain = join(fixture('minimal'), 'dist');
  const overridden = join(fixture('override'), 'dist');
  expect(pagesOf(plain).length).toBeGreaterThan(5);
  expect(pagesOf(overridden)).toEqual(pagesOf(plain));
  for (const file of pagesOf(plain)) {
    const before = readFileSync(join(plain, file), 'utf8');
    const after = readFileSync(join(overridden, file), 'utf8');
    expect(after.match(footer)?.[0], file).toContain('a footer of our own');
    expect(before.match(footer)?.[0], file).not.toContain('a footer of our own');
    expect(after.replace(footer, ''), `${file} outside the footer`).toBe(before.replace(footer, ''));
  }
});
