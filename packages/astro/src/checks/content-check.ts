import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, posix } from 'node:path';
import { CONTENT_TYPES, pagePaths, problemsFromZodError, type ContentTypeName, type PageData, type Problem } from '@openoutreach/core';
import { bodyImages, type BodyImage } from './body-images.ts';
import type { SiteContent } from './read-content.ts';
import { outsideLinkProblems, siteFile } from './site-files.ts';
import { svgInImageFieldProblem, unsafeSvgProblems } from './svg-check.ts';

/**
 * The largest image file accepted. Bigger ones are camera originals or scans that take minutes
 * and gigabytes of memory to resize, and are never needed on a web page.
 */
const MAX_IMAGE_BYTES = 25_000_000;

/** Image formats astro:assets can optimise. */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg', '.tiff']);
const SAFE_FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

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

/**
 * The values at a field path, each with the path it was found at: `cover.src` names one value,
 * `photos[].src` one for each item of the list (`photos[0].src`, `photos[1].src`, …).
 */
export function valuesAt(data: unknown, field: string): { field: string; value: unknown }[] {
  let found = [{ field: '', value: data }];
  for (const key of field.split('.')) {
    const list = key.endsWith('[]');
    const name = list ? key.slice(0, -2) : key;
    found = found.flatMap(({ field: at, value }) => {
      const child = value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
      const path = at ? `${at}.${name}` : name;
      if (!list) return [{ field: path, value: child }];
      return Array.isArray(child) ? child.map((item, index) => ({ field: `${path}[${index}]`, value: item })) : [];
    });
  }
  return found;
}

/**
 * Checks every content file of the enabled collections before Astro loads them, with the same
 * schemas, so that a newbie's mistake stops the build with one readable message instead of a
 * stack trace: front matter, fields, image files, file names and the page tree. A Markdown file
 * in a subfolder, which the collection would silently leave out, is a problem too, and so is a
 * file path or a link (symlink) that leads out of the site (see site-files.ts).
 */
export function checkContent(content: SiteContent): Problem[] {
  const { root, collections, locales } = content;
  const problems: Problem[] = [];
  const multilingual = locales.length > 1;
  // Each language has its own page tree.
  const pagesByLocale = new Map<string, { id: string; file: string; data: PageData }[]>();
  for (const collection of collections) {
    const type = CONTENT_TYPES[collection];
    const schema = type.schema({});
    const files = content.files.filter((entry) => entry.collection === collection);
    const topLevel = files.filter((entry) => !entry.name.includes('/')).map((entry) => entry.name);
    const nested = files.filter((entry) => entry.name.includes('/')).map((entry) => entry.name);
    const byName = new Map(files.map((entry) => [entry.name, entry]));
    const { toCheck, misplaced } = multilingual
      ? byLanguage(topLevel, nested, locales)
      : { toCheck: topLevel.map((name) => ({ name, locale: '' })), misplaced: nested };
    const folderName = `src/content/${type.folder}`;
    if (multilingual && misplaced.length > 1 && !toCheck.length) {
      // A site that has just turned on a second language: one problem for the folder.
      problems.push(wholeFolderProblem(folderName, misplaced.length, locales));
    } else {
      for (const name of misplaced) {
        const file = byName.get(name)!.file;
        problems.push(multilingual ? languageFolderProblem(file, folderName, locales) : nestedFileProblem(file, folderName, collection));
      }
    }
    for (const { name: relativeName, locale } of toCheck) {
      const pages = pagesByLocale.get(locale) ?? [];
      pagesByLocale.set(locale, pages);
      const name = basename(relativeName);
      const { file, parsed: read, images } = byName.get(relativeName)!;
      // Files one folder down at most are checked, and readContent parses all of them.
      const parsed = read!;
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
      if (!parsed.ok) {
        problems.push(parsed.problem);
        if (type.name === 'pages') pages.push(unreadablePage);
        continue;
      }
      const example = posix.relative(posix.dirname(file.replace(/\\/g, '/')), `src/assets/${type.folder}/photo.jpg`);
      problems.push(...bodyImageProblems(root, file, images ?? bodyImages(parsed.body), example));
      const result = schema.safeParse(parsed.data);
      if (!result.success) {
        problems.push(...problemsFromZodError(result.error, schema, file, parsed.data));
        if (type.name === 'pages') pages.push(unreadablePage);
        continue;
      }
      for (const { field, value: src } of type.imageFields.flatMap((path) => valuesAt(result.data, path))) {
        if (typeof src === 'string') problems.push(...(svgInImageFieldProblem(file, field, src) ?? imageProblems(root, file, field, src, example)));
      }
      if (type.name === 'pages') {
        pages.push({ id: name.replace(/\.md$/, ''), file, data: result.data as PageData });
      }
    }
  }
  for (const pages of pagesByLocale.values()) problems.push(...pagePaths(pages).problems);
  problems.push(...unsafeSvgProblems(root));
  problems.push(...outsideLinkProblems(root));
  return problems;
}

