import type { MenuItem } from '@openoutreach/core';
import type { DrupalMenuLink, DrupalSite } from '../model.ts';
import type { AddressBook, Entry } from './addresses.ts';
import type { Findings } from './findings.ts';

export interface Navigation {
  header: MenuItem[];
  footer: MenuItem[];
}

/** Drupal menus and the kit's menu each one becomes; links of other menus are not imported. */
const MENUS: Record<string, 'header' | 'footer'> = { 'main-menu': 'header', 'menu-footer': 'footer', 'footer-menu': 'footer' };

const byWeight = (a: DrupalMenuLink, b: DrupalMenuLink) => a.weight - b.weight || a.title.localeCompare(b.title) || a.mlid - b.mlid;

/**
 * The page tree and the menus: a page's parent is its book parent, else the page its menu link
 * sits under; a page linked at the top of the main or footer menu gets that menu (`menu:` in its
 * file, ordered by Drupal's weight), and every other top-level link becomes a menu item of the
 * settings. A page keeps a parent only where the parent exists in its language (and is
 * published, if the page is).
 */
export function placePagesAndMenus(drupal: DrupalSite, book: AddressBook, nodeEntries: Map<number, Entry>, findings: Findings): Navigation {
  const pageOf = (path: string) => {
    const nid = Number(/^node\/(\d+)$/.exec(path)?.[1]);
    const entry = nodeEntries.get(nid);
    return entry?.collection === 'pages' ? entry : undefined;
  };
  const pages = book.entries.filter((entry) => entry.collection === 'pages');
  const bySlug = new Map<string, Entry[]>();
  for (const page of pages) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page]);
  const translations = (entry: Entry) => bySlug.get(entry.slug) ?? [];
  const setParent = (child: Entry, parent: Entry) => {
    for (const page of translations(child)) if (page.slug !== parent.slug && page.slug !== 'home') page.parent ??= parent.slug;
  };
  for (const node of drupal.nodes) {
    const child = nodeEntries.get(node.nid);
    const parent = node.bookParent === undefined ? undefined : nodeEntries.get(node.bookParent);
    if (child?.collection === 'pages' && parent?.collection === 'pages' && parent.slug !== 'home') setParent(child, parent);
  }

  const navigation: Navigation = { header: [], footer: [] };
  // The kit's header links the home page from the site's name: a menu link to it would repeat it.
  const links = drupal.menus.filter((link) => !link.hidden && MENUS[link.menu] && link.path !== '<front>');
  const children = (parent: DrupalMenuLink) => links.filter((link) => link.parent === parent.mlid && link.menu === parent.menu).sort(byWeight);
  const href = (link: DrupalMenuLink) => {
    if (/^https?:\/\//.test(link.path)) return link.path;
    const url = book.resolve(link.path === '<front>' ? '' : link.path);
    if (!url) findings.problem(`menu-link/${link.mlid}`, `the ${link.menu} link "${link.title}" (${link.path}) leads to nothing imported and was left out`);
    return url;
  };
  const item = (link: DrupalMenuLink): MenuItem | undefined => {
    const target = href(link);
    if (!target) return undefined;
    const nested = children(link)
      .map(item)
      .filter((child): child is MenuItem => Boolean(child));
    return { label: link.title, href: target, ...(nested.length ? { children: nested } : {}) };
  };
  const topLevel = links.filter((link) => link.parent === undefined || !links.some((other) => other.mlid === link.parent)).sort(byWeight);
  for (const link of topLevel) {
    const placement = MENUS[link.menu]!;
    const page = pageOf(link.path);
    if (page && page.slug !== 'home') {
      for (const translation of translations(page)) translation.menu ??= { placement, order: link.weight };
      for (const child of children(link)) {
        const childPage = pageOf(child.path);
        if (childPage) setParent(childPage, page);
        else {
          const childItem = item(child);
          if (childItem) navigation[placement].push(childItem);
        }
      }
      continue;
    }
    const made = item(link);
    if (made) navigation[placement].push(made);
  }

  for (const page of pages) {
    if (!page.parent) continue;
    const parent = translations({ slug: page.parent } as Entry).find((candidate) => candidate.locale === page.locale);
    if (!parent || (page.published && !parent.published)) {
      delete page.parent;
      if (parent) findings.problem(page.source, `its parent page "${parent.slug}" is not published, so the page was put at the top level`, page.file);
    }
  }
  return navigation;
}
