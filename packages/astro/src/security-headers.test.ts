import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VIDEO_PLAYER_SCRIPT } from '@openoutreach/markdown';
import { adminAdditions, adminPolicy, astroCsp, cspHash, formTargets, headersFile, nginxSnippet } from './security-headers.ts';

const settings = { videos: { peertube: ['tube.example.org'] }, contact: {}, forms: undefined };
const input = { settings, features: { events: true, search: true }, inlineScripts: [VIDEO_PLAYER_SCRIPT], inlineStyles: [':root{--x:1}'], base: '' };

describe('astroCsp', () => {
  it('allows the site itself, map tiles, the video players of the settings, and nothing else', () => {
    const csp = astroCsp(input);
    expect(csp.directives).toEqual([
      "default-src 'self'",
      "img-src 'self' data: https://tile.openstreetmap.org",
      'frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://tube.example.org',
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]);
    expect(csp.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.styleDirective?.resources).toEqual(["'self'"]);
  });

  it("lists the hashes of the kit's inline script and style as a browser computes them", () => {
    const csp = astroCsp(input);
    const hash = `sha256-${createHash('sha256').update(VIDEO_PLAYER_SCRIPT).digest('base64')}`;
    expect(csp.scriptDirective?.hashes).toEqual([hash]);
    expect(csp.styleDirective?.hashes).toEqual([cspHash(':root{--x:1}')]);
  });

  it('leaves out map tiles without events and WebAssembly without search', () => {
    const csp = astroCsp({ ...input, features: { events: false, search: false } });
    expect(csp.directives).toContain("img-src 'self' data:");
    expect(csp.scriptDirective?.resources).toEqual(["'self'"]);
  });
});

describe('formTargets', () => {
  it('lets forms post to their services and to mailto:, nowhere else', () => {
    const forms = {
      contact: { provider: 'mailto', email: 'a@example.org' },
      newsletter: { provider: 'listmonk', action: 'https://lists.example.org', list: 'abc' },
    };
    expect(formTargets({ ...settings, forms } as never, '')).toEqual(["'self'", 'mailto:', 'https://lists.example.org']);
  });
});

describe('adminPolicy', () => {
  it('lets Decap evaluate its validators and talk to its git host only', () => {
    const policy = adminPolicy({ name: 'github', repo: 'a/b', branch: 'main' });
    expect(policy).toContain("script-src 'self' 'unsafe-eval'");
    expect(policy).toContain("connect-src 'self' blob: https://api.github.com");
    expect(policy).toContain("frame-src 'self' blob:");
    expect(policy).not.toContain('youtube');
    expect(adminPolicy({ name: 'gitea', repo: 'a/b', branch: 'main', base_url: 'https://codeberg.org' })).toContain(
      "connect-src 'self' blob: https://codeberg.org;",
    );
    expect(adminPolicy({ name: 'git-gateway', branch: 'main' })).toContain("connect-src 'self' blob:;");
  });

  it('follows the API the backend names: GitHub Enterprise, Codeberg through forgejo, none without a backend', () => {
    const enterprise = adminPolicy({ name: 'github', repo: 'a/b', branch: 'main', api_root: 'https://git.example.org/api/v3' });
    expect(enterprise).toContain("connect-src 'self' blob: https://git.example.org;");
    expect(enterprise).toContain("img-src 'self' data: blob: https://git.example.org;");
    expect(adminPolicy({ name: 'forgejo', repo: 'a/b', branch: 'main', api_root: 'https://codeberg.org/api/v1' })).toContain(
      "connect-src 'self' blob: https://codeberg.org;",
    );
    expect(adminPolicy({ name: 'none', branch: 'main' })).toContain("connect-src 'self' blob:;");
  });

  it("widens the page's Astro policy by exactly what the admin policy allows beyond it", () => {
    expect(adminAdditions({ name: 'gitlab', repo: 'a/b', branch: 'main', auth_type: 'pkce' })).toEqual({
      scriptResources: ["'unsafe-eval'"],
      styleResources: ["'unsafe-inline'"],
      directives: ['img-src blob: https://gitlab.com https://secure.gravatar.com', "connect-src 'self' blob: https://gitlab.com", "frame-src 'self' blob:"],
    });
  });
});

describe('headers files', () => {
  const admin = adminPolicy({ name: 'git-gateway', branch: 'main' });

  it('writes _headers for every page under the base, and the admin policy for /admin/', () => {
    expect(headersFile('/sub', admin)).toBe(
      [
        '# Security headers of the Open Outreach site (written by the build).',
        '/sub/*',
        "  Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '/sub/admin/*',
        `  Content-Security-Policy: ${admin}`,
        '',
      ].join('\n'),
    );
    expect(headersFile('', undefined)).not.toContain('admin');
  });

  it('writes an nginx snippet that adds the admin policy only under /admin/', () => {
    const snippet = nginxSnippet('/sub.site', admin);
    expect(snippet).toContain(`add_header X-Content-Type-Options "nosniff" always;`);
    expect(snippet).toContain('if ($uri ~ ^/sub\\.site/admin/) {');
    expect(snippet).toContain(`  set $openoutreach_admin_csp "${admin}";`);
    expect(snippet).toContain('add_header Content-Security-Policy $openoutreach_admin_csp always;');
  });
});
