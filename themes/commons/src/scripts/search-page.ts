/**
 * The search page's script. It loads Pagefind (`<base>/pagefind/pagefind.js` and, through it,
 * the index of the page's language) only once a visitor is about to search: when the search
 * field gets focus, the form is sent, or the page opens with `?q=`. It then lists the results
 * itself, announcing their number through the page's live region.
 */
import { excerptParts, isSiteAddress, resultsMessage, type ResultStrings, type SearchHit } from './search-results.ts';

/** The part of Pagefind's browser API the page uses. */
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<SearchHit> }[] } | null>;
}

/** Results are shown ten at a time: each one shown loads a fragment of the index. */
const PAGE_SIZE = 10;

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);

function start(root: HTMLElement) {
  const strings = root.dataset as unknown as ResultStrings & { pagefind: string; searching: string; unavailable: string };
  const form = root.querySelector('form')!;
  const input = form.querySelector('input')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const more = root.querySelector<HTMLButtonElement>('.search-more')!;

  let loading: Promise<Pagefind> | undefined;
  const pagefind = () =>
    (loading ??= (import(/* @vite-ignore */ strings.pagefind) as Promise<Pagefind>).then(
      async (module) => {
        await module.init();
        return module;
      },
      (error: unknown) => {
        // The next search tries again, e.g. once the connection is back.
        loading = undefined;
        throw error;
      },
    ));

  // A search started while another is loading replaces it; only the latest one writes.
  let latest = 0;
  let pending: { data(): Promise<SearchHit> }[] = [];

  async function showMore(run: number) {
    const next = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const hits = await Promise.all(next.map((result) => result.data()));
    if (run !== latest) return;
    list.append(...hits.map(resultItem));
    list.hidden = list.childElementCount === 0;
    more.hidden = pending.length === 0;
  }

  async function search(query: string) {
    const run = ++latest;
    list.replaceChildren();
    list.hidden = more.hidden = true;
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = strings.searching;
    try {
      const response = await (await pagefind()).search(query);
      if (run !== latest || !response) return;
      pending = response.results;
      await showMore(run);
      if (run === latest) status.textContent = resultsMessage(strings, response.results.length, query);
    } catch {
      // No index (the dev server builds none) or a failed download.
      if (run === latest) status.textContent = strings.unavailable;
    }
  }

  input.addEventListener('focus', () => void pagefind().catch(() => {}), { once: true });
  more.addEventListener('click', () => {
    const first = list.childElementCount;
    void showMore(latest).then(() => list.children[first]?.querySelector('a')?.focus());
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const address = new URL(location.href);
    address.searchParams.set('q', query);
    // The address keeps the query, so a reload or a shared link shows the same results.
    history.replaceState(null, '', address);
    void search(query);
  });

  const initial = new URLSearchParams(location.search).get('q')?.trim();
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}

/** One result, every piece of its text set as text: titles and excerpts come from content. */
function resultItem(hit: SearchHit): HTMLLIElement {
  const link = document.createElement('a');
  if (isSiteAddress(hit.url, location.href)) link.setAttribute('href', hit.url);
  link.textContent = hit.meta.title || hit.url;
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(
    ...excerptParts(hit.excerpt).map(({ text, marked }) => (marked ? Object.assign(document.createElement('mark'), { textContent: text }) : text)),
  );
  const item = document.createElement('li');
  item.className = 'search-result';
  item.append(heading, excerpt);
  return item;
}
