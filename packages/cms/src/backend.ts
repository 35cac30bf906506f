import { z } from 'zod';

const branch = z.string().default('main');
const repo = z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'write the repository as "owner/name", e.g. "maple-street/website"' });

/**
 * Where the CMS saves edits on the published site: a git host the editors sign in to. Local
 * editing (`npm run edit`) needs none of this; it writes to the repository on this computer.
 */
export const backendSchema = z
  .discriminatedUnion('name', [
    z.strictObject({
      name: z.literal('github'),
      repo,
      branch,
      /** An OAuth server for GitHub sign-in on hosts other than Netlify. */
      base_url: z.url().optional(),
      auth_endpoint: z.string().optional(),
    }),
    z.strictObject({
      name: z.literal('gitlab'),
      repo,
      branch,
      auth_type: z.enum(['pkce', 'implicit']).default('pkce'),
      app_id: z.string().optional(),
      base_url: z.url().optional(),
      api_root: z.url().optional(),
    }),
    z.strictObject({
      /** Gitea and Forgejo (e.g. Codeberg). */
      name: z.literal('gitea'),
      repo,
      branch,
      app_id: z.string().optional(),
      base_url: z.url().optional(),
      api_root: z.url().optional(),
    }),
    z.strictObject({
      /** Netlify Identity with Git Gateway. */
      name: z.literal('git-gateway'),
      branch,
    }),
  ])
  .default({ name: 'git-gateway', branch: 'main' });

export type Backend = z.infer<typeof backendSchema>;
export type BackendInput = z.input<typeof backendSchema>;
