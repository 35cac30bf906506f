import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_TYPES, parseFrontMatter, type ContentTypeName } from '@openoutreach/core';
import { hashOf, type CacheFile } from '../build-cache/cache-file.ts';
import { bodyImages, type BodyImage } from './body-images.ts';

/** One Markdown file of a content folder, read and parsed once for every check. */
export interface ContentFile {
  collection: ContentTypeName;
  /** The file relative to the site's root, with `/` between folders, e.g. `src/content/news/es/feria.md`. */
  file: string;
  /** The file relative to its collection's folder, e.g. `es/feria.md`. */
  name: string;
  /** The file name without `.md`: what a reference or an address names it by. */
  slug: string;
  /**
   * Its front matter and body, for a file directly in the folder or one folder down (where a
   * multilingual site keeps each language); deeper files are never loaded, only reported.
   */
  parsed?: ReturnType<typeof parseFrontMatter>;
  /** The images its body shows from files (body-images.ts), when its front matter could be read. */
  images?: BodyImage[];
}

/** What reading a content file gives, from its path and bytes alone, and so what a build can keep for the next. */
export type ReadFile = Pick<ContentFile, 'parsed' | 'images'>;

/** Every content file of a site's enabled collections, as the checks see them. */
export interface SiteContent {
  root: string;
  collections: ContentTypeName[];
  /** The site's languages, its default first; empty when the settings could not be read. */
  locales: readonly string[];
  /** The files of each collection in order of their path. */
  files: ContentFile[];
}

/**
 * Reads and parses every Markdown file of the given collections once (front matter with core's
 * reader, and body), so that the checks need not read the disk again for content. With a
 * `cache`, a file read by an earlier build with the same bytes is not parsed again.
 */
export function readContent(root: string, collections: readonly ContentTypeName[], locales: readonly string[] = [], cache?: CacheFile<ReadFile>): SiteContent {
  const files = collections.flatMap((collection) => {
    const base = `src/content/${CONTENT_TYPES[collection].folder}`;
    const folder = join(root, base);
    if (!existsSync(folder)) return [];
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((name) => name.replace(/\\/g, '/'))
      .filter((name) => name.endsWith('.md') && statSync(join(folder, name)).isFile())
      .sort()
      .map((name): ContentFile => {
        const file = `${base}/${name}`;
        const slug = name.split('/').pop()!.replace(/\.md$/, '');
        const loadable = name.split('/').length <= 2;
        return { collection, file, name, slug, ...(loadable ? readFile(readFileSync(join(folder, name), 'utf8'), file, cache) : {}) };
      });
  });
  return { root, collections: [...collections], locales, files };
}

/** A file's front matter, body and body images, from the cache when its path and bytes are known. */
function readFile(text: string, file: string, cache: CacheFile<ReadFile> | undefined): ReadFile {
  const key = cache ? hashOf(file, text) : '';
  const cached = cache?.get(key);
  if (cached) return cached;
  const parsed = parseFrontMatter(text, file);
  const read: ReadFile = parsed.ok ? { parsed, images: bodyImages(parsed.body) } : { parsed };
  // YAML can hold what JSON cannot (.inf, .nan, -0): such a file is read again each time.
  if (cache && jsonKeeps(read)) cache.set(key, read);
  return read;
}

/** Whether a value comes back from JSON unchanged. */
function jsonKeeps(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonKeeps);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((item) => item !== undefined && jsonKeeps(item));
}

/**
 * The files of a collection the content layer loads, with their slugs: those directly in its
 * folder and, on a multilingual site, in its language folders (`news/es/x.md`).
 */
export function contentFiles(content: SiteContent, collection: ContentTypeName): ContentFile[] {
  return content.files.filter((entry) => entry.collection === collection && entry.parsed);
}

/** Whether a collection's folder holds any Markdown file, in any language. */
export function hasContentFiles(content: SiteContent, collection: ContentTypeName): boolean {
  return content.files.some((entry) => entry.collection === collection);
}
