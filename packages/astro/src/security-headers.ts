/**
 * The site's Content-Security-Policy and the other headers that keep hostile content inert.
 *
 * Every page carries its policy in a `<meta http-equiv>` that Astro writes (`security.csp`), with
 * the hashes of the scripts and styles Astro bundles plus the kit's own inline code listed here:
 * that works on every host, GitHub Pages included. The policy allows the site's own origin and
 * exactly what a feature fetches after a click: map tiles from tile.openstreetmap.org, players from
 * youtube-nocookie.com, player.vimeo.com and the PeerTube instances the settings list.
 *
 * A `<meta>` cannot say who may frame the page (`frame-ancestors`), so the build also writes the
 * headers for the hosts that read them: `dist/_headers` (Netlify, Cloudflare Pages) and
 * `openoutreach-nginx.conf` beside `dist/` for nginx. The CMS at /admin/ gets a stricter policy
 * of its own (`adminPolicy()`), in its page and in the headers.
 */
import { createHash } from 'node:crypto';
import { contactFormMarkup, newsletterFormMarkup, videoPlayerOrigins, type SiteSettings } from '@openoutreach/core';
import type { Backend } from '@openoutreach/cms';
import type { AstroUserConfig } from 'astro';

type AstroCsp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean> & { algorithm: 'SHA-256' };
type CspDirective = NonNullable<AstroCsp['directives']>[number];

export const MAP_TILE_ORIGIN = 'https://tile.openstreetmap.org';

