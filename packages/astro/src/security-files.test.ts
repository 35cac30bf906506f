import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hoistPolicies, NGINX_SNIPPET, nginxSnippetPath, writeSecurityHeaders } from './security-files.ts';

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oo-security-files-'));
  const dist = join(root, 'dist');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dist, name, '..'), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  return dist;
}

describe('hoistPolicies', () => {
  it('moves each policy <meta> to just after <meta charset>, so it governs the whole page', () => {
    const dist = site({
      'a/index.html':
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>x</style><meta http-equiv="content-security-policy" content="default-src \'self\'"></head><body></body></html>',
      'admin/index.html':
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="one"><title>t</title><meta http-equiv="content-security-policy" content="two"></head></html>',
    });
    hoistPolicies(dist);
    expect(readFileSync(join(dist, 'a/index.html'), 'utf8')).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src \'self\'"><style>x</style></head><body></body></html>',
    );
    expect(readFileSync(join(dist, 'admin/index.html'), 'utf8')).toContain(
      '<meta charset="utf-8"><meta http-equiv="content-security-policy" content="one"><meta http-equiv="content-security-policy" content="two"><title>t</title>',
    );
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
