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
// `&` that does not start a character reference, which Pagefind's excerpts already contain.
const BARE_AMPERSAND = /&(?!(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);)/gi;

/**
 * An excerpt safe to insert as HTML: `<mark>` and `</mark>` are kept, every other `<` and `>` is
 * shown as text. The index is built from the site's own pages, but their text may quote markup.
 */
export function sanitizeExcerpt(excerpt: string): string {
  return excerpt
    .split(MARK_TAG)
    .map((part, index) =>
      index % 2 ? part.toLowerCase() : part.replace(BARE_AMPERSAND, '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
    )
    .join('');
}

/** "3 results for “tenants”", in the page's language, for the live region. */
export function resultsMessage(strings: ResultStrings, count: number, query: string): string {
  const template = count === 0 ? strings.noResults : count === 1 ? strings.resultsOne : strings.resultsMany;
  return template.replaceAll('{count}', String(count)).replaceAll('{query}', query);
}
