import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closestKey, type Problem } from '@openoutreach/core';

/** Files written by integrations that may finish after this check (@astrojs/sitemap). */
const WRITTEN_LATER = /^sitemap-[\w-]+\.xml$/;

const LINK = /\s(?:href|src)="([^"#?]*)[^"]*"|\ssrcset="([^"]+)"/g;

function htmlFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('admin/'))
    .sort();
}

/** Whether a path of the site (base removed, query and fragment dropped) leads to a built file. */
function resolves(outDir: string, path: string): boolean {
  const file = join(outDir, decodeURIComponent(path));
  if (path.endsWith('/')) return existsSync(join(file, 'index.html'));
  return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
}

/** The content file a built page comes from, when it is a page, a news post or an event. */
function sourceOf(root: string, page: string): string | undefined {
  const segments = page.replace(/(^|\/)index\.html$/, '').split('/').filter(Boolean);
  const candidates = !segments.length
    ? ['src/content/pages/home.md']
    : (segments[0] === 'news' || segments[0] === 'events') && segments.length === 2
      ? [`src/content/${segments[0]}/${segments[1]}.md`]
      : [`src/content/pages/${segments.at(-1)}.md`];
  return candidates.find((candidate) => existsSync(join(root, candidate)));
}

/**
 * Internal links of the built site that lead nowhere, as problems naming the content file (or
 * the settings file, for a link on nearly every page, which comes from a menu). Runs on the
 * real output, so it knows every route of every feature.
 */
export function brokenLinkProblems(outDir: string, base: string, root: string, settingsFile: string): Problem[] {
  const prefix = `${base.replace(/\/+$/, '')}/`;
  const pages = htmlFiles(outDir);
  const brokenOn = new Map<string, string[]>();
  const pagePaths = pages.map((page) => `${prefix}${page.replace(/(^|\/)index\.html$/, '$1')}`);
  for (const page of pages) {
    const html = readFileSync(join(outDir, page), 'utf8');
    const targets = new Set<string>();
    for (const match of html.matchAll(LINK)) {
      if (match[1]) targets.add(match[1]);
      if (match[2]) for (const candidate of match[2].split(',')) targets.add(candidate.trim().split(/\s+/)[0]!.split(/[?#]/)[0]!);
    }
    for (const target of targets) {
      if (!target.startsWith('/') || target.startsWith('//') || WRITTEN_LATER.test(target.slice(prefix.length))) continue;
      const broken = !target.startsWith(prefix) || !resolves(outDir, target.slice(prefix.length - 1));
      if (broken) brokenOn.set(target, [...(brokenOn.get(target) ?? []), page]);
    }
  }
  const problems: Problem[] = [];
  for (const [target, onPages] of brokenOn) {
    const outsideBase = !target.startsWith(prefix);
    const message = outsideBase
      ? `the link ${target} leaves the site's base path ${prefix}`
      : `the link ${target} leads to no page of this site`;
    if (onPages.length > 1 && onPages.length >= pages.length * 0.9) {
      problems.push({ file: settingsFile, field: 'navigation', message: `${message} (it is on every page, so it comes from a menu)`, fix: 'correct or remove that menu link; links to pages of this site start with / and end with /, e.g. /news/.' });
      continue;
    }
    const meant = outsideBase ? undefined : closestKey(target, pagePaths);
    for (const page of onPages) {
      const source = sourceOf(root, page);
      problems.push({
        file: source ?? `the built page /${page.replace(/index\.html$/, '')}`,
        field: source ? 'body' : '',
        message,
        fix: meant
          ? `did you mean ${meant}? Correct the link in the text, or remove it.`
          : 'correct the link in the text: links to pages of this site start with / (e.g. /about/ or /news/); check the spelling of the page address, or remove the link.',
      });
    }
  }
  return problems;
}
