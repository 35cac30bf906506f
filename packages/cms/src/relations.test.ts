import { documented } from '@openoutreach/core';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { cmsConfig, type CmsConfigInput } from './config.ts';
import { cmsField, type CmsField } from './fields.ts';
import { cmsInput } from './test-input.ts';

const context = { mediaFolder: '../../assets/news' };

describe('relation and file fields', () => {
  test('a relation stores the picked entry’s slug and shows its title unless told which field', () => {
    const page = documented(z.string().optional(), { title: 'Parent', description: 'x', cms: { widget: 'relation', collection: 'pages' } });
    expect(cmsField('parent', page, context)).toMatchObject({
      widget: 'relation',
      collection: 'pages',
      value_field: '{{slug}}',
      search_fields: ['title'],
      display_fields: ['title'],
      required: false,
    });
    const person = documented(z.string(), { title: 'Author', description: 'x', cms: { widget: 'relation', collection: 'people', displayField: 'name' } });
    expect(cmsField('person', person, context)).toMatchObject({
      widget: 'relation',
      collection: 'people',
      value_field: '{{slug}}',
      search_fields: ['name'],
      display_fields: ['name'],
    });
  });

  test('a file field uploads next to the collection’s content, or takes a web address', () => {
    const file = documented(z.string(), { title: 'File', description: 'x', cms: { widget: 'file' } });
    expect(cmsField('link', file, { mediaFolder: '../../assets/resources' })).toMatchObject({
      widget: 'file',
      choose_url: true,
      media_folder: '../../assets/resources',
      public_folder: '../../assets/resources',
    });
  });
});

describe('relations between collections', () => {
  const input: CmsConfigInput = cmsInput({ collections: ['pages', 'news', 'people', 'projects'] });
  const fieldsOf = (collections: CmsConfigInput['collections'], name: string) =>
    (cmsConfig({ ...input, collections }).collections as { name: string; fields: CmsField[] }[]).find((entry) => entry.name === name)!.fields;

  test('a news post picks its author among the people, by name, and its project among the projects', () => {
    const fields = fieldsOf(input.collections, 'news');
    expect(fields.find((field) => field.name === 'person')).toMatchObject({ widget: 'relation', collection: 'people', display_fields: ['name'] });
    expect(fields.find((field) => field.name === 'project')).toMatchObject({ widget: 'relation', collection: 'projects', display_fields: ['title'] });
  });

  test('leaves out a relation to a collection the site has turned off, which Decap would refuse', () => {
    const names = fieldsOf(['pages', 'news'], 'news').map((field) => field.name);
    expect(names).not.toContain('person');
    expect(names).not.toContain('project');
    expect(names).toContain('title');
  });
});
