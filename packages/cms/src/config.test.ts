import { CONTENT_TYPES, objectKeys, type ContentTypeName, parseFrontMatter, siteSettingsSchema, unwrap } from '@openoutreach/core';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { cmsConfig, type CmsConfigInput } from './config.ts';
import type { CmsField } from './fields.ts';
import { cmsInput } from './test-input.ts';

const INPUT: CmsConfigInput = cmsInput({
  siteDir: 'sites/maple',
  collections: Object.keys(CONTENT_TYPES) as ContentTypeName[],
  locale: 'fr',
  siteUrl: 'https://maple.example/',
  previewPaths: { news: 'news/{{slug}}', events: 'events/{{slug}}' },
});

type Collection = { name: string; folder?: string; fields?: CmsField[]; files?: { file: string; fields: CmsField[] }[] };
const collections = cmsConfig(INPUT).collections as Collection[];
const collection = (name: string) => collections.find((entry) => entry.name === name)!;

/** Every field path of a schema, e.g. `cover.alt`, through objects (lists count as one field). */
function schemaPaths(schema: z.core.$ZodType, prefix = '', depth = 0): string[] {
  return objectKeys(schema).flatMap((key) => {
    const child = (unwrap(schema).inner._zod.def as unknown as { shape: Record<string, z.core.$ZodType> }).shape[key]!;
    const inner = unwrap(child).inner;
    const path = `${prefix}${key}`;
    return inner._zod.def.type === 'object' && depth < 3 ? [path, ...schemaPaths(inner, `${path}.`, depth + 1)] : [path];
  });
}

function fieldPaths(fields: CmsField[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    return (field.widget === 'object' || field.widget === 'image-with-alt') && field.fields ? [path, ...fieldPaths(field.fields, `${path}.`)] : [path];
  });
}

/** The value an editor could enter in a field, as Decap writes it. */
function sampleValue(field: CmsField): unknown {
  switch (field.widget) {
    case 'datetime':
      return field.format?.includes('HH') ? '2026-05-01T18:30' : '2026-05-01';
    case 'select':
      return field.multiple ? [field.options![0]!.value] : field.options![0]!.value;
    case 'boolean':
      return true;
    // An album's cover is the number of one of its photos, and the sample album has one.
    case 'number':
      return field.name === 'cover' ? 1 : 3;
    case 'relation':
      return field.multiple ? ['home'] : 'home';
    case 'image':
      return '../../assets/news/photo.jpg';
    case 'file':
      return '../../assets/resources/handbook.pdf';
    case 'object':
    case 'image-with-alt':
      return sampleEntry(field.fields!);
    // A typed list (the home page's blocks) gets one item of each kind.
    case 'list':
      return field.types
        ? field.types.map((type) => ({ [field.typeKey!]: type.name, ...sampleEntry(type.fields!) }))
        : field.fields
          ? [sampleEntry(field.fields)]
          : field.field
            ? [sampleValue(field.field)]
            : field.name === 'peertube'
              ? ['framatube.org']
              : ['volunteering'];
    default:
      return field.name === 'email'
        ? 'hello@example.org'
        : field.name === 'currency'
          ? 'EUR'
          : field.label === 'Address'
            ? 'https://liberapay.com/maple/donate'
            : ['endpoint', 'action'].includes(field.name)
              ? 'https://forms.example/f/abc'
              : field.label === 'Video address'
                ? 'https://www.youtube.com/watch?v=aqz-KE-bpKQ'
                : ['url', 'online', 'registration'].includes(field.name)
                  ? 'https://social.example/@us'
                  : field.name === 'rule'
                    ? 'FREQ=WEEKLY'
                    : field.name === 'href' || field.name === 'link'
                      ? '/news/'
                      : field.name.includes('primary') || field.name.includes('accent')
                        ? '#224466'
                        : `Some ${field.label}`;
  }
}

