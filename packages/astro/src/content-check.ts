import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import {
  CONTENT_TYPES,
  pagePaths,
  parseFrontMatter,
  problemsFromZodError,
  type ContentTypeName,
  type PageData,
  type Problem,
} from '@openoutreach/core';

/**
 * The largest image file accepted. Bigger ones are camera originals or scans that take minutes
 * and gigabytes of memory to resize, and are never needed on a web page.
 */
const MAX_IMAGE_BYTES = 25_000_000;

/** Image formats astro:assets can optimise. */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg', '.tiff']);
const SAFE_FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/**
 * The Markdown files of a content folder, as paths relative to it: those at its top, which the
 * collection loads (its glob pattern is `*.md`, see content.ts), and those in its subfolders,
 * which it never loads.
 */
function markdownFiles(folder: string): { topLevel: string[]; nested: string[] } {
  if (!existsSync(folder)) return { topLevel: [], nested: [] };
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && statSync(join(folder, name)).isFile())
    .sort();
  const isNested = (name: string) => /[\\/]/.test(name);
  return { topLevel: names.filter((name) => !isNested(name)), nested: names.filter(isNested) };
}

/** The problem of a Markdown file in a subfolder, which the site would silently leave out. */
function nestedFileProblem(file: string, folder: string, collection: ContentTypeName): Problem {
  const subfolder = basename(dirname(file));
  const parent = SAFE_FILE_NAME.test(`${subfolder}.md`) ? subfolder : 'about';
  return {
    file,
    field: '',
    message: `the file will not be published: it is in a subfolder, and only the files directly in ${folder}/ are`,
    fix:
      collection === 'pages'
        ? `move it to ${folder}/. To show it below another page, give it that page's file name (without .md) as its parent, e.g. \`parent: ${parent}\`.`
        : `move it to ${folder}/.`,
  };
}

function valueAt(data: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

/**
 * Checks every content file of the enabled collections before Astro loads them, with the same
 * schemas, so that a newbie's mistake stops the build with one readable message instead of a
 * stack trace: front matter, fields, image files, file names and the page tree. A Markdown file
 * in a subfolder, which the collection would silently leave out, is a problem too.
 */
export function checkContent(root: string, collections: ContentTypeName[]): Problem[] {
  const problems: Problem[] = [];
  const pages: { id: string; file: string; data: PageData }[] = [];
  for (const collection of collections) {
    const type = CONTENT_TYPES[collection];
    const folder = resolve(root, 'src/content', type.folder);
    const schema = type.schema({});
    const { topLevel, nested } = markdownFiles(folder);
    for (const name of nested) {
      problems.push(nestedFileProblem(relative(root, join(folder, name)), `src/content/${type.folder}`, collection));
    }
    for (const name of topLevel) {
      const path = join(folder, name);
      const file = relative(root, path);
      if (!SAFE_FILE_NAME.test(name)) {
        problems.push({
          file,
          field: '',
          message: `the file name "${name}" cannot be used in a web address`,
          fix: 'rename the file with lower-case letters, digits and hyphens only, e.g. "spring-fair.md".',
        });
        continue;
      }
      // A page that cannot be read still exists, so that its sub-pages are not told their
      // parent is missing on top of the real problem.
      const unreadablePage = { id: name.replace(/\.md$/, ''), file, data: { title: name, menu: { placement: 'none', order: 0 }, draft: false } as PageData };
      const parsed = parseFrontMatter(readFileSync(path, 'utf8'), file);
      if (!parsed.ok) {
        problems.push(parsed.problem);
        if (type.name === 'pages') pages.push(unreadablePage);
        continue;
      }
      const result = schema.safeParse(parsed.data);
      if (!result.success) {
        problems.push(...problemsFromZodError(result.error, schema, file, parsed.data));
        if (type.name === 'pages') pages.push(unreadablePage);
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
        } else if (statSync(imagePath).size > MAX_IMAGE_BYTES) {
          const megabytes = Math.round(statSync(imagePath).size / 1_000_000);
          problems.push({
            file,
            field,
            message: `the image "${src}" is ${megabytes} MB, too big to process for the web`,
            fix: `save it at most 4000 pixels wide (a photo of 1–5 MB) and upload it again; the site makes the smaller versions visitors download.`,
          });
        }
      }
      if (type.name === 'pages') {
        pages.push({ id: name.replace(/\.md$/, ''), file, data: result.data as PageData });
      }
    }
  }
  problems.push(...pagePaths(pages).problems);
  return problems;
}
