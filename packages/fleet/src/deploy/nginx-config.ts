/**
 * One nginx configuration for every hosted site of the fleet: a server per domain, and the sites
 * under a sub-path as locations of the fleet's `host` server. Each site is served from its live
 * release (`<root>/<name>/current/dist`, resolved on every request, so a deploy needs no reload)
 * with the kit's security headers and redirects from that release's own snippet, which the
 * build wrote (`current/openoutreach-nginx.conf`, read when nginx loads its configuration).
 */
import { join } from 'node:path';
import { FleetError } from '../fleet-error.ts';
import type { HostedSite } from './deploy-site.ts';
import { CURRENT, SNIPPET } from './releases.ts';

export interface NginxConfigOptions {
  /** The folder deploy writes releases into (absolute). */
  root: string;
  /** The fleet's host, which serves the sub-path sites. */
  host?: string;
  /** What each server listens on, e.g. `80`, `[::]:80`, `127.0.0.1:8080`. */
  listen: string[];
  /** The fleet file, for messages. */
  fleetFile: string;
  /**
   * HTTPS: the folder holding a `<domain>/fullchain.pem` and `<domain>/privkey.pem` for every
   * server (certbot's /etc/letsencrypt/live). Plain HTTP then only redirects to HTTPS and answers
   * certbot's challenges from `<root>/.acme` (`certbot certonly --webroot -w <root>/.acme`).
   */
  certificates?: string;
}

