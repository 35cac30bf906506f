import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AstroPrerenderer, PrerenderResult, RouteData } from 'astro';
import { NGINX_SNIPPET, nginxSnippetPath, policiesFirst, withPoliciesFirst, writeSecurityHeaders } from './security-files.ts';

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oo-security-files-'));
  const dist = join(root, 'dist');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dist, name, '..'), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  return dist;
}

describe('policiesFirst', () => {
  it('moves each policy <meta> to just after <meta charset>, so it governs the whole page', () => {
    expect(
      policiesFirst(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>x</style><meta http-equiv="content-security-policy" content="default-src \'self\'"></head><body></body></html>',
      ),
    ).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src \'self\'"><style>x</style></head><body></body></html>',
    );
    expect(
      policiesFirst(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="one"><title>t</title><meta http-equiv="content-security-policy" content="two"></head></html>',
      ),
    ).toContain(
      '<meta charset="utf-8"><meta http-equiv="content-security-policy" content="one"><meta http-equiv="content-security-policy" content="two"><title>t</title>',
    );
  });

  it('leaves a page without a policy, or without <meta charset> first, as it is', () => {
    const noPolicy = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head></html>';
    expect(policiesFirst(noPolicy)).toBe(noPolicy);
    const noCharset = '<!DOCTYPE html><html><head><title>t</title><meta http-equiv="content-security-policy" content="x"></head></html>';
    expect(policiesFirst(noCharset)).toBe(noCharset);
  });
});

describe('withPoliciesFirst', () => {
  const page = '<!DOCTYPE html><html><head><meta charset="utf-8"><style>x</style><meta http-equiv="content-security-policy" content="p"></head></html>';
  const first = '<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="p"><style>x</style></head></html>';
  const prerenderer = (result: () => Response | PrerenderResult): AstroPrerenderer => ({
    name: 'test',
    getStaticPaths: async () => [],
    render: async () => result(),
  });
  const request = new Request('https://example.org/');
  const options = { routeData: {} as RouteData };

  it('renders every HTML page with its policy first, keeping the status, headers and metadata Astro needs', async () => {
    const html = () => new Response(page, { status: 404, headers: { 'Content-Type': 'text/html', 'X-Kept': 'yes' } });
    const bare = (await withPoliciesFirst(prerenderer(html)).render(request, options)) as Response;
    expect(await bare.text()).toBe(first);
    expect(bare.status).toBe(404);
    expect(bare.headers.get('X-Kept')).toBe('yes');
    const metadata = { contentEntryKeys: ['news/a.md'] } as unknown as PrerenderResult['metadata'];
    const paired = (await withPoliciesFirst(prerenderer(() => ({ response: html(), metadata }))).render(request, options)) as PrerenderResult;
    expect(await paired.response.text()).toBe(first);
    expect(paired.metadata).toBe(metadata);
  });

  it('passes other files through as they are', async () => {
    const feed = (await withPoliciesFirst(prerenderer(() => new Response(page, { headers: { 'Content-Type': 'application/xml' } }))).render(
      request,
      options,
    )) as Response;
    expect(await feed.text()).toBe(page);
  });
});

describe('writeSecurityHeaders', () => {
  it("writes _headers after the site's own rules and the nginx snippet beside dist/, not in it", () => {
    const dist = site({ 'index.html': '', _headers: '/files/*\n  Cache-Control: max-age=60\n' });
    writeSecurityHeaders(dist, '', "default-src 'self'");
    writeSecurityHeaders(dist, '', "default-src 'self'");
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    expect(headers.startsWith('/files/*\n  Cache-Control: max-age=60\n\n# Security headers')).toBe(true);
    expect(headers.match(/# Security headers/g)).toHaveLength(1);
    expect(readFileSync(join(dist, '..', NGINX_SNIPPET), 'utf8')).toContain('add_header Referrer-Policy');
  });

  it('gives a build into another folder a snippet of its own, so two builds of one site keep both', () => {
    expect(nginxSnippetPath('/site/dist')).toBe('/site/openoutreach-nginx.conf');
    expect(nginxSnippetPath('/site/dist-subpath')).toBe('/site/openoutreach-nginx.dist-subpath.conf');
  });
});
