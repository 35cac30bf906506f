import { CONTENT_TYPES, type ContentTypeName } from '@openoutreach/core';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from './config.ts';
import type { CmsField } from './fields.ts';
import { cmsInput } from './test-input.ts';

type Collection = { name: string; fields?: CmsField[]; files?: { fields: CmsField[] }[] };
const collections = cmsConfig(cmsInput({ collections: Object.keys(CONTENT_TYPES) as ContentTypeName[] })).collections as Collection[];

/** Every field of the CMS config with its path (`settings:social.url`), through objects, lists and typed lists. */
function allFields(fields: CmsField[], prefix: string): [string, CmsField][] {
  return fields.flatMap((field): [string, CmsField][] => {
    const path = `${prefix}${field.name}`;
    const children = [
      ...(field.fields ?? []),
      ...(field.field ? [field.field] : []),
      ...(field.types ?? []).flatMap((type) => (type.fields ?? []).map((child) => ({ ...child, name: `${type.name}.${child.name}` }))),
    ];
    return [[path, field], ...allFields(children, `${path}.`)];
  });
}
const FIELDS = new Map(
  collections.flatMap((collection) =>
    [...(collection.fields ?? []), ...(collection.files ?? []).flatMap((file) => file.fields)].length
      ? allFields([...(collection.fields ?? []), ...(collection.files ?? []).flatMap((file) => file.fields)], `${collection.name}:`)
      : [],
  ),
);
const patternOf = (path: string) => {
  const pattern = FIELDS.get(path)?.pattern;
  return pattern && new RegExp(pattern[0]);
};

const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,x',
  'vbscript:x',
  '//evil.example/',
  '/\\evil.example/',
  '\\\\evil.example/',
  'news/',
];

describe('the CMS checks address fields as the editor types', () => {
  it.each([
    ['settings:social.url', 'https://social.coop/@maple'],
    ['settings:navigation.header.href', '/news/'],
    ['settings:navigation.footer.href', 'mailto:hello@example.org'],
    ['settings:announcement.link', 'tel:+15550100'],
    ['settings:giving.buttons.url', 'https://liberapay.com/maple/donate'],
    ['settings:forms.contact.endpoint', 'https://formspree.io/f/abc'],
    ['settings:forms.newsletter.action', 'https://lists.example.org'],
    ['people:links.url', 'https://sam.example'],
    ['events:online', 'https://meet.example.org/x'],
    ['events:registration', 'http://forms.example.org/x'],
    ['pages:blocks.hero.action.href', '/get-involved/'],
    ['pages:blocks.call-to-action.href', 'HTTPS://EXAMPLE.ORG/'],
  ])('%s takes %j and refuses script, data and other-site addresses', (path, good) => {
    const pattern = patternOf(path);
    expect(pattern, `${path} has a pattern`).toBeDefined();
    expect(pattern!.test(good)).toBe(true);
    for (const bad of HOSTILE) expect(pattern!.test(bad), bad).toBe(false);
    expect(FIELDS.get(path)!.pattern![1]).toMatch(/^Write .*https:\/\//);
  });

  it('keeps the narrower kinds of a field: a donation page only over https', () => {
    expect(patternOf('settings:giving.buttons.url')!.test('http://liberapay.com/maple/donate')).toBe(false);
    expect(patternOf('settings:social.url')!.test('/about/')).toBe(false);
  });
});