/** What every response of the site gets from a host that reads headers files. */
export const BASE_HEADERS: Record<string, string> = {
  // The only directives a <meta> policy cannot carry; each page's <meta> has the rest.
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** The CSP source of a text's SHA-256 hash, as a policy lists an allowed inline script or style. */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

export interface SitePolicyInput {
  settings: Pick<SiteSettings, 'videos' | 'forms' | 'contact'>;
  features: { events: boolean; search: boolean };
  /** The kit's inline scripts that Astro does not bundle (a Markdown body's video player script). */
  inlineScripts: string[];
  /** The kit's inline styles that Astro does not bundle (the site's colours and fonts). */
  inlineStyles: string[];
  /** The base path, for a form posting to the site itself (Netlify's thank-you page). */
  base: string;
}

/** Where the site's forms send to: the site itself, a form service's origin, or `mailto:`. */
export function formTargets(settings: SitePolicyInput['settings'], base: string): string[] {
  const context = { thanksPath: `${base}/contact/thanks/` };
  const contact = settings.forms?.contact ? contactFormMarkup(settings.forms.contact, { ...context, fallbackEmail: settings.contact.email }) : undefined;
  const newsletter = settings.forms?.newsletter ? newsletterFormMarkup(settings.forms.newsletter, context) : undefined;
  const targets = new Set(["'self'"]);
  for (const action of [contact?.attributes.action, newsletter?.attributes.action]) {
    if (!action) continue;
    if (action.startsWith('mailto:')) targets.add('mailto:');
    else if (/^https?:\/\//.test(action)) targets.add(new URL(action).origin);
  }
  return [...targets];
}

/**
 * The `security.csp` setting Astro writes into every page: its own hashes plus the kit's, and
 * every other directive. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly (it allows no
 * `eval()` of text), only on a site with search.
 */
export function astroCsp(input: SitePolicyInput): AstroCsp {
  const directives: CspDirective[] = [
    "default-src 'self'",
    `img-src 'self' data:${input.features.events ? ` ${MAP_TILE_ORIGIN}` : ''}`,
    `frame-src ${videoPlayerOrigins(input.settings.videos).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formTargets(input.settings, input.base).join(' ')}`,
  ];
  return {
    algorithm: 'SHA-256',
    directives,
    scriptDirective: {
      resources: ["'self'", ...(input.features.search ? ["'wasm-unsafe-eval'"] : [])],
      hashes: input.inlineScripts.map((text) => cspHash(text) as `sha256-${string}`),
    },
    styleDirective: { resources: ["'self'"], hashes: input.inlineStyles.map((text) => cspHash(text) as `sha256-${string}`) },
  };
}

/** The hosts the CMS talks to and shows images from, for its sign-in and backend. */
export function backendOrigins(backend: Backend): { connect: string[]; images: string[] } {
  switch (backend.name) {
    case 'github': {
      // Sign-in happens in a popup window (the broker at base_url), which the page's policy does not govern.
      const api = new URL(backend.api_root ?? 'https://api.github.com').origin;
      // GitHub Enterprise serves avatars and files from its own host.
      const images = backend.api_root ? [api] : ['https://avatars.githubusercontent.com', 'https://raw.githubusercontent.com'];
      return { connect: [api], images };
    }
    case 'gitlab': {
      const base = new URL(backend.base_url ?? 'https://gitlab.com').origin;
      const api = new URL(backend.api_root ?? `${base}/api/v4`).origin;
      return { connect: [...new Set([base, api])], images: [...new Set([base, api, 'https://secure.gravatar.com'])] };
    }
    case 'gitea': {
      const base = new URL(backend.base_url ?? 'https://try.gitea.io').origin;
      const api = new URL(backend.api_root ?? `${base}/api/v1`).origin;
      return { connect: [...new Set([base, api])], images: [...new Set([base, api])] };
    }
    case 'forgejo': {
      // PKCE's token request goes to the instance itself, whose address Decap takes from api_root.
      const api = new URL(backend.api_root).origin;
      return { connect: [api], images: [api] };
    }
    case 'git-gateway':
      // Netlify Identity and Git Gateway answer on the site's own origin (/.netlify/…).
      return { connect: [], images: [] };
    case 'none':
      return { connect: [], images: [] };
  }
}

/**
 * The CMS's policy: Decap's own scripts from /admin/ (it compiles its config validator with
 * `new Function`, hence `'unsafe-eval'`, and styles its interface with inline `<style>`), talking
 * only to the site and its git host; no frames but its preview, no plugins, no forms elsewhere.
 */
export function adminPolicy(backend: Backend): string {
  const { connect, images } = backendOrigins(backend);
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...images].join(' '),
    ['connect-src', "'self'", 'blob:', ...connect].join(' '),
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** What Astro's per-page policy must add on the CMS page so that it never blocks what `adminPolicy()` allows. */
export function adminAdditions(backend: Backend): { scriptResources: string[]; styleResources: string[]; directives: string[] } {
  const { connect, images } = backendOrigins(backend);
  return {
    scriptResources: ["'unsafe-eval'"],
    styleResources: ["'unsafe-inline'"],
    directives: [['img-src', 'blob:', ...images].join(' '), ['connect-src', "'self'", 'blob:', ...connect].join(' '), "frame-src 'self' blob:"],
  };
}

/** `dist/_headers`, read by Netlify and Cloudflare Pages (matching rules add up: /admin/ gets both). */
export function headersFile(base: string, admin: string | undefined): string {
  const lines = ['# Security headers of the Open Outreach site (written by the build).', `${base}/*`];
  for (const [name, value] of Object.entries(BASE_HEADERS)) lines.push(`  ${name}: ${value}`);
  if (admin) lines.push(`${base}/admin/*`, `  Content-Security-Policy: ${admin}`);
  return `${lines.join('\n')}\n`;
}

const nginxString = (value: string) => `"${value.replace(/["\\$]/g, (character) => `\\${character}`)}"`;

/**
 * An nginx snippet with the same headers, to `include` inside the `server { }` or `location { }`
 * that serves the site. nginx drops `add_header` lines inherited from an outer block when a block
 * has its own, so it goes in the innermost block that serves dist/.
 */
export function nginxSnippet(base: string, admin: string | undefined): string {
  const lines = [
    '# Security headers of the Open Outreach site (written by the build).',
    '# Include this file inside the server { } or location { } block that serves dist/:',
    '#   include /path/to/openoutreach-nginx.conf;',
    ...Object.entries(BASE_HEADERS).map(([name, value]) => `add_header ${name} ${nginxString(value)} always;`),
  ];
  if (admin) {
    // A second Content-Security-Policy header is a second policy, enforced as well; an empty
    // value sends no header, so only /admin/ gets it.
    lines.push(
      'set $openoutreach_admin_csp "";',
      `if ($uri ~ ^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/admin/) {`,
      `  set $openoutreach_admin_csp ${nginxString(admin)};`,
      '}',
      'add_header Content-Security-Policy $openoutreach_admin_csp always;',
    );
  }
  return `${lines.join('\n')}\n`;
}
