import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface ExternalLinkOptions {
  /** The site's own origin, e.g. `https://example.org`; links to it are not external. */
  site?: string | undefined;
  /** Text read by screen readers after an external link. */
  label?: string;
}

/** Whether `href` leads to another website than `site`. */
export function isExternalHref(href: string, site?: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  if (!site) return true;
  try {
    return new URL(href).host !== new URL(site).host;
  } catch {
    return true;
  }
}

/**
 * Marks links to other websites: `rel="external noopener noreferrer"`, a class the theme styles
 * with an arrow, and hidden text so screen-reader users know they will leave the site.
 */
export function rehypeExternalLinks(options: ExternalLinkOptions = {}) {
  const label = options.label ?? '(external site)';
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.properties?.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !isExternalHref(href, options.site)) return;
      node.properties.rel = ['external', 'noopener', 'noreferrer'];
      node.properties.className = [...((node.properties.className as string[]) ?? []), 'oo-external'];
      node.children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: ` ${label}` }],
      });
    });
  };
}
