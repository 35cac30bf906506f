import { z } from 'zod';

const branch = z.string().default('main');
const repo = z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'write the repository as "owner/name", e.g. "maple-street/website"' });
/** The Client ID or Application ID of the OAuth application made for the site on the git host. */
const appId = z.string().min(1).optional();
/**
 * Decap accepts the sign-in popup's messages only from exactly `base_url`, which a browser gives
 * as an origin: a path or a trailing slash there would make every sign-in fail silently.
 */
const origin = z.url({ protocol: /^https?$/ }).refine((url) => new URL(url).origin === url.replace(/\/$/, ''), {
  error: 'write only the address of the sign-in server, without a path: "https://auth.example.org" (its path goes in auth_endpoint)',
});

/**
 * Where the CMS saves edits on the published site: a git host the editors sign in to. Local
 * editing (`npm run edit`) needs none of this; it writes to the repository on this computer.
 * Without one (`{ name: 'none' }`, the default), the published site's /admin/ says how to set
 * it up instead of offering a Login that cannot work.
 */
export const backendSchema = z
  .discriminatedUnion('name', [
    z.strictObject({
      /** GitHub. Editors sign in with a GitHub account that can write to the repository. */
      name: z.literal('github'),
      repo,
      branch,
      /**
       * The OAuth broker GitHub sign-in goes through (`@openoutreach/auth`, run by the co-op), as an
       * origin. Left out, Decap uses Netlify's, which works only for sites Netlify hosts.
       * @example 'https://auth.opentech.coop'
       */
      base_url: origin.optional(),
      /** The broker's sign-in path, `auth` unless the broker says otherwise. */
      auth_endpoint: z.string().optional(),
      /** GitHub's API, for GitHub Enterprise: `https://github.example.org/api/v3`. */
      api_root: z.url().optional(),
    }),
    z.strictObject({
      /** GitLab (gitlab.com or the co-op's own). Sign-in with PKCE needs no server. */
      name: z.literal('gitlab'),
      repo,
      branch,
      auth_type: z.enum(['pkce', 'implicit']).default('pkce'),
      /** The Application ID of the site's GitLab application (redirect URI: the site's /admin/ address). */
      app_id: appId,
      base_url: z.url().optional(),
      api_root: z.url().optional(),
    }),
    z.strictObject({
      /** Gitea, signing in with PKCE (the instance must allow CORS on its token endpoint). */
      name: z.literal('gitea'),
      repo,
      branch,
      /** The Client ID of the site's OAuth2 application, made with "Confidential client" unchecked. */
      app_id: appId,
      base_url: z.url().optional(),
      api_root: z.url().optional(),
    }),
    z.strictObject({
      /**
       * Forgejo, e.g. Codeberg, signing in with PKCE.
       * @example { name: 'forgejo', repo: 'maple-street/website', api_root: 'https://codeberg.org/api/v1', app_id: '…' }
       */
      name: z.literal('forgejo'),
      repo,
      branch,
      /** The Client ID of the site's OAuth2 application, made with "Confidential client" unchecked. */
      app_id: appId,
      /** The instance's API, which also gives its address: `https://codeberg.org/api/v1`. */
      api_root: z.url({ error: 'write the Forgejo API address, e.g. "https://codeberg.org/api/v1"' }),
    }),
    z.strictObject({
      /**
       * Netlify Identity with Git Gateway.
       * @deprecated Netlify has deprecated Netlify Identity; use `github` (through the co-op's broker), `gitlab` or `forgejo`.
       */
      name: z.literal('git-gateway'),
      branch,
    }),
    z.strictObject({
      /** No sign-in on the published site: only local editing (`npm run edit`). */
      name: z.literal('none'),
      branch,
    }),
  ])
  .default({ name: 'none', branch: 'main' });

export type Backend = z.infer<typeof backendSchema>;
export type BackendInput = z.input<typeof backendSchema>;

/**
 * Why editors cannot sign in to the published site's CMS with this backend, if they cannot: a
 * sentence naming the option to set, for the build's warning and the /admin/ page.
 */
export function signInProblem(backend: Backend): string | undefined {
  switch (backend.name) {
    case 'none':
      return 'The CMS has no sign-in on the published site: set openOutreach({ cms: { backend } }) in astro.config.mjs (see docs/cms-sign-in.md). Local editing with "npm run edit" works without it.';
    case 'gitlab':
      return backend.auth_type === 'pkce' && !backend.app_id
        ? 'CMS sign-in with GitLab is not set up yet: create an application in GitLab (scope "api", not confidential, redirect URI: this site\'s /admin/ address) and set its Application ID as cms.backend.app_id in astro.config.mjs.'
        : undefined;
    case 'gitea':
    case 'forgejo':
      return backend.app_id
        ? undefined
        : `CMS sign-in with ${backend.name === 'gitea' ? 'Gitea' : 'Forgejo'} is not set up yet: create an OAuth2 application (Settings → Applications, "Confidential client" unchecked, redirect URI: this site's /admin/ address) and set its Client ID as cms.backend.app_id in astro.config.mjs.`;
    default:
      return undefined;
  }
}

/** A warning for a backend that still works but depends on a deprecated service. */
export function backendDeprecation(backend: Backend): string | undefined {
  return backend.name === 'git-gateway'
    ? 'The CMS backend "git-gateway" depends on Netlify Identity, which Netlify has deprecated: switch cms.backend in astro.config.mjs to "github" (with the co-op\'s sign-in broker), "gitlab" or "forgejo" (see docs/cms-sign-in.md).'
    : undefined;
}
