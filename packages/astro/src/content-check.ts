import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import {
  CONTENT_TYPES,
  pagePaths,
  parseFrontMatter,
  problemsFromZodError,
  type ContentTypeName,
  type PageData,
  type Problem,
} from '@openoutreach/core';

/** Image formats astro:assets can optimise. */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg', '.tiff']);
const SAFE_FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

function markdownFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && statSync(join(folder, name)).isFile())
    .sort();
}

function valueAt(data: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

/**
 * Checks every content file of the enabled collections before Astro loads them, with the same
 * schemas, so that a newbie's mistake stops the build with one readable message instead of a
 * stack trace: front matter, fields, image files, file names and the page tree.
 */
export function checkContent(root: string, collections: ContentTypeName[]): Problem[] {
  const problems: Problem[] = [];
  const pages: { id: string; file: string; data: PageData }[] = [];
  for (const collection of collections) {
    const type = CONTENT_TYPES[collection];
    const folder = resolve(root, 'src/content', type.folder);
    const schema = type.schema({});
    for (const name of markdownFiles(folder)) {
      const path = join(folder, name);
      const file = relative(root, path);
      const baseName = name.split(/[\\/]/).pop()!;
      if (!SAFE_FILE_NAME.test(baseName)) {
        problems.push({
          file,
          field: '',
          message: `the file name "${baseName}" cannot be used in a web address`,
          fix: 'rename the file with lower-case letters, digits and hyphens only, e.g. "spring-fair.md".',
        });
        continue;
      }
      const parsed = parseFrontMatter(readFileSync(path, 'utf8'), file);
      if (!parsed.ok) {
        problems.push(parsed.problem);
        continue;
      }
      const result = schema.safeParse(parsed.data);
      if (!result.success) {
        problems.push(...problemsFromZodError(result.error, schema, file, parsed.data));
        continue;
      }
      for (const field of type.imageFields) {
        const src = valueAt(result.data, field);
        if (typeof src !== 'string') continue;
        const imagePath = resolve(dirname(path), src);
        if (!IMAGE_EXTENSIONS.has(extname(imagePath).toLowerCase())) {
          problems.push({ file, field, message: `"${src}" is not an image file`, fix: 'use a JPEG, PNG, WebP, AVIF, GIF or SVG file.' });
        } else if (!existsSync(imagePath)) {
          problems.push({
            file,
            field,
            message: `the image "${src}" does not exist (looked for ${relative(root, imagePath)})`,
            fix: 'give the path relative to this file, e.g. "../../assets/news/photo.jpg", or upload the image again in the CMS.',
          });
        }
      }
      if (type.name === 'pages') {
        pages.push({ id: baseName.replace(/\.md$/, ''), file, data: result.data as PageData });
      }
    }
  }
  problems.push(...pagePaths(pages).problems);
  return problems;
}
