import { sanitizeSchema } from '@openoutreach/markdown';
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';

/** What the conversion of one body needs from the rest of the import. */
export interface BodyLinks {
  /** An image's `src` (or a media token's file id) → its path relative to the content file, and its stored alt text; a string says why it cannot be kept. */
  image(source: { src?: string; fid?: number }): { src: string; alt?: string } | string;
  /** A link's `href` → the new address, or a string saying why the link is dropped (its text stays). */
  link(href: string): { href: string } | string;
  /** Something the import changed that an editor should know of. */
  problem(message: string): void;
  /** An image kept without alt text (editors should describe it). */
  missingAlt(src: string): void;
}

// Media WYSIWYG tokens: [[{"type":"media","fid":"12","attributes":{"alt":"…"}}]].
const MEDIA_TOKEN = /\[\[(\{[^\]]*?"fid"[^\]]*?\})\]\]/g;
const VIDEO_FRAME = /^(?:https?:)?\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})|player\.vimeo\.com\/video\/(\d+))/;

/** Turns media tokens into `<img>` elements that name their file, so one rewrite handles both. */
function expandMediaTokens(html: string, links: BodyLinks): string {
  return html.replace(MEDIA_TOKEN, (token, json: string) => {
    try {
      const data = JSON.parse(json) as { fid?: string | number; attributes?: { alt?: string; title?: string } };
      const alt = data.attributes?.alt ?? '';
      return `<img data-drupal-fid="${Number(data.fid)}" alt="${alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
    } catch {
      links.problem(`a media token could not be read and was left out: ${token.slice(0, 80)}`);
      return '';
    }
  });
}

function rewrite() {
  return (tree: Root, file: VFile) => {
    const links = file.data.links as BodyLinks;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      const replace = (children: ElementContent[]): [typeof SKIP, number] => {
        parent.children.splice(index, 1, ...children);
        return [SKIP, index];
      };
      if (node.tagName === 'iframe') {
        const match = VIDEO_FRAME.exec(String(node.properties.src ?? ''));
        if (!match) {
          links.problem(`an embedded frame (${String(node.properties.src ?? 'no address')}) was left out: the site shows no frames from other sites`);
          return replace([]);
        }
        const href = match[1] ? `https://www.youtube.com/watch?v=${match[1]}` : `https://vimeo.com/${match[2]}`;
        return replace([
          {
            type: 'element',
            tagName: 'p',
            properties: {},
            children: [{ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: href }] }],
          },
        ]);
      }
      if (node.tagName === 'img') {
        const fid = node.properties.dataDrupalFid;
        const found = links.image(fid !== undefined ? { fid: Number(fid) } : { src: String(node.properties.src ?? '') });
        if (typeof found === 'string') {
          links.problem(found);
          return replace([]);
        }
        const alt = String(node.properties.alt ?? '').trim() || found.alt?.trim() || '';
        if (!alt) links.missingAlt(found.src);
        node.properties = { src: found.src, alt };
        return;
      }
      if (node.tagName === 'a' && node.properties.href !== undefined) {
        const found = links.link(String(node.properties.href));
        if (typeof found === 'string') {
          links.problem(found);
          return replace(node.children);
        }
        node.properties = { ...node.properties, href: found.href };
      }
      return;
    });
  };
}

/**
 * A Drupal body (HTML as stored) as the kit's Markdown: media tokens and images become images
 * copied into the site, links lead to the new addresses, video frames become video links (which
 * the kit plays on click), and what the kit's sanitiser refuses (scripts, styles, frames, event
 * handlers, inline styles) is dropped before converting, so nothing unsafe reaches the file.
 */
export function htmlToMarkdown(html: string, links: BodyLinks): string {
  const file = new VFile({ value: expandMediaTokens(html.replace(/\r\n?/g, '\n'), links), data: { links } });
  return processor.stringify(processor.runSync(processor.parse(file), file), file).trim();
}

// One processor for every body (building it costs more than converting a short body); each
// body's links travel in its file's data.
const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rewrite)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })
  .freeze();

/** Plain text of an HTML fragment (a summary): tags dropped, entities read, spaces collapsed. */
export function plainText(html: string): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  let text = '';
  visit(tree, (node) => {
    if (node.type === 'element' && ['script', 'style'].includes(node.tagName)) return SKIP;
    if (node.type === 'text') text += node.value;
    if (node.type === 'element' && ['p', 'br', 'div', 'li'].includes(node.tagName)) text += ' ';
    return undefined;
  });
  return text.replace(/\s+/g, ' ').trim();
}
