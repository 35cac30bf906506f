import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fillLabel, labelIn, type Label } from './labels.ts';
import { USER_CONTENT_PREFIX } from './user-content-ids.ts';

export interface HeadingAnchorOptions {
  /** Accessible name of the anchor link; `{heading}` is replaced by the heading's text. */
  label?: Label;
}

const HEADING = /^h[2-6]$/;

function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Gives each h2–h6 an id, unless it already has one, and appends a link to its id, so a section
 * can be linked to. A generated id is the heading's slug under `user-content-`, like every id of
 * body content, so that `## Main` or a heading "Contact email" cannot take the id of the
 * layout's `<main id="main">` or of a form's field (`contact-email`); the theme's ids never
 * start with that prefix. An id already there is kept because something may point at it: the
 * footnotes heading is the target of each footnote reference's `aria-describedby`.
 *
 * Links within the text that name a section as written (`[costs](#costs)`) are pointed at its
 * prefixed id, as GitHub's pages do, so authors need not know the prefix.
 */
export function rehypeHeadingAnchors(options: HeadingAnchorOptions = {}) {
  return (tree: Root, file: VFile) => {
    const label = labelIn(options.label ?? 'Link to the section “{heading}”', file);
    const slugger = new GithubSlugger();
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName)) return;
      const text = toString(node).trim();
      const given = node.properties.id;
      let id = typeof given === 'string' && given ? given : '';
      // An author's id (already prefixed) may equal a heading's slug: the slugger then counts on.
      while (!id || (id !== given && ids.has(id))) id = `${USER_CONTENT_PREFIX}${slugger.slug(text || 'section')}`;
      ids.add(id);
      node.properties = { ...node.properties, id };
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['oo-heading-anchor'], ariaLabel: fillLabel(label, { heading: text }) },
        children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
      });
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      const fragment = href.slice(1);
      if (!ids.has(decoded(fragment)) && ids.has(`${USER_CONTENT_PREFIX}${decoded(fragment)}`)) node.properties.href = `#${USER_CONTENT_PREFIX}${fragment}`;
    });
  };
}
