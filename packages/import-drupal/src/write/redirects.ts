import { stringify } from 'yaml';
import { type AddressBook, LISTINGS } from './addresses.ts';
import type { Findings } from './findings.ts';

/** One old address and where it leads now, as `src/settings/redirects.yaml` lists them. */
export interface Redirect {
  from: string;
  to: string;
}

export const REDIRECTS_FILE = 'src/settings/redirects.yaml';

// What the kit's redirects file refuses in an old address (@openoutreach/astro's redirects.ts):
// a query, a fragment, spaces, quotes, backslashes, `$` and dot segments.
const UNWRITABLE = /[?#\\\s\u0000-\u001f\u007f"$]|\/\.\.?(\/|$)/;
const bare = (path: string) => path.replace(/\/+$/, '') || '/';

/**
 * Every old address that answered in Drupal and has a page now: `node/N` (and `<language>/node/N`)
 * of each published node, every alias (duplicates included: each old alias leads to the node's
 * page), and the distribution's listings (`blog`, `events`, …) where the site has such content.
 */
export function redirectsOf(book: AddressBook, findings: Findings): Redirect[] {
  const candidates: { from: string; source: string }[] = [];
  for (const entry of book.entries) {
    if (!entry.published || !entry.source.startsWith('node/')) continue;
    candidates.push({ from: `/${entry.source}`, source: entry.source });
    if (entry.locale !== book.languages.defaultLocale) candidates.push({ from: `/${entry.locale}/${entry.source}`, source: entry.source });
  }
  candidates.push(...book.aliases(), ...Object.keys(LISTINGS).map((path) => ({ from: `/${path}`, source: path })));
  const seen = new Set<string>();
  const redirects: Redirect[] = [];
  for (const { from, source } of candidates) {
    const to = book.resolve(from);
    if (!to || bare(from) === bare(to) || seen.has(bare(from))) continue;
    seen.add(bare(from));
    if (UNWRITABLE.test(from)) {
      findings.problem(
        source,
        `the old address "${from}" cannot be redirected (it holds a space, a quote, a backslash or a "$"); tell people its new address, ${to}`,
      );
      continue;
    }
    redirects.push({ from, to });
  }
  return redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The redirects file, with a comment for the editors who will read it. */
export function redirectsFile(redirects: Redirect[]): string {
  return `# Old addresses of the site (from its Drupal version) and the pages they lead to now.\n# Written by openoutreach-import; the build turns them into redirects for every host.\n${stringify({ redirects }, { lineWidth: 0 })}`;
}
