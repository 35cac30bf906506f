import { CONTENT_TYPES, HOME_PAGE_ID, type Problem } from '@openoutreach/core';
import type { SiteContent } from './read-content.ts';

/** The home page each language needs: the site's first page, which every menu links to. */
export function missingHomePageProblems(content: SiteContent): Problem[] {
  const files = new Set(content.files.map((entry) => entry.file));
  const folder = `src/content/${CONTENT_TYPES.pages.folder}`;
  return (content.locales.length > 1 ? content.locales : ['']).flatMap((locale): Problem[] => {
    const file = [folder, locale, `${HOME_PAGE_ID}.md`].filter(Boolean).join('/');
    if (files.has(file)) return [];
    const which = locale ? `the home page in "${locale}" is missing` : 'the home page is missing';
    return [{ file, field: '', message: which, fix: 'create it with at least "title: Welcome" in its front matter.' }];
  });
}
