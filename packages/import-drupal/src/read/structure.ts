import type { DrupalAlias, DrupalMenuLink, DrupalTerm } from '../model.ts';
import type { DrupalDatabase } from './connection.ts';
import { safeUnserialize } from './fields.ts';

export async function readTerms(db: DrupalDatabase): Promise<DrupalTerm[]> {
  const hasLanguage = (await db.columns('taxonomy_term_data')).includes('language');
  const rows = await db.rows<{
    tid: number;
    vocabulary: string;
    name: string;
    description: string | null;
    weight: number;
    language?: string;
    parent: number | null;
  }>(
    `SELECT t.tid, v.machine_name AS vocabulary, t.name, t.description, t.weight${hasLanguage ? ', t.language' : ''},
       (SELECT MIN(h.parent) FROM {taxonomy_term_hierarchy} h WHERE h.tid = t.tid AND h.parent <> 0) AS parent
     FROM {taxonomy_term_data} t JOIN {taxonomy_vocabulary} v ON v.vid = t.vid ORDER BY v.machine_name, t.weight, t.name, t.tid`,
  );
  return rows.map((row) => ({
    tid: Number(row.tid),
    vocabulary: row.vocabulary,
    name: row.name,
    ...(row.parent ? { parent: Number(row.parent) } : {}),
    ...(row.description?.trim() ? { description: row.description.trim() } : {}),
    weight: Number(row.weight),
    ...(row.language && row.language !== 'und' ? { language: row.language } : {}),
  }));
}

/** Menus Drupal keeps for itself, never shown as a site's navigation. */
const SYSTEM_MENUS = new Set(['management', 'navigation', 'user-menu', 'devel', 'features']);

/** Links of the site's own menus: `main-menu`, `secondary-menu`, and menus made in the UI (`menu-…`); not book outlines. */
export async function readMenus(db: DrupalDatabase): Promise<DrupalMenuLink[]> {
  const hasLanguage = (await db.columns('menu_links')).includes('language');
  const rows = await db.rows<{
    mlid: number;
    menu_name: string;
    plid: number;
    link_path: string;
    link_title: string;
    options: Buffer | null;
    hidden: number;
    external: number;
    weight: number;
    language?: string;
  }>(
    `SELECT mlid, menu_name, plid, link_path, link_title, options, hidden, external, weight${hasLanguage ? ', language' : ''}
     FROM {menu_links} WHERE menu_name NOT LIKE 'book-toc-%' AND menu_name NOT LIKE 'shortcut-set-%' ORDER BY menu_name, depth, weight, link_title, mlid`,
  );
  return rows
    .filter((row) => !SYSTEM_MENUS.has(row.menu_name))
    .map((row) => {
      const options = safeUnserialize(row.options);
      const optionLanguage =
        options && typeof options === 'object' && !Array.isArray(options) && typeof options.langcode === 'string' ? options.langcode : undefined;
      const language = row.language && row.language !== 'und' ? row.language : optionLanguage;
      return {
        mlid: Number(row.mlid),
        menu: row.menu_name,
        title: row.link_title,
        path: row.link_path,
        ...(Number(row.plid) ? { parent: Number(row.plid) } : {}),
        weight: Number(row.weight),
        // -1 marks links of disabled router items: hidden too.
        hidden: Number(row.hidden) !== 0,
        ...(Number(row.external) ? { external: true } : {}),
        ...(language ? { language } : {}),
      };
    });
}

export async function readAliases(db: DrupalDatabase): Promise<DrupalAlias[]> {
  const rows = await db.rows<DrupalAlias>('SELECT source, alias, language FROM {url_alias} ORDER BY pid');
  return rows.map((row) => ({ source: row.source, alias: row.alias.replace(/^\/+/, ''), language: row.language || 'und' }));
}
