import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseYamlData, type Problem } from '@openoutreach/core';
import { nginxSnippetPath } from './security-files.ts';

/** The site file listing old addresses and where they lead now, relative to the site's root. */
export const REDIRECTS_FILE = 'src/settings/redirects.yaml';

/** One old address of the site (`from`, a path written from the site's root) and where it leads now. */
export interface Redirect {
  from: string;
  /** A path of the site written from its root (`/news/fair/`), or a full `https://` address. */
  to: string;
}

const EXAMPLE = 'redirects:\n  - from: /node/12\n    to: /news/spring-fair/';
// A path as a visitor's browser asks for it: no query, no fragment, no dot segments, no
// backslash or control characters (they would end a `_redirects` line or an nginx string).
const BAD_PATH = /[?#\\\s\u0000-\u001f\u007f"$]|\/\.\.?(\/|$)/;

function problem(field: string, message: string, fix: string): Problem {
  return { file: REDIRECTS_FILE, field, message, fix };
}

/**
 * Reads `src/settings/redirects.yaml` (no file: no redirects). Each `from` must be a path
 * starting with `/`, given once; each `to` a path of the site or an https address. Paths are
 * kept as written (decoded: `/actualités/`), the writers encode them for each host.
 */
export function readRedirects(root: string): { redirects: Redirect[]; problems: Problem[] } {
  const path = join(root, REDIRECTS_FILE);
  if (!existsSync(path)) return { redirects: [], problems: [] };
  const parsed = parseYamlData(readFileSync(path, 'utf8'), REDIRECTS_FILE);
  if (!parsed.ok) return { redirects: [], problems: [parsed.problem] };
  const list = parsed.data.redirects ?? [];
  const unknown = Object.keys(parsed.data).filter((key) => key !== 'redirects');
  if (!Array.isArray(list) || unknown.length) {
    return {
      redirects: [],
      problems: [problem(unknown[0] ?? 'redirects', 'the file must hold one list, "redirects", of { from, to }', `write it as:\n${EXAMPLE}`)],
    };
  }
  const redirects: Redirect[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  list.forEach((item: unknown, index) => {
    const field = `redirects[${index}]`;
    const { from, to, ...rest } = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    if (typeof from !== 'string' || typeof to !== 'string' || Object.keys(rest).length) {
      problems.push(problem(field, 'each redirect has two fields, "from" and "to", and nothing else', `write it as:\n${EXAMPLE}`));
      return;
    }
    if (!from.startsWith('/') || from.startsWith('//') || BAD_PATH.test(from) || from === '/') {
      problems.push(
        problem(`${field}.from`, `"${from}" is not an old address of the site`, 'write the path only, starting with /, without ? or #, e.g. `from: /node/12`.'),
      );
      return;
    }
    if (!((to.startsWith('https://') && !/[\s"$\\]/.test(to)) || (to.startsWith('/') && !to.startsWith('//') && !BAD_PATH.test(to.replace(/#[^#]*$/, ''))))) {
      problems.push(
        problem(
          `${field}.to`,
          `"${to}" is neither a page of this site nor an https address`,
          'write a path of the site starting with /, e.g. `to: /news/spring-fair/`, or a full address starting with https://.',
        ),
      );
      return;
    }
    const key = withoutSlash(from);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        problem(`${field}.from`, `"${from}" is already redirected by redirects[${earlier}]`, 'keep one redirect for each old address and remove the other.'),
      );
      return;
    }
    seen.set(key, index);
    redirects.push({ from, to });
  });
  return { redirects, problems };
}

const withoutSlash = (path: string) => path.replace(/\/+$/, '') || '/';
const hasExtension = (path: string) => /\.[a-z0-9]{1,5}$/i.test(path);
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The file in dist/ that a request for `path` gets (a folder's index.html), if there is one. */
function builtFile(outDir: string, path: string): string | undefined {
  const file = join(outDir, decodeURIComponent(path.replace(/#.*$/, '')));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** A small page that sends browsers on (for hosts that read no redirect rules), in the site's language. */
export function redirectPage(to: string, lang: string): string {
  const href = escapeHtml(encodeURI(to));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${href}</title>
<meta http-equiv="refresh" content="0; url=${href}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${href}">
</head>
<body>
<p><a href="${href}">${href}</a></p>
</body>
</html>
`;
}

// BAD_PATH keeps `"`, `\\` and `$` (an nginx variable) out of every path.
const nginxString = (text: string) => `"${text}"`;

/**
 * The site's redirects for every host, written after the build: a redirect page at each old
 * address (hosts without redirect rules: GitHub, GitLab and Codeberg Pages), `dist/_redirects`
 * after the site's own rules (Netlify, Cloudflare Pages: a 301 each), and exact-match locations
 * appended to the nginx snippet beside dist/ (the co-op's nginx: the one `include` of
 * docs/hosting.md; nginx finds exact locations in a tree, so thousands cost nothing). An old
 * address where the build made a page is left to that page. A `to` that leads to no page of the
 * built site is a problem, as a broken link would be.
 */
export function writeRedirects(root: string, outDir: string, base: string, lang: string): Problem[] {
  const { redirects, problems } = readRedirects(root);
  if (problems.length || !redirects.length) return problems;
  const rules: string[] = [];
  const locations: string[] = [];
  redirects.forEach(({ from, to }, index) => {
    const external = to.startsWith('https://');
    if (!external && !builtFile(outDir, to)) {
      problems.push(
        problem(
          `redirects[${index}].to`,
          `"${to}" is not a page of the built site, so the old address ${from} would lead nowhere`,
          'give the path of a page the site has, e.g. `to: /news/`.',
        ),
      );
      return;
    }
    if (builtFile(outDir, from)) return;
    const target = external ? to : `${base}${to}`;
    const page = hasExtension(from) ? join(outDir, from) : join(outDir, from, 'index.html');
    mkdirSync(dirname(page), { recursive: true });
    writeFileSync(page, redirectPage(target, lang));
    const sources = hasExtension(from) ? [from] : [withoutSlash(from), `${withoutSlash(from)}/`];
    rules.push(`${encodeURI(`${base}${withoutSlash(from)}`)} ${encodeURI(target)} 301`);
    for (const source of sources) locations.push(`location = ${nginxString(`${base}${source}`)} { return 301 ${nginxString(encodeURI(target))}; }`);
  });
  if (problems.length) return problems;
  const rulesPath = join(outDir, '_redirects');
  const own = existsSync(rulesPath) ? readFileSync(rulesPath, 'utf8') : '';
  const kit = `# Old addresses of the site (${REDIRECTS_FILE}), written by the build.\n${rules.join('\n')}\n`;
  if (rules.length && !own.includes(kit)) writeFileSync(rulesPath, own ? `${own.replace(/\n*$/, '\n\n')}${kit}` : kit);
  const snippet = nginxSnippetPath(outDir);
  if (locations.length) {
    appendFileSync(snippet, `# Old addresses of the site (${REDIRECTS_FILE}).\n${locations.join('\n')}\n`);
  }
  return [];
}