/** Where certbot's HTTP challenges are answered from, under the root. */
export const ACME_FOLDER = '.acme';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const CACHE_VARIABLE = '$openoutreach_fleet_cache';
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
// Characters that would end or change an nginx string: quotes, variables, escapes, line breaks.
const UNSAFE = /["'$\\;{}\s]/;

const quoted = (value: string) => `"${value}"`;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The directives that serve one site's live release at `prefix` (`/` or its sub-path). */
function siteLocation(site: HostedSite, root: string, indent: string): string[] {
  const release = join(root, site.name, CURRENT);
  const prefix = site.subpath ?? '/';
  const lines = site.subpath
    ? [
        `location = ${quoted(prefix.replace(/\/$/, ''))} { return 301 ${quoted(prefix)}; }`,
        `location ${quoted(prefix)} {`,
        `  alias ${quoted(`${join(release, 'dist')}/`)};`,
      ]
    : ['location / {', `  root ${quoted(join(release, 'dist'))};`];
  lines.push(
    '  index index.html;',
    '  try_files $uri $uri/ =404;',
    `  error_page 404 ${quoted(`${prefix}404.html`)};`,
    `  add_header Cache-Control ${CACHE_VARIABLE};`,
    `  # ${site.name}'s security headers and redirects, from its live release.`,
    `  include ${quoted(join(release, SNIPPET))};`,
    '}',
  );
  return lines.map((line) => `${indent}${line}`);
}

function server(names: string, options: NginxConfigOptions, body: string[]): string[] {
  const certificate = (file: string) => quoted(join(options.certificates!, names, file));
  return [
    'server {',
    ...options.listen.map((address) => `  listen ${address};`),
    `  server_name ${names};`,
    ...(options.certificates ? [`  ssl_certificate ${certificate('fullchain.pem')};`, `  ssl_certificate_key ${certificate('privkey.pem')};`] : []),
    '  autoindex off;',
    // Redirects to a folder's slash keep the visitor's own scheme, host and port.
    '  absolute_redirect off;',
    // Each request follows `current` anew (whatever the server's own settings), so a switch is seen at once.
    '  disable_symlinks off;',
    '  open_file_cache off;',
    ...body,
    '}',
  ];
}

/** Plain HTTP for every name: certbot's challenges, and a redirect to HTTPS for everything else. */
function httpsRedirect(sites: HostedSite[], options: NginxConfigOptions): string[] {
  const names = [...new Set([...sites.flatMap((site) => (site.domain ? [site.domain] : [])), ...(sites.some((site) => site.subpath) ? [options.host!] : [])])];
  return [
    'server {',
    '  listen 80;',
    '  listen [::]:80;',
    `  server_name ${names.join(' ')};`,
    `  location /.well-known/acme-challenge/ { root ${quoted(join(options.root, ACME_FOLDER))}; }`,
    '  location / { return 301 https://$host$request_uri; }',
    '}',
  ];
}

/**
 * Checks what the fleet file says about addresses: every sub-path site needs the host, no two
 * sites share a domain or a sub-path, and nothing would break out of an nginx string.
 */
function checkAddresses(sites: HostedSite[], options: NginxConfigOptions): void {
  for (const [option, folder] of [
    ['--root', options.root],
    ['--certificates', options.certificates],
  ] as const) {
    if (folder !== undefined && UNSAFE.test(folder)) {
      throw new FleetError(`${option} ${folder}: nginx would misread a folder with quotes, $, ;, braces or spaces in its path: choose another folder.`);
    }
  }
  if (options.host !== undefined && !DOMAIN.test(options.host)) {
    throw new FleetError(`${options.fleetFile}: host "${options.host}" is not a domain name: write it as sites.example.org.`);
  }
  const seen = new Map<string, string>();
  sites.forEach((site) => {
    const address = site.domain ?? `${options.host}${site.subpath}`;
    if (site.domain && !DOMAIN.test(site.domain)) {
      throw new FleetError(`${options.fleetFile}: site ${site.name}'s domain "${site.domain}" is not a domain name: write it as www.example.org.`);
    }
    if (site.subpath && !options.host) {
      throw new FleetError(
        `${options.fleetFile}: site ${site.name} has subpath ${site.subpath} but the fleet has no host: add host: sites.example.org at the top.`,
      );
    }
    if (site.subpath && (UNSAFE.test(site.subpath) || !/^\/.+\/$/.test(site.subpath))) {
      throw new FleetError(`${options.fleetFile}: site ${site.name}'s subpath "${site.subpath}" is not a folder path: write it as /${site.name}/.`);
    }
    const other = seen.get(address.toLowerCase());
    if (other) throw new FleetError(`${options.fleetFile}: sites ${other} and ${site.name} are both at ${address}: give each its own domain or subpath.`);
    seen.set(address.toLowerCase(), site.name);
  });
}

/** The nginx configuration (for the `http { }` context, e.g. /etc/nginx/conf.d/) serving `sites`. */
export function nginxConfig(sites: HostedSite[], options: NginxConfigOptions): string {
  checkAddresses(sites, options);
  if (!options.listen.length || options.listen.some((address) => /[;{}"'\\$]/.test(address))) {
    throw new FleetError(`--listen ${options.listen.join(' ')}: give what nginx's listen takes, e.g. --listen 80 --listen '[::]:80'.`);
  }
  const byDomain = sites.filter((site) => site.domain);
  const bySubpath = sites.filter((site) => site.subpath);
  const lines = [
    `# The co-op's sites of ${options.fleetFile}, served from their live releases under ${options.root}.`,
    '# Written by `openoutreach-fleet nginx`: change the fleet file and write it again rather than edit it.',
    '# Reload nginx after a deploy or rollback that says its headers or redirects changed.',
    '',
    '# Hashed assets (/_astro/) never change under their name: browsers keep them for a year.',
    `map $uri ${CACHE_VARIABLE} {`,
    '  default "";',
    ...[...new Set(sites.map((site) => site.subpath ?? '/'))].map((prefix) => `  ${quoted(`~^${escapeRegex(prefix)}_astro/`)} ${quoted(IMMUTABLE)};`),
    '}',
  ];
  const hostSite = byDomain.find((site) => site.domain!.toLowerCase() === options.host?.toLowerCase());
  for (const site of byDomain) {
    if (site === hostSite) continue;
    lines.push('', ...server(site.domain!, options, siteLocation(site, options.root, '  ')));
  }
  if (options.host && (bySubpath.length || hostSite)) {
    const body = [
      ...(hostSite ? siteLocation(hostSite, options.root, '  ') : ['  location / { return 404; }']),
      ...bySubpath.flatMap((site) => siteLocation(site, options.root, '  ')),
    ];
    lines.push('', ...server(options.host, options, body));
  }
  if (options.certificates) lines.push('', ...httpsRedirect(sites, options));
  return `${lines.join('\n')}\n`;
}
