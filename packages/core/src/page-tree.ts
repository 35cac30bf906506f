import type { MenuItem } from './schemas/site-settings.ts';
import type { PageData } from './schemas/page.ts';
import { closestKey, type Problem } from './problems.ts';

/** What the page tree needs of a page. */
export interface PageNode {
  id: string;
  file: string;
  data: Pick<PageData, 'title' | 'parent' | 'menu' | 'draft'>;
}

/** The id of the page published at the site's root. */
export const HOME_PAGE_ID = 'home';

/**
 * The URL path segments of each page, following `parent` links: `history` under `about` gives
 * `['about', 'history']`. Unknown parents and circles of parents are reported as problems, each
 * once, in the file of the page that names the wrong parent: a page below a missing parent or
 * below a circle is not reported again.
 */
export function pagePaths(pages: PageNode[]): { paths: Map<string, string[]>; problems: Problem[] } {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const paths = new Map<string, string[]>();
  const problems: Problem[] = [];
  for (const page of pages) {
    if (page.id === HOME_PAGE_ID) {
      paths.set(page.id, []);
      continue;
    }
    // The page and its ancestors, nearest first.
    const chain: PageNode[] = [];
    let current: PageNode | undefined = page;
    while (current) {
      const circleStart = chain.indexOf(current);
      if (circleStart !== -1) {
        if (circleStart === 0) problems.push(circleProblem(chain));
        break;
      }
      chain.push(current);
      const parentId: string | undefined = current.data.parent;
      if (!parentId) break;
      const parent = byId.get(parentId);
      if (!parent) {
        if (current === page) problems.push(missingParentProblem(page, parentId, [...byId.keys()]));
        break;
      }
      if (parent.id === HOME_PAGE_ID) break;
      current = parent;
    }
    paths.set(page.id, chain.map((node) => node.id).reverse());
  }
  return { paths, problems };
}

/** The problem of the first page of `circle`, whose parents lead back to it. */
function circleProblem(circle: PageNode[]): Problem {
  const [page] = circle as [PageNode, ...PageNode[]];
  return {
    file: page.file,
    field: 'parent',
    message:
      circle.length === 1 ? 'this page is its own parent' : `the pages ${circle.map((node) => node.id).join(' → ')} are each other's parents, in a circle`,
    fix:
      circle.length === 1
        ? 'give it no parent, or the file name (without .md) of another page.'
        : 'give one of them no parent, or a parent outside the circle.',
  };
}

function missingParentProblem(page: PageNode, parentId: string, ids: string[]): Problem {
  const others = ids.filter((id) => id !== page.id);
  const suggestion = closestKey(parentId, others) ?? others[0] ?? 'about';
  return {
    file: page.file,
    field: 'parent',
    message: `there is no page "${parentId}" to be the parent of this page`,
    fix: `use the file name (without .md) of an existing page, e.g. "${suggestion}", or remove the parent.`,
  };
}

/** A menu entry with the page order that placed it. */
interface OrderedItem extends MenuItem {
  order: number;
}

/**
 * The items of one menu: the links from settings (in their order, first) followed by the pages
 * that placed themselves in that menu, sorted by `menu.order`, nested under their parent page
 * when the parent is in the same menu.
 */
export function buildMenu(placement: 'header' | 'footer', settingsItems: MenuItem[], pages: PageNode[], hrefOf: (pageId: string) => string): MenuItem[] {
  const placed = pages.filter((page) => !page.data.draft && page.data.menu.placement === placement);
  const placedIds = new Set(placed.map((page) => page.id));
  const items = new Map<string, OrderedItem>(placed.map((page) => [page.id, { label: page.data.title, href: hrefOf(page.id), order: page.data.menu.order }]));
  const roots: OrderedItem[] = [];
  for (const page of placed) {
    const item = items.get(page.id)!;
    const parent = page.data.parent && placedIds.has(page.data.parent) ? items.get(page.data.parent) : undefined;
    if (parent) (parent.children ??= []).push(item);
    else roots.push(item);
  }
  const sorted = (list: MenuItem[]): MenuItem[] =>
    [...list]
      .sort((a, b) => ((a as OrderedItem).order ?? 0) - ((b as OrderedItem).order ?? 0))
      .map(({ label, href, children }) => (children?.length ? { label, href, children: sorted(children) } : { label, href }));
  return [...settingsItems, ...sorted(roots)];
}
