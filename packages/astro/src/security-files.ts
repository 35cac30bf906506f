import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AstroPrerenderer } from 'astro';
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
 * A page with its Content-Security-Policy `<meta>` moved from where Astro writes it (after the
 * page's own head content) to just after `<meta charset>`: a policy governs only what follows it,
 * so the whole page then answers to it, the inline style and structured data in <head> included.
 */
export function policiesFirst(html: string): string {
  const policies = html.match(POLICY_META);
  if (!policies || !CHARSET_META.test(html)) return html;
  return html.replace(POLICY_META, '').replace(CHARSET_META, `$1${policies.join('')}`);
}

/**
 * Astro's prerenderer with {@link policiesFirst} applied to every HTML page as it is rendered, so
 * that the page Astro writes, and keeps in its cache for the next build, already has its policy
 * first: a page copied from the cache needs no second pass.
 */
export function withPoliciesFirst(prerenderer: AstroPrerenderer): AstroPrerenderer {
  const hoisted = async (response: Response): Promise<Response> => {
    if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
    const html = await response.text();
    return new Response(policiesFirst(html), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const wrapped: AstroPrerenderer = {
    name: prerenderer.name,
    getStaticPaths: () => prerenderer.getStaticPaths(),
    async render(request, options) {
      const result = await prerenderer.render(request, options);
      if (result instanceof Response) return hoisted(result);
      return { ...result, response: await hoisted(result.response) };
    },
  };
  // Called on the prerenderer, which may be a class instance.
  if (prerenderer.setup) wrapped.setup = () => prerenderer.setup!();
  if (prerenderer.teardown) wrapped.teardown = () => prerenderer.teardown!();
  if (prerenderer.collectStaticImages) wrapped.collectStaticImages = () => prerenderer.collectStaticImages!();
  return wrapped;
}
