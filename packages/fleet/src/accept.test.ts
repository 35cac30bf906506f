import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isAccepted, readAcceptFile } from './accept.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-accept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (text: string) => {
  const path = join(dir, 'accept.yaml');
  writeFileSync(path, text);
  return path;
};
const shot = (pageType: string, width: 'phone' | 'desktop' = 'phone', scheme: 'light' | 'dark' = 'light') => ({ pageType, width, scheme });

describe('the accept file', () => {
  const rules = readAcceptFile(
    file(`- pageType: event
  reason: the event card's new spacing
- site: riverside-*
  pageType: home
  width: phone
`),
  );

  test('accepts a shot that every field of a rule matches, globs included', () => {
    expect(isAccepted(rules, 'eastside', shot('event', 'desktop', 'dark'))).toBe(true);
    expect(isAccepted(rules, 'riverside-tenants', shot('home', 'phone', 'dark'))).toBe(true);
  });

  test('accepts nothing that a rule does not cover', () => {
    expect(isAccepted(rules, 'riverside-tenants', shot('home', 'desktop'))).toBe(false);
    expect(isAccepted(rules, 'eastside', shot('home', 'phone'))).toBe(false);
    expect(isAccepted(rules, 'riverside-tenants', shot('events'))).toBe(false);
  });

  test('an empty file accepts nothing', () => {
    expect(readAcceptFile(file(''))).toEqual([]);
  });

  test.each([
    ['a rule that names nothing', '- reason: everything\n', ['[0]', 'accepts nothing', 'site: "*"']],
    ['a mistyped field', '- page: event\n', ['[0].page', 'the fields allowed here are: site, pageType, width, scheme']],
    ['a rule that is not a list', 'pageType: event\n', ['should be a list']],
  ])('refuses %s, naming the file, the field and the fix', (_, text, expected) => {
    const path = file(text);
    let message = '';
    try {
      readAcceptFile(path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(path);
    for (const part of expected) expect(message).toContain(part);
  });
});
