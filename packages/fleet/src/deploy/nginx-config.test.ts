import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { HostedSite } from './deploy-site.ts';
import { nginxConfig } from './nginx-config.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => spawnSync(path, ['-v']).status === 0);

const SITES: HostedSite[] = [
  { name: 'maple', domain: 'maple.example', base: '/' },
  { name: 'garden', subpath: '/garden/', base: '/garden/' },
  { name: 'coop', domain: 'sites.example', base: '/' },
];

// What the kit's build writes beside dist/ (packages/astro/src/security-headers.ts, redirects.ts).
const snippet = (base: string) => `add_header Content-Security-Policy "frame-ancestors 'none'; object-src 'none'; base-uri 'none'" always;
add_header X-Content-Type-Options "nosniff" always;
set $openoutreach_admin_csp "";
if ($uri ~ ^${base}admin/) {
  set $openoutreach_admin_csp "default-src 'self'";
}
add_header Content-Security-Policy $openoutreach_admin_csp always;
location = "${base}node/12" { return 301 "${base}news/"; }
`;

/** A root with a live release of each site, as deploy leaves it. */
function deployedRoot(sites: HostedSite[]): string {
  const root = mkdtempSync(join(tmpdir(), 'oo-nginx-config-'));
  for (const site of sites) {
    const release = join(root, site.name, 'releases', '20261128-180000-abc');
    mkdirSync(join(release, 'dist'), { recursive: true });
    writeFileSync(join(release, 'openoutreach-nginx.conf'), snippet(site.base));
    symlinkSync(join('releases', '20261128-180000-abc'), join(root, site.name, 'current'));
  }
  return root;
}

/** What `nginx -t` says of `config` inside a main configuration's http block. */
function nginxTest(root: string, config: string): string {
  const conf = join(root, 'fleet.conf');
  writeFileSync(conf, config);
  writeFileSync(
    join(root, 'nginx.conf'),
    `pid ${root}/nginx.pid;\nerror_log ${root}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  include ${conf};\n}\n`,
  );
  return spawnSync(NGINX!, ['-t', '-p', `${root}/`, '-c', join(root, 'nginx.conf')], { encoding: 'utf8' }).stderr;
}

describe('the fleet’s nginx configuration', () => {
  test('has a server per domain, the sub-path sites and the host’s own site in the host’s server', () => {
    const config = nginxConfig(SITES, { root: '/srv/sites', host: 'sites.example', listen: ['80'], fleetFile: 'fleet.yaml' });
    const servers = config.split(/^server \{$/m).slice(1);
    expect(servers.map((server) => server.match(/server_name (\S+);/)?.[1])).toEqual(['maple.example', 'sites.example']);
    expect(servers[0]).toContain('root "/srv/sites/maple/current/dist";');
    expect(servers[0]).toContain('include "/srv/sites/maple/current/openoutreach-nginx.conf";');
    expect(servers[0]).toContain('error_page 404 "/404.html";');
    expect(servers[1]).toContain('location = "/garden" { return 301 "/garden/"; }');
    expect(servers[1]).toContain('alias "/srv/sites/garden/current/dist/";');
    expect(servers[1]).toContain('error_page 404 "/garden/404.html";');
    expect(servers[1]).toContain('root "/srv/sites/coop/current/dist";');
    expect(config).toContain('"~^/garden/_astro/" "public, max-age=31536000, immutable";');
    expect(config).toMatch(/autoindex off;/);
  });

  test('without a host site, the host’s root answers 404', () => {
    const config = nginxConfig(SITES.slice(0, 2), { root: '/srv/sites', host: 'sites.example', listen: ['80'], fleetFile: 'fleet.yaml' });
    expect(config).toContain('location / { return 404; }');
  });

  test.runIf(NGINX)('is accepted by nginx -t, with each site’s snippet of headers and redirects included', () => {
    const root = deployedRoot(SITES);
    const config = nginxConfig(SITES, { root, host: 'sites.example', listen: ['127.0.0.1:8080'], fleetFile: 'fleet.yaml' });
    expect(nginxTest(root, config)).toContain('test is successful');
  });

  test.runIf(NGINX)('with certificates, serves HTTPS and redirects plain HTTP, and nginx -t accepts it', () => {
    const root = deployedRoot(SITES);
    const certificates = join(root, 'live');
    for (const domain of ['maple.example', 'sites.example']) {
      mkdirSync(join(certificates, domain), { recursive: true });
      const made = spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${domain}`,
        '-keyout',
        join(certificates, domain, 'privkey.pem'),
        '-out',
        join(certificates, domain, 'fullchain.pem'),
      ]);
      expect(made.status).toBe(0);
    }
    const config = nginxConfig(SITES, { root, host: 'sites.example', listen: ['127.0.0.1:8443 ssl'], fleetFile: 'fleet.yaml', certificates });
    expect(config).toContain(`ssl_certificate "${certificates}/maple.example/fullchain.pem";`);
    expect(config).toContain('server_name maple.example sites.example;');
    expect(config).toContain(`location /.well-known/acme-challenge/ { root "${root}/.acme"; }`);
    expect(config).toContain('location / { return 301 https://$host$request_uri; }');
    expect(nginxTest(root, config)).toContain('test is successful');
  });

  test.each([
    [
      { name: 'a', domain: 'x.example', base: '/' },
      { name: 'b', domain: 'X.example', base: '/' },
      'sites a and b are both at X.example: give each its own domain or subpath.',
    ],
    [
      { name: 'a', subpath: '/a/', base: '/a/' },
      undefined,
      'fleet.yaml: site a has subpath /a/ but the fleet has no host: add host: sites.example.org at the top.',
    ],
  ] as [HostedSite, HostedSite | undefined, string][])('refuses addresses it cannot serve: %o', (first, second, message) => {
    const sites = second ? [first, second] : [first];
    expect(() => nginxConfig(sites, { root: '/srv/sites', listen: ['80'], fleetFile: 'fleet.yaml' })).toThrow(message);
  });

  test('refuses a root nginx would misread', () => {
    expect(() => nginxConfig(SITES, { root: '/srv/my sites', host: 'sites.example', listen: ['80'], fleetFile: 'fleet.yaml' })).toThrow(
      '--root /srv/my sites: nginx would misread a folder with quotes, $, ;, braces or spaces in its path: choose another folder.',
    );
  });
});
