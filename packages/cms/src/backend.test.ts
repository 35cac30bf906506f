import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { adminSignInProblem } from './admin-page.ts';
import { backendDeprecation, backendSchema, signInProblem, type BackendInput } from './backend.ts';
import { cmsConfigYaml } from './config.ts';
import { cmsInput } from './test-input.ts';

/** The backend as Decap reads it from the published site's admin/config.yml. */
const publishedBackend = (backend: BackendInput) => (parse(cmsConfigYaml(cmsInput({ backend: backendSchema.parse(backend) }))) as { backend: unknown }).backend;

describe('the backend of each host, as Decap reads it', () => {
  test('GitHub through the co-op’s broker: Decap opens its popup at base_url/auth', () => {
    const backend = { name: 'github', repo: 'maple-street/website', base_url: 'https://auth.opentech.coop' } as const;
    expect(publishedBackend(backend)).toEqual({ ...backend, branch: 'main' });
    expect(signInProblem(backendSchema.parse(backend))).toBeUndefined();
  });

  test('GitHub on Netlify: no base_url, so Decap uses Netlify’s own GitHub sign-in', () => {
    expect(publishedBackend({ name: 'github', repo: 'maple-street/website', branch: 'live' })).toEqual({
      name: 'github',
      repo: 'maple-street/website',
      branch: 'live',
    });
  });

  test('GitLab signs in with PKCE, no server', () => {
    expect(publishedBackend({ name: 'gitlab', repo: 'maple-street/website', app_id: 'abc123' })).toEqual({
      name: 'gitlab',
      repo: 'maple-street/website',
      branch: 'main',
      auth_type: 'pkce',
      app_id: 'abc123',
    });
  });

  test('Codeberg with the forgejo backend: PKCE against the instance that api_root names', () => {
    const backend = { name: 'forgejo', repo: 'maple-street/website', api_root: 'https://codeberg.org/api/v1', app_id: 'c0ffee' } as const;
    expect(publishedBackend(backend)).toEqual({ ...backend, branch: 'main' });
    expect(signInProblem(backendSchema.parse(backend))).toBeUndefined();
  });

  test('Gitea with its own address and API', () => {
    const backend = {
      name: 'gitea',
      repo: 'maple-street/website',
      base_url: 'https://git.example.org',
      api_root: 'https://git.example.org/api/v1',
      app_id: 'id',
    } as const;
    expect(publishedBackend(backend)).toEqual({ ...backend, branch: 'main' });
  });
});

describe('a backend that cannot sign anyone in says so', () => {
  test('no backend is the default, and the published /admin/ explains how to set one up', () => {
    const backend = backendSchema.parse(undefined);
    expect(backend).toEqual({ name: 'none', branch: 'main' });
    expect(signInProblem(backend)).toMatch(/astro\.config\.mjs.*npm run edit/);
    expect(adminSignInProblem(cmsConfigYaml(cmsInput({ backend })))).toMatch(/no sign-in/);
  });

  test('local editing always can: the local backend signs in', () => {
    expect(adminSignInProblem(cmsConfigYaml(cmsInput({ backend: backendSchema.parse(undefined), local: true })))).toBeUndefined();
  });

  test.each([
    ['gitlab', { name: 'gitlab', repo: 'a/b' }],
    ['forgejo', { name: 'forgejo', repo: 'a/b', api_root: 'https://codeberg.org/api/v1' }],
    ['gitea', { name: 'gitea', repo: 'a/b' }],
  ] as const)('%s without app_id names the field and where to get it', (_, backend) => {
    const problem = signInProblem(backendSchema.parse(backend));
    expect(problem).toContain('cms.backend.app_id in astro.config.mjs');
    expect(problem).toMatch(/redirect URI: this site's \/admin\/ address/);
  });

  test('git-gateway still works but is marked as depending on deprecated Netlify Identity', () => {
    const backend = backendSchema.parse({ name: 'git-gateway' });
    expect(signInProblem(backend)).toBeUndefined();
    expect(backendDeprecation(backend)).toMatch(/Netlify Identity, which Netlify has deprecated/);
  });

  test('a broker address with a path is refused, naming the fix (Decap compares origins)', () => {
    const result = backendSchema.safeParse({ name: 'github', repo: 'a/b', base_url: 'https://coop.example/auth' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['base_url'], message: expect.stringContaining('without a path') });
    expect(backendSchema.safeParse({ name: 'github', repo: 'a/b', base_url: 'https://auth.example.org/' }).success).toBe(true);
  });

  test('forgejo needs its API address', () => {
    const result = backendSchema.safeParse({ name: 'forgejo', repo: 'a/b' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['api_root'], message: expect.stringContaining('https://codeberg.org/api/v1') });
  });
});
