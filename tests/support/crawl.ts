/** A link that leads nowhere: the page it is on, where it points, and why it is broken. */
export interface BrokenLink {
  from: string;
  href: string;
  reason: string;
}

const ATTRIBUTE = /\s(?:href|src)="([^"]+)"|\ssrcset="([^"]+)"/g;

function linksIn(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(ATTRIBUTE)) {
    if (match[1]) links.push(match[1].replaceAll('&amp;', '&'));
    if (match[2])
      links.push(
        ...match[2]
          .split(',')
          .map((candidate) => candidate.trim().split(/\s+/)[0]!)
          .filter(Boolean),
      );
  }
  return links;
}

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
}

/**
 * Follows every internal link and asset from `start` (a site's root URL, base path included),
 * checking that each answers 200 and that each `#fragment` names an element of its page.
 * Links outside `start` (other hosts, or the host outside the base path) are reported too,
 * since a site under a base path must not link above it.
 */
export async function crawl(start: string, { maxPages = 2000 } = {}): Promise<{ pages: string[]; broken: BrokenLink[] }> {
  const root = new URL(start);
  const queue: string[] = [root.href];
  const status = new Map<string, { ok: boolean; html?: string; reason?: string }>();
  const references: { from: string; href: string; target: URL }[] = [];
  while (queue.length && status.size < maxPages) {
    const href = queue.shift()!;
    if (status.has(href)) continue;
    const response = await fetch(href, { redirect: 'follow' });
    const isHtml = response.headers.get('content-type')?.includes('text/html') ?? false;
    const body = isHtml ? await response.text() : (await response.arrayBuffer(), undefined);
    status.set(href, { ok: response.ok, html: body, reason: response.ok ? undefined : `HTTP ${response.status}` });
    if (!response.ok || !body) continue;
    for (const link of linksIn(body)) {
      if (/^(mailto:|tel:|data:|javascript:)/i.test(link)) continue;
      const target = new URL(link, href);
      if (target.origin !== root.origin) continue;
      references.push({ from: href, href: link, target });
      const page = new URL(target.href);
      page.hash = '';
      if (page.href.startsWith(root.href) && !status.has(page.href)) queue.push(page.href);
    }
  }
  const broken: BrokenLink[] = [];
  for (const { from, href, target } of references) {
    const page = new URL(target.href);
    page.hash = '';
    if (!page.href.startsWith(root.href)) {
      broken.push({ from, href, reason: `outside the site's base path ${root.pathname}` });
      continue;
    }
    const result = status.get(page.href);
    if (!result?.ok) {
      broken.push({ from, href, reason: result?.reason ?? 'not reached' });
    } else if (target.hash && result.html && !idsIn(result.html).has(decodeURIComponent(target.hash.slice(1)))) {
      broken.push({ from, href, reason: `no element with id "${target.hash.slice(1)}"` });
    }
  }
  const pages = [...status].filter(([, result]) => result.html).map(([href]) => href);
  return { pages, broken };
}
