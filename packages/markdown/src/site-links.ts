import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface SiteLinkOptions {
  /** The site's base path, e.g. `/my-repo` ('' or '/' at the root). */
  base?: string | undefined;
}

const LINK_ATTRIBUTES: Record<string, string> = { a: 'href', img: 'src', source: 'src' };

/**
 * Prefixes the base path to links an author wrote from the site's root (`/about/`), so the same
 * text works when the site is published under a sub-path such as a GitHub Pages project site.
 */
export function rehypeSiteLinks(options: SiteLinkOptions = {}) {
  const base = (options.base ?? '').replace(/\/+$/, '');
  return (tree: Root) => {
    if (!base) return;
    visit(tree, 'element', (node: Element) => {
      const attribute = LINK_ATTRIBUTES[node.tagName];
      const value = attribute ? node.properties?.[attribute] : undefined;
      if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return;
      if (value === base || value.startsWith(`${base}/`)) return;
      node.properties[attribute!] = `${base}${value}`;
    });
  };
}
