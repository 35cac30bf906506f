import { CONTENT_TYPES, siteSettingsSchema, type ContentTypeName } from '@openoutreach/core';
import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { Backend } from './backend.ts';
import { cmsFields, withI18n, type CmsField } from './fields.ts';

/**
 * Port of decap-server during local editing (`OPENOUTREACH_CMS_PORT`, else 8081); the admin
 * page talks to it on loopback only.
 */
export const LOCAL_BACKEND_PORT = Number(process.env.OPENOUTREACH_CMS_PORT ?? 8081);

export interface CmsConfigInput {
  backend: Backend;
  /** The site's folder relative to the git repository's root ('' when the site is the repository). */
  siteDir: string;
  /** The settings file relative to the site's root. */
  settingsFile: string;
  collections: ContentTypeName[];
  /**
   * Where the CMS previews an entry of each collection on the site, by collection: `news/{{slug}}`.
   * The site's feature registry knows the addresses; a collection without one has no preview link.
   */
  previewPaths?: Partial<Record<string, string>> | undefined;
  /**
   * Collections the site's own features add, as Decap reads them, after the kit's: a `folder` is
   * relative to the site's root, like the kit's, and an entry is previewed at `previewPaths`'.
   */
  ownCollections?: Record<string, unknown>[] | undefined;
  /** The language of the CMS interface (Decap has en, fr, es and many more). */
  locale: string;
  /**
   * The site's languages, the main one first. With more than one, each collection is edited in
   * every language side by side and saved in `src/content/<folder>/<locale>/`.
   */
  locales?: string[] | undefined;
  /** The published site's address, base path included. */
  siteUrl?: string | undefined;
  /** Whether the admin page is served by the local editing server. */
  local: boolean;
}

const BODY_FIELD: CmsField = {
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  required: false,
  hint: 'The main text. Use the toolbar for headings, lists and links.',
};

/** What each collection's editors see and where its files and uploads go. */
const COLLECTION_DETAILS: Record<ContentTypeName, { sort: string[]; summary: string; description: string }> = {
  pages: {
    sort: ['title'],
    summary: '{{title}}',
    description: 'The pages of your site. The page called "home" is your home page.',
  },
  news: {
    sort: ['date', 'title'],
    summary: '{{title}} ({{date}})',
    description: 'News posts, newest first on the site.',
  },
  events: {
    sort: ['start', 'title'],
    summary: '{{title}} ({{start}})',
    description: 'Events: meetings, clean-ups, festivals. Times are as a clock shows them where the event is.',
  },
  people: {
    sort: ['order', 'name'],
    summary: '{{name}} ({{role}})',
    description: 'The people of your group: board, staff, volunteers. The people page lists them by group.',
  },
  projects: {
    sort: ['title'],
    summary: '{{title}} ({{status}})',
    description: 'Projects and campaigns. News posts and events can name the project they belong to.',
  },
  resources: {
    sort: ['date', 'title'],
    summary: '{{title}} ({{type}})',
    description: 'Documents to download and useful links, with a type and topics visitors can filter by.',
  },
  albums: {
    sort: ['date', 'title'],
    summary: '{{title}} ({{date}})',
    description: 'Photo albums, newest first. Each photo needs a description; videos play only when a visitor presses play.',
  },
};

const relatesToMissing = (field: CmsField, collections: ContentTypeName[]): boolean =>
  (field.widget === 'relation' && !collections.includes(field.collection as ContentTypeName)) ||
  !!field.fields?.some((child) => relatesToMissing(child, collections));

/**
 * Fields without relations to collections the site has turned off, which Decap would refuse: a
 * field that is one is left out, and so is a kind of block that has one (featured projects
 * without projects).
 */
function withoutMissingRelations(fields: CmsField[], collections: ContentTypeName[]): CmsField[] {
  return fields
    .filter((field) => !(field.widget === 'relation' && relatesToMissing(field, collections)))
    .map((field) => (field.types ? { ...field, types: field.types.filter((type) => !relatesToMissing(type, collections)) } : field));
}

