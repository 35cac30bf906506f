import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRedirects, REDIRECTS_FILE, writeRedirects } from './redirects.ts';

function site(redirects: string, pages: string[] = ['news/fair/index.html', 'about/index.html', 'actualités/fête/index.html']) {
  const root = mkdtempSync(join(tmpdir(), 'oo-redirects-'));
  mkdirSync(join(root, 'src/settings'), { recursive: true });
  writeFileSync(join(root, REDIRECTS_FILE), redirects);
  const outDir = join(root, 'dist');
  for (const page of pages) {
    mkdirSync(dirname(join(outDir, page)), { recursive: true });
    writeFileSync(join(outDir, page), '<!DOCTYPE html><title>page</title>');
  }
  writeFileSync(join(root, 'openoutreach-nginx.conf'), '# security headers\n');
  return { root, outDir };
}

const LIST = `redirects:
  - from: /node/12
    to: /news/fair/
  - from: /content/fête-du-quartier
    to: /actualités/fête/
  - from: /about
    to: /about/
  - from: /old/report.html
    to: https://example.org/report
`;

describe('readRedirects', () => {
  it('reads the list, and no file is no redirects', () => {
    expect(readRedirects(site(LIST).root).redirects).toHaveLength(4);
    expect(readRedirects(mkdtempSync(join(tmpdir(), 'oo-none-')))).toEqual({ redirects: [], problems: [] });
  });

  it('names the entry, the field and the fix for a bad address or a second rule for one address', () => {
    const { problems } = readRedirects(
      site(`redirects:
  - from: node/1
    to: /news/
  - from: /a?b=1
    to: /news/
  - from: /x
    to: javascript:alert(1)
  - from: /y
    to: /news/
  - from: /y/
    to: /about/
  - from: /z
`).root,
    );
    expect(problems.map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual([
      'src/settings/redirects.yaml redirects[0].from: "node/1" is not an old address of the site',
      'src/settings/redirects.yaml redirects[1].from: "/a?b=1" is not an old address of the site',
      'src/settings/redirects.yaml redirects[2].to: "javascript:alert(1)" is neither a page of this site nor an https address',
      'src/settings/redirects.yaml redirects[4].from: "/y/" is already redirected by redirects[3]',
      'src/settings/redirects.yaml redirects[5]: each redirect has two fields, "from" and "to", and nothing else',
    ]);
    expect(problems.every((p) => p.fix.length > 10)).toBe(true);
  });
});

describe('writeRedirects', () => {
  it('writes a redirect page, a _redirects rule and nginx locations for each old address, under the base path', () => {
    const { root, outDir } = site(LIST);
    expect(writeRedirects(root, outDir, '/site', 'fr')).toEqual([]);
    const page = readFileSync(join(outDir, 'node/12/index.html'), 'utf8');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/site/news/fair/">');
    expect(readFileSync(join(outDir, 'content/fête-du-quartier/index.html'), 'utf8')).toContain('url=/site/actualit%C3%A9s/f%C3%AAte/');
    expect(readFileSync(join(outDir, 'old/report.html'), 'utf8')).toContain('url=https://example.org/report');
    // /about is the page itself: the build's page stays, and no rule hides it.
    expect(readFileSync(join(outDir, 'about/index.html'), 'utf8')).toBe('<!DOCTYPE html><title>page</title>');
    expect(readFileSync(join(outDir, '_redirects'), 'utf8').split('\n').slice(1, -1)).toEqual([
      '/site/node/12 /site/news/fair/ 301',
      '/site/content/f%C3%AAte-du-quartier /site/actualit%C3%A9s/f%C3%AAte/ 301',
      '/site/old/report.html https://example.org/report 301',
    ]);
    const nginx = readFileSync(join(root, 'openoutreach-nginx.conf'), 'utf8');
    expect(nginx).toMatch(/^# security headers\n/);
    expect(nginx).toContain('location = "/site/node/12" { return 301 "/site/news/fair/"; }');
    expect(nginx).toContain('location = "/site/node/12/" { return 301 "/site/news/fair/"; }');
    expect(nginx).toContain('location = "/site/content/fête-du-quartier" { return 301 "/site/actualit%C3%A9s/f%C3%AAte/"; }');
    expect(nginx).not.toContain('"/site/about"');
  });

  it('keeps the site’s own _redirects rules first, and a second run adds nothing', () => {
    const { root, outDir } = site(LIST);
    writeFileSync(join(outDir, '_redirects'), '/donate https://liberapay.com/x 302\n');
    writeRedirects(root, outDir, '', 'en');
    writeRedirects(root, outDir, '', 'en');
    const rules = readFileSync(join(outDir, '_redirects'), 'utf8');
    expect(rules.startsWith('/donate https://liberapay.com/x 302\n\n# Old addresses')).toBe(true);
    expect(rules.match(/\/node\/12 /g)).toHaveLength(1);
  });

  it('stops on a redirect to a page the site does not have', () => {
    const { root, outDir } = site('redirects:\n  - from: /node/3\n    to: /news/gone/\n');
    const problems = writeRedirects(root, outDir, '', 'en');
    expect(problems).toMatchObject([
      { file: REDIRECTS_FILE, field: 'redirects[0].to', message: expect.stringContaining('"/news/gone/" is not a page of the built site') },
    ]);
    expect(existsSync(join(outDir, 'node/3/index.html'))).toBe(false);
  });
});
