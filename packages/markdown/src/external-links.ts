import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { labelIn, type Label } from './labels.ts';

export interface ExternalLinkOptions {
  /** The site's own origin, e.g. `https://example.org`; links to it are not external. */
  site?: string | undefined;
  /** Text read by screen readers after an external link. */
  label?: Label;
}

// Stands in for the site's origin when it is not known: no link leads there.
const UNKNOWN_SITE = new URL('https://site.invalid/');

/**
 * Whether `href` leads to another website than `site`: an http(s) link, or a protocol-relative
 * one (`//other.example/`), whose host is not the site's. The link is resolved as a browser
 * would, so `/\other.example/` leaves the site too; a link that cannot be read counts as external.
 */
export function isExternalHref(href: string, site?: string): boolean {
  const base = site && URL.canParse(site) ? new URL(site) : UNKNOWN_SITE;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return true;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== base.host;
}

/**
 * Marks links to other websites: `rel="external noopener noreferrer"`, a class the theme styles
 * with an arrow, and hidden text so screen-reader users know they will leave the site.
 */
export function rehypeExternalLinks(options: ExternalLinkOptions = {}) {
  return (tree: Root, file: VFile) => {
    const label = labelIn(options.label ?? '(external site)', file);
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