function folderCollection(name: ContentTypeName, input: CmsConfigInput) {
  const type = CONTENT_TYPES[name];
  const multilingual = (input.locales?.length ?? 0) > 1;
  // Relative to the entry's file, one folder deeper on a multilingual site.
  const mediaFolder = `${multilingual ? '../../../' : '../../'}assets/${type.folder}`;
  const details = COLLECTION_DETAILS[name];
  return {
    name,
    label: type.labelPlural,
    label_singular: type.label,
    description: details.description,
    folder: posix.join(input.siteDir, 'src/content', type.folder),
    create: true,
    delete: true,
    extension: 'md',
    format: 'frontmatter',
    slug: '{{slug}}',
    summary: details.summary,
    sortable_fields: details.sort,
    ...(input.previewPaths?.[name] ? { preview_path: input.previewPaths[name] } : {}),
    media_folder: mediaFolder,
    public_folder: mediaFolder,
    // Decap does not start with a relation to a collection it lacks (a feature the site has turned off).
    fields: (multilingual ? withI18n : (fields: CmsField[]) => fields)([
      ...withoutMissingRelations(cmsFields(type.schema({}), { mediaFolder }), input.collections),
      BODY_FIELD,
    ]),
    ...(multilingual ? { i18n: true } : {}),
  };
}

/** A collection of a site's own feature, with its folder in the repository and its preview path. */
function ownCollection(collection: Record<string, unknown>, input: CmsConfigInput): Record<string, unknown> {
  const preview = input.previewPaths?.[String(collection.name)];
  return {
    ...(preview ? { preview_path: preview } : {}),
    ...collection,
    ...(typeof collection.folder === 'string' ? { folder: posix.join(input.siteDir, collection.folder) } : {}),
  };
}

function settingsCollection(input: CmsConfigInput) {
  const file = posix.join(input.siteDir, input.settingsFile);
  const mediaFolder = posix.relative(posix.dirname(input.settingsFile), 'src/assets');
  return {
    name: 'settings',
    label: 'Settings',
    description: 'Your group’s name, colours, contact details and menus.',
    editor: { preview: false },
    files: [
      {
        name: 'site',
        label: 'Site settings',
        file,
        format: 'yaml',
        media_folder: mediaFolder,
        public_folder: mediaFolder,
        fields: cmsFields(siteSettingsSchema, { mediaFolder }),
      },
    ],
  };
}

/**
 * The Decap CMS configuration of a site, generated from the content schemas: there is no
 * hand-kept CMS config, so the CMS can only write what the build accepts.
 */
export function cmsConfig(input: CmsConfigInput): Record<string, unknown> {
  const uploads = posix.join(input.siteDir, 'src/assets/uploads');
  return {
    backend: input.backend,
    ...(input.local ? { local_backend: { url: `http://127.0.0.1:${LOCAL_BACKEND_PORT}/api/v1`, allowed_hosts: ['127.0.0.1', 'localhost'] } } : {}),
    locale: input.locale,
    ...(input.siteUrl ? { site_url: input.siteUrl, display_url: input.siteUrl } : {}),
    publish_mode: 'simple',
    media_folder: uploads,
    public_folder: `/${uploads}`,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    ...((input.locales?.length ?? 0) > 1 ? { i18n: { structure: 'multiple_folders', locales: input.locales, default_locale: input.locales![0] } } : {}),
    collections: [
      ...input.collections.map((name) => folderCollection(name, input)),
      ...(input.ownCollections ?? []).map((collection) => ownCollection(collection, input)),
      settingsCollection(input),
    ],
  };
}

/** The configuration as the YAML file Decap loads. */
export function cmsConfigYaml(input: CmsConfigInput): string {
  return `# Generated by Open Outreach from the content schemas. Do not edit: change the schemas or\n# the site's openOutreach({ cms }) options instead.\n${stringify(cmsConfig(input), { lineWidth: 0 })}`;
}