/**
 * Problems with an image a content file names: a path that leads out of the site's `src/`
 * folder (see site-files.ts), a file that is not an image, is missing or is too big.
 */
function imageProblems(root: string, file: string, field: string, src: string, example: string): Problem[] {
  const found = siteFile(root, file, field, src, example);
  if ('problem' in found) return [found.problem];
  if (!IMAGE_EXTENSIONS.has(extname(found.path).toLowerCase())) {
    return [{ file, field, message: `"${src}" is not an image file`, fix: 'use a JPEG, PNG, WebP, AVIF, GIF or SVG file.' }];
  }
  if (!existsSync(found.path)) {
    return [
      {
        file,
        field,
        message: `the image "${src}" does not exist (looked for ${found.source})`,
        fix: `give the path relative to this file, e.g. "${example}", or upload the image again in the CMS.`,
      },
    ];
  }
  const size = statSync(found.path).size;
  if (size > MAX_IMAGE_BYTES) {
    return [
      {
        file,
        field,
        message: `the image "${src}" is ${Math.round(size / 1_000_000)} MB, too big to process for the web`,
        fix: 'save it at most 4000 pixels wide (a photo of 1–5 MB) and upload it again; the site makes the smaller versions visitors download.',
      },
    ];
  }
  return [];
}

/** Problems with the images of a Markdown body that the build imports as files (`![alt](path)`). */
function bodyImageProblems(root: string, file: string, images: BodyImage[], example: string): Problem[] {
  return images.flatMap(({ written, path }): Problem[] => {
    if (path === undefined) {
      return [
        {
          file,
          field: 'body',
          message: `the image address ${JSON.stringify(written)} has a % that is not followed by two hexadecimal digits`,
          fix: `write %25 for a % sign in a file name, or give the image's path, e.g. ![Volunteers at the fair](${example}).`,
        },
      ];
    }
    return imageProblems(root, file, 'body', path, example).map((problem) =>
      problem.message.startsWith('"') ? { ...problem, message: `the image ${problem.message}` } : problem,
    );
  });
}

/**
 * On a multilingual site every file sits in the folder of its language (`news/es/huelga.md`),
 * where the CMS puts translations; a file anywhere else would belong to no language.
 */
function byLanguage(topLevel: string[], nested: string[], locales: readonly string[]) {
  const toCheck: { name: string; locale: string }[] = [];
  const misplaced = [...topLevel];
  for (const name of nested) {
    const [folder, ...rest] = name.split(/[\\/]/);
    if (rest.length === 1 && locales.includes(folder!)) toCheck.push({ name, locale: folder! });
    else misplaced.push(name);
  }
  return { toCheck, misplaced };
}

function wholeFolderProblem(folder: string, count: number, locales: readonly string[]): Problem {
  return {
    file: `${folder}/`,
    field: '',
    message: `its ${count} files belong to no language: on a site in ${locales.join(', ')}, each file sits in the folder of its language`,
    fix: `move them into ${folder}/${locales[0]}/ (in a terminal: \`mkdir ${folder}/${locales[0]} && git mv ${folder}/*.md ${folder}/${locales[0]}/\`); translations go in ${locales
      .slice(1)
      .map((locale) => `${folder}/${locale}/`)
      .join(', ')} with the same file names.`,
  };
}

function languageFolderProblem(file: string, folder: string, locales: readonly string[]): Problem {
  return {
    file,
    field: '',
    message: `the file belongs to no language: on a site in ${locales.join(', ')}, each file sits in the folder of its language`,
    fix: `move it to ${folder}/${locales[0]}/ (or ${locales
      .slice(1)
      .map((locale) => `${folder}/${locale}/`)
      .join(', ')} for a translation); a translation has the same file name as the original.`,
  };
}
