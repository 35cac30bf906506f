import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { sanitizeSchema } from './sanitize-schema.ts';

/** The prefix of the ids of body content: remark-rehype's, which GitHub also uses. */
export const USER_CONTENT_PREFIX = 'user-content-';

const prefixed = (value: string) => (value.startsWith(USER_CONTENT_PREFIX) ? value : `${USER_CONTENT_PREFIX}${value}`);

/**
 * Puts the ids of body content, and the names and ARIA references that point at ids, under
 * `user-content-`, so that an author's `<h2 id="main">` cannot take the id of the layout's own
 * `<main id="main">` (the target of the skip link). A value that already has the prefix keeps
 * it: remark-rehype writes footnote ids and links with it, and a second prefix would break them.
 * Runs after sanitising; the properties are the sanitiser's `clobber` list.
 */
export function rehypeUserContentIds() {
  const properties = sanitizeSchema.clobber ?? [];
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      for (const property of properties) {
        const value = node.properties[property];
        if (typeof value === 'string') node.properties[property] = prefixed(value);
        else if (Array.isArray(value)) node.properties[property] = value.map((item) => prefixed(String(item)));
      }
    });
  };
}
