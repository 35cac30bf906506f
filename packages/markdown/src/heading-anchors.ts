import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { labelIn, type Label } from './labels.ts';

export interface HeadingAnchorOptions {
  /** Accessible name of the anchor link; `{heading}` is replaced by the heading's text. */
  label?: Label;
}

const HEADING = /^h[2-6]$/;

/**
 * Gives each h2–h6 a slug id, unless it already has one, and appends a link to its id, so a
 * section can be linked to. An id already there is kept because something may point at it: the
 * footnotes heading is the target of each footnote reference's `aria-describedby`.
 */
export function rehypeHeadingAnchors(options: HeadingAnchorOptions = {}) {
  return (tree: Root, file: VFile) => {
    const label = labelIn(options.label ?? 'Link to the section “{heading}”', file);
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName)) return;
      const text = toString(node).trim();
      const given = node.properties.id;
      const id = typeof given === 'string' && given ? given : slugger.slug(text || 'section');
      node.properties = { ...node.properties, id };
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['oo-heading-anchor'], ariaLabel: label.replace('{heading}', text) },
        children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
      });
    });
  };
}