function sampleEntry(fields: CmsField[], onlyRequired = false): Record<string, unknown> {
  return Object.fromEntries(
    fields.filter((field) => field.widget !== 'markdown' && !(onlyRequired && field.required === false)).map((field) => [field.name, sampleValue(field)]),
  );
}

/** Writes an entry the way Decap's frontmatter format does, then reads it back as the build does. */
function roundTrip(data: Record<string, unknown>) {
  const parsed = parseFrontMatter(`---\n${stringify(data)}---\nBody text.\n`, 'entry.md');
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.data;
}

describe.each(Object.values(CONTENT_TYPES))('the $labelPlural collection', (type) => {
  const fields = collection(type.name).fields!;
  const schema = type.schema({});

  test('has a CMS field for every schema field, and a body', () => {
    expect(
      fieldPaths(fields)
        .filter((path) => path !== 'body')
        .sort(),
    ).toEqual(schemaPaths(schema).sort());
    expect(fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
  });

  test('writes entries, full or with only the required fields, that the build accepts', () => {
    for (const onlyRequired of [false, true]) {
      const result = schema.safeParse(roundTrip(sampleEntry(fields, onlyRequired)));
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  test('marks as required exactly the fields the schema requires', () => {
    const required = fields.filter((field) => field.widget !== 'markdown' && field.required !== false).map((field) => field.name);
    const missing = schema.safeParse({});
    const schemaRequired = (missing.error?.issues ?? []).map((issue) => String(issue.path[0]));
    expect(required.sort()).toEqual(schemaRequired.sort());
  });

  test('keeps files and uploads inside the site, uploads next to the content that uses them', () => {
    expect(collection(type.name).folder).toBe(`sites/maple/src/content/${type.folder}`);
    const images = JSON.stringify(fields).match(/"media_folder":"[^"]+"/g) ?? [];
    for (const image of images) expect(image).toContain(`../../assets/${type.folder}`);
  });
});

describe('the events collection', () => {
  const fields = collection('events').fields!;
  const field = (name: string) => fields.find((entry) => entry.name === name)!;
  const child = (parent: string, name: string) => field(parent).fields!.find((entry) => entry.name === name)!;

  test('edits start and end as the event’s clock time, never converted to UTC', () => {
    for (const name of ['start', 'end']) expect(field(name)).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', picker_utc: false });
    expect(field('start').required).toBeUndefined();
    expect(field('end').required).toBe(false);
  });

  test('picks skipped days with a day picker, coordinates as decimals, and the zone from a list', () => {
    expect(child('recurrence', 'exceptions')).toMatchObject({ widget: 'list', field: { widget: 'datetime', format: 'YYYY-MM-DD' } });
    expect(child('location', 'latitude')).toMatchObject({ widget: 'number', value_type: 'float' });
    expect(field('timeZone')).toMatchObject({ widget: 'select', required: false });
  });

  test('lets an event without repeats be saved: the rule is required only inside a filled group', () => {
    expect(field('recurrence')).toMatchObject({ widget: 'object', required: false, collapsed: false });
    expect(child('recurrence', 'rule').required).toBe(false);
  });

  test('previews an entry at the address the site gives, and has no preview link without one', () => {
    expect(collection('news')).toMatchObject({ preview_path: 'news/{{slug}}' });
    expect(collection('resources')).not.toHaveProperty('preview_path');
  });

  test("adds a site's own collections after the kit's, before the settings", () => {
    const jobs = { name: 'jobs', label: 'Jobs', folder: 'src/jobs/offers' };
    const names = (cmsConfig({ ...INPUT, ownCollections: [jobs] }).collections as Collection[]).map((entry) => entry.name);
    expect(names.slice(-2)).toEqual(['jobs', 'settings']);
    const own = (cmsConfig({ ...INPUT, ownCollections: [jobs], previewPaths: { jobs: 'jobs/{{slug}}' } }).collections as Collection[]).find(
      (entry) => entry.name === 'jobs',
    );
    expect(own).toMatchObject({ folder: 'sites/maple/src/jobs/offers', preview_path: 'jobs/{{slug}}', label: 'Jobs' });
  });

  test('sorts by start and previews at the event’s page', () => {
    expect(collection('events')).toMatchObject({ sortable_fields: ['start', 'title'], preview_path: 'events/{{slug}}', summary: '{{title}} ({{start}})' });
  });
});

describe('the settings', () => {
  const file = collection('settings').files![0]!;

  test('edit the settings file with a field for every setting', () => {
    expect(file.file).toBe('sites/maple/src/settings/site.yaml');
    expect(fieldPaths(file.fields).sort()).toEqual(schemaPaths(siteSettingsSchema).sort());
  });

  test('write a settings file the build accepts', () => {
    const result = siteSettingsSchema.safeParse(sampleEntry(file.fields));
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});

describe('the configuration', () => {
  test('uses the site’s backend and language, and no local backend on the published site', () => {
    const config = cmsConfig(INPUT);
    expect(config.backend).toEqual(INPUT.backend);
    expect(config.locale).toBe('fr');
    expect(config).not.toHaveProperty('local_backend');
  });

  test('adds a loopback-only local backend for local editing', () => {
    const config = cmsConfig({ ...INPUT, local: true });
    expect(config.local_backend).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/) });
  });

  test('gives new files names that the content check accepts', () => {
    expect(cmsConfig(INPUT).slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
  });
});

describe('the albums collection', () => {
  const fields = cmsConfig({ ...INPUT, collections: ['albums'] }).collections as Collection[];
  const album = fields.find((entry) => entry.name === 'albums')!.fields!;
  const field = (name: string) => album.find((entry) => entry.name === name)!;

  test('edits the photos as a list of an upload, its description and a caption', () => {
    const photos = field('photos');
    expect(photos.widget).toBe('list');
    expect(photos.fields!.map((entry) => [entry.name, entry.widget, entry.required])).toEqual([
      ['src', 'image', undefined],
      ['alt', 'string', undefined],
      ['caption', 'string', false],
    ]);
    expect(photos.fields![0]).toMatchObject({ media_folder: '../../assets/albums' });
  });

  test('edits the videos as a list of an address and a title, and the cover as a photo number', () => {
    expect(field('videos').fields!.map((entry) => entry.name)).toEqual(['url', 'title']);
    expect(field('cover')).toMatchObject({ widget: 'number', value_type: 'int', required: false });
  });
});

describe('a multilingual site', () => {
  const config = cmsConfig({ ...INPUT, locales: ['en', 'es'] });
  const news = (config.collections as Collection[]).find((entry) => entry.name === 'news')! as Collection & { i18n?: unknown; media_folder?: string };
  const field = (name: string) => news.fields!.find((entry) => entry.name === name)!;

  test('saves each language in its own folder, the main language first', () => {
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['en', 'es'], default_locale: 'en' });
    expect(news.i18n).toBe(true);
  });

  test('translates words and copies dates and images from the main language', () => {
    expect(field('title').i18n).toBe(true);
    expect(field('body').i18n).toBe(true);
    expect(field('date').i18n).toBe('duplicate');
    const cover = field('cover');
    expect(cover.i18n).toBe(true);
    expect(cover.fields!.find((entry) => entry.name === 'src')!.i18n).toBe('duplicate');
    expect(cover.fields!.find((entry) => entry.name === 'alt')!.i18n).toBe(true);
  });

  test('puts uploads where the build finds them from a file one folder deeper', () => {
    expect(news.media_folder).toBe('../../../assets/news');
  });

  test('has no i18n on a one-language site', () => {
    expect(cmsConfig(INPUT).i18n).toBeUndefined();
    expect(collection('news')).not.toHaveProperty('i18n');
  });
});
