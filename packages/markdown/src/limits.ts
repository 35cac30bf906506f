import type { Processor } from 'unified';

/** The little of a unist node (mdast or hast) the depth check reads. */
interface TreeNode {
  type: string;
  position?: { start: { line: number } } | undefined;
  children?: TreeNode[];
}

/** The longest body the pipeline accepts, in characters: about 30,000 words, a long report. */
export const MAX_BODY_CHARACTERS = 200_000;

/**
 * How many quotes, lists, emphasis, links or HTML elements may sit inside one another. Ordinary
 * text stays under 20; the parser and the Markdown-to-HTML step recurse once per level and
 * overflow Node's call stack at a few thousand (3,200 nested quotes), long after they have
 * become slow.
 */
export const MAX_NESTING_DEPTH = 100;

/** A body that goes past one of the limits, said so that its author can fix it. */
export class MarkdownLimitError extends Error {
  /** What is wrong, without the line. */
  readonly reason: string;
  /** What to do about it. */
  readonly fix: string;
  /** The line of the body where it is, counting from 1. */
  readonly line: number | undefined;
  constructor(reason: string, fix: string, line?: number) {
    super(line ? `${reason} (line ${line} of the text)` : reason);
    this.name = 'MarkdownLimitError';
    this.reason = reason;
    this.fix = fix;
    this.line = line;
  }
}

const FLATTEN = (what: string) =>
  `flatten it: take the inner ${what} out of the outer ones, so that no more than ${MAX_NESTING_DEPTH} sit inside one another. Text pasted from another program often carries such nesting; paste it as plain text instead.`;

function tooDeep(what: string, line: number | undefined): MarkdownLimitError {
  return new MarkdownLimitError(`the text is nested too deeply: ${what} inside one another more than ${MAX_NESTING_DEPTH} levels deep`, FLATTEN(what), line);
}

// Elements that never hold others (void) or that the HTML parser closes by itself when the next
// one starts (optional end tags): counting them would take a page of `<p>`s for deep nesting.
const FLAT_ELEMENTS = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption html head body'.split(
    ' ',
  ),
);
// `[^<>]*` rather than `[^>]*`: a `<` with no `>` after it must not make the scan quadratic.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>/g;
// One marker of a container at the start of a line: a quote, or a list item's bullet or number.
const CONTAINER_MARKER = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * An upper estimate of the containers (quotes and list items) a line opens: its markers, plus
 * one for every two columns of indentation, which is how nested lists are written.
 */
function lineContainerDepth(line: string): { depth: number; quotes: number } {
  let depth = 0;
  let quotes = 0;
  let rest = line;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    const columns = [...indent].reduce((sum, character) => sum + (character === '\t' ? 4 : 1), 0);
    depth += Math.floor(columns / 2);
    rest = rest.slice(indent.length);
    const marker = CONTAINER_MARKER.exec(rest);
    if (!marker) return { depth, quotes };
    depth++;
    if (marker[0] === '>') quotes++;
    rest = rest.slice(marker[0].length);
  }
}

/**
 * Checks a body before it is parsed, where its size and nesting are cheap to measure and the
 * parser has not yet spent seconds (or the call stack) on them. The nesting found here is an
 * upper estimate; the parsed tree is measured exactly by `checkTreeDepth()`.
 * @throws MarkdownLimitError
 */
export function checkMarkdownText(text: string): void {
  if (text.length > MAX_BODY_CHARACTERS) {
    throw new MarkdownLimitError(
      `the text is ${text.length.toLocaleString('en')} characters long, more than the ${MAX_BODY_CHARACTERS.toLocaleString('en')} (about 30,000 words) a page may have`,
      'split it into several pages or posts, or put the long text in a document of its own and link to it.',
    );
  }
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const { depth, quotes } = lineContainerDepth(line);
    if (depth > MAX_NESTING_DEPTH) throw tooDeep(quotes * 2 > depth ? 'quotes' : 'lists', index + 1);
  }
  let depth = 0;
  for (const match of text.matchAll(TAG)) {
    const [, closing, name] = match;
    if (FLAT_ELEMENTS.has(name!.toLowerCase()) || match[0].endsWith('/>')) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_NESTING_DEPTH) throw tooDeep('HTML elements', lineAt(text, match.index));
  }
}

const KINDS: Record<string, string> = {
  blockquote: 'quotes',
  list: 'lists',
  listItem: 'lists',
  emphasis: 'emphasis marks',
  strong: 'emphasis marks',
  delete: 'emphasis marks',
  link: 'links',
  linkReference: 'links',
};

/**
 * Checks that no node of a tree sits more than `MAX_NESTING_DEPTH` levels below the root,
 * without recursion, so that a tree too deep for the next steps does not overflow here.
 * @throws MarkdownLimitError
 */
export function checkTreeDepth(tree: TreeNode): void {
  // Each node goes with its depth and the kind of its nearest container that has a name.
  const pending: [TreeNode, number, string][] = [[tree, 0, 'elements']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth, outerKind] = next;
    const kind = KINDS[node.type] ?? outerKind;
    if (depth > MAX_NESTING_DEPTH) throw tooDeep(kind, node.position?.start.line);
    for (const child of node.children ?? []) pending.push([child, depth + 1, kind]);
  }
}

/**
 * The remark plugin of the limits: the body's size and estimated nesting are checked before
 * parsing (it wraps the parser, so it must come after remark-parse, as every plugin in a
 * pipeline does), the parsed tree's depth before it is turned into HTML.
 */
export function remarkLimits(this: Processor) {
  const parse = this.parser;
  if (parse) {
    this.parser = (document, file) => {
      checkMarkdownText(document);
      return parse(document, file);
    };
  }
  return (tree: TreeNode, file: { value: unknown }) => {
    if (!parse) checkMarkdownText(String(file.value));
    checkTreeDepth(tree);
  };
}
