/**
 * What the search page shows of Pagefind's results, kept apart from the DOM so it can be tested.
 */

/** The fields of a Pagefind result that the search page shows. */
export interface SearchHit {
  /** The page's address, base path included. */
  url: string;
  /** A few words around the match, HTML, with the matched words in `<mark>`. */
  excerpt: string;
  meta: { title?: string };
}

/** The UI strings of the results, in the page's language, with `{count}` and `{query}` placeholders. */
export interface ResultStrings {
  resultsOne: string;
  resultsMany: string;
  noResults: string;
}

const MARK_TAG = /(<\/?mark>)/i;
const CHARACTER_REFERENCE = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text with the character references Pagefind writes (`&lt;`, `&#39;`…) read; any other `&` stays. */
function decodeReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()]!;
    const code = decimal ? Number(decimal) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : reference;
  });
}

/** A run of an excerpt's text, and whether it is one of the matched words. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * An excerpt as runs of plain text, the matched words (Pagefind's `<mark>`) marked. Nothing in it
 * is markup any more: the search page writes each run as a text node, so a page that quotes
 * `<img onerror=…>` shows those characters and nothing runs.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  let marked = false;
  const parts: ExcerptPart[] = [];
  for (const piece of excerpt.split(MARK_TAG)) {
    if (MARK_TAG.test(piece)) marked = !piece.startsWith('</');
    else if (piece) parts.push({ text: decodeReferences(piece), marked });
  }
  return parts;
}

/**
 * Whether a result's address leads to a page of this site (Pagefind gives paths): a link's target
 * never comes from an index that could have been tampered with.
 */
export function isSiteAddress(url: string, page: string): boolean {
  try {
    return new URL(url, page).origin === new URL(page).origin;
  } catch {
    return false;
  }
}

/** "3 results for “tenants”", in the page's language, for the live region. */
export function resultsMessage(strings: ResultStrings, count: number, query: string): string {
  const template = count === 0 ? strings.noResults : count === 1 ? strings.resultsOne : strings.resultsMany;
  // One pass with a function: the query is written as typed, even "{count}" or "$&".
  const values: Record<string, string> = { count: String(count), query };
  return template.replace(/\{(count|query)\}/g, (_, name: string) => values[name]!);
}
