import { HOME_BLOCK_TYPES } from '@openoutreach/core';
import { describe, expect, test } from 'vitest';
import { cmsConfig, type CmsConfigInput } from './config.ts';
import { withI18n, type CmsField } from './fields.ts';
import { cmsInput } from './test-input.ts';

const input: CmsConfigInput = cmsInput({ collections: ['pages', 'news', 'events', 'projects'] });
const blocksOf = (collections: CmsConfigInput['collections']) =>
  (cmsConfig({ ...input, collections }).collections as { name: string; fields: CmsField[] }[])
    .find((entry) => entry.name === 'pages')!
    .fields.find((field) => field.name === 'blocks')!;

describe('the home page blocks in the CMS', () => {
  const blocks = blocksOf(input.collections);
  const kind = (name: string) => blocks.types!.find((type) => type.name === name)!;
  const fieldOf = (type: string, name: string) => kind(type).fields!.find((field) => field.name === name)!;

  test('are a typed list: editors add a block by its kind, and Decap writes the kind as "type"', () => {
    expect(blocks).toMatchObject({ widget: 'list', typeKey: 'type', required: false, label: 'Home page blocks' });
    expect(blocks.hint).toContain('Only the home page');
    expect(blocks.types!.map((type) => type.name)).toEqual([...HOME_BLOCK_TYPES]);
    for (const type of blocks.types!) {
      expect(type).toMatchObject({ widget: 'object', label: expect.any(String), hint: expect.any(String) });
      expect(type.fields!.map((field) => field.name)).not.toContain('type');
    }
    expect(kind('call-to-action').label).toBe('Call to action');
  });

  test('give each kind its own fields, with labels, hints, defaults and the right widgets', () => {
    expect(kind('call-to-action').fields!.map((field) => [field.name, field.required])).toEqual([
      ['heading', undefined],
      ['text', false],
      ['label', undefined],
      ['href', undefined],
    ]);
    expect(fieldOf('latest-news', 'count')).toMatchObject({ widget: 'number', value_type: 'int', default: 3, label: 'How many' });
    expect(fieldOf('text-with-image', 'image')).toMatchObject({
      widget: 'image-with-alt',
      fields: [{ name: 'src', widget: 'image', media_folder: '../../assets/pages' }, { name: 'alt' }],
    });
    expect(fieldOf('text-with-image', 'imageSide')).toMatchObject({ widget: 'select', default: 'right' });
    expect(fieldOf('figures', 'items')).toMatchObject({ widget: 'list', fields: [{ name: 'value', label: 'Number' }, { name: 'label' }] });
    expect(fieldOf('hero', 'action')).toMatchObject({ widget: 'object', required: false });
  });

  test('pick featured projects among the projects, several and in order', () => {
    expect(fieldOf('featured-projects', 'projects')).toMatchObject({ widget: 'relation', collection: 'projects', multiple: true, value_field: '{{slug}}' });
  });

  test('leave out featured projects on a site without projects, which Decap would refuse', () => {
    const names = blocksOf(['pages', 'news']).types!.map((type) => type.name);
    expect(names).not.toContain('featured-projects');
    expect(names).toContain('latest-news');
  });

  test('translate the words of each block on a multilingual site', () => {
    const [translated] = withI18n([blocks]);
    const hero = translated!.types!.find((type) => type.name === 'hero')!;
    expect(hero.i18n).toBe(true);
    expect(hero.fields!.find((field) => field.name === 'title')!.i18n).toBe(true);
    expect(translated!.types!.find((type) => type.name === 'latest-news')!.fields!.find((field) => field.name === 'count')!.i18n).toBe('duplicate');
  });
});
