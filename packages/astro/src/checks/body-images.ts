import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { checkMarkdownText } from '@openoutreach/markdown';

/** An image a Markdown body shows from a file, as written and as the build reads it. */
export interface BodyImage {
  /** The address as written in the Markdown. */
  written: string;
  /** The path the build imports (the address decoded), or undefined when it cannot be decoded. */
  path: string | undefined;
}

interface Node {
  type: string;
  url?: string;
  identifier?: string;
  children?: Node[];
}

/**
 * The images of a Markdown body that the build will import as files, found the way Astro finds
 * them (`remark-collect-images` in @astrojs/markdown-remark): `![alt](path)` and reference
 * images (`![alt][ref]`), GitHub-flavoured as Astro parses them, with the address decoded by
 * `decodeURI`. Full addresses and paths from the site's root (`/images/…`) are not imported,
 * so they are left out.
 */
export function bodyImages(body: string): BodyImage[] {
  // Every image, inline or by reference, opens with `![` as written: CommonMark reads no syntax
  // from character references or escapes. Most bodies have none, and parsing is most of the cost.
  if (!body.includes('![')) return [];
  // A body past the Markdown limits would be slow to parse here, or overflow the call stack; the
  // content layer reports it when it renders it (render-problems.ts).
  try {
    checkMarkdownText(body);
  } catch {
    return [];
  }
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Node;
  // In document order, without recursion: a deep tree must not overflow the call stack.
  const nodes: Node[] = [];
  for (const pending = [tree]; pending.length;) {
    const node = pending.pop()!;
    nodes.push(node);
    for (let index = (node.children?.length ?? 0) - 1; index >= 0; index--) pending.push(node.children![index]!);
  }
  const definitions = new Map(nodes.filter((node) => node.type === 'definition').map((node) => [String(node.identifier).toUpperCase(), node.url ?? '']));
  const found = new Map<string, BodyImage>();
  for (const node of nodes) {
    const written = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(String(node.identifier).toUpperCase()) : undefined;
    if (!written || found.has(written)) continue;
    let path: string | undefined;
    try {
      path = decodeURI(written);
    } catch {
      path = undefined;
    }
    if (path !== undefined && (URL.canParse(path) || path.startsWith('/'))) continue;
    found.set(written, { written, path });
  }
  return [...found.values()];
}
