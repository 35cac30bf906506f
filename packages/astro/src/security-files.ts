import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { headersFile, nginxSnippet } from './security-headers.ts';

/** Name of the nginx snippet the build writes beside dist/ (not in it, so it is never published). */
export const NGINX_SNIPPET = 'openoutreach-nginx.conf';

/**
 * Where the nginx snippet of a build goes: `openoutreach-nginx.conf` beside `dist/`, and
 * `openoutreach-nginx.<name>.conf` beside any other output folder, so that two builds of one site
 * (at the root and under a sub-path, `--outDir dist-subpath`) each keep their own.
 */
export function nginxSnippetPath(outDir: string): string {
  const name = basename(outDir);
  return join(dirname(outDir), name === 'dist' ? NGINX_SNIPPET : NGINX_SNIPPET.replace(/\.conf$/, `.${name}.conf`));
}

/**
 * Writes the security headers for hosts that read them: `dist/_headers` (after the site's own
 * rules, if its public/ folder has a `_headers`) and the nginx snippet beside dist/.
 */
export function writeSecurityHeaders(outDir: string, base: string, adminPolicy: string | undefined): void {
  const headersPath = join(outDir, '_headers');
  const own = existsSync(headersPath) ? readFileSync(headersPath, 'utf8') : '';
  const kit = headersFile(base, adminPolicy);
  if (!own.includes(kit)) writeFileSync(headersPath, own ? `${own.replace(/\n*$/, '\n\n')}${kit}` : kit);
  writeFileSync(nginxSnippetPath(outDir), nginxSnippet(base, adminPolicy));
}

const POLICY_META = /<meta http-equiv="content-security-policy" content="[^"]*">/g;
const CHARSET_META = /^(<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">)/i;

/**
 * Moves each page's Content-Security-Policy `<meta>` from where Astro writes it (after the page's
 * own head content) to just after `<meta charset>`: a policy governs only what follows it, so the
 * whole page then answers to it, the inline style and structured data in <head> included.
 */
export function hoistPolicies(outDir: string): void {
  for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue;
    const file = join(outDir, name);
    const html = readFileSync(file, 'utf8');
    const policies = html.match(POLICY_META);
    if (!policies || !CHARSET_META.test(html)) continue;
    const moved = html.replace(POLICY_META, '').replace(CHARSET_META, `$1${policies.join('')}`);
    if (moved !== html) writeFileSync(file, moved);
  }
}
