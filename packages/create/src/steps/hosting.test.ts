import { describe, expect, test } from 'vitest';
import { withBackend } from './hosting.mjs';

const CONFIG = `openOutreach({
      features: { albums: true },
      cms: { backend: { name: 'github', repo: 'your-group/website', branch: 'main', base_url: 'https://auth.opentech.coop' } },
    }),`;

describe('the CMS backend in astro.config.mjs', () => {
  test('is the host’s, for the site’s repository', () => {
    expect(withBackend(CONFIG, { name: 'gitlab', repo: 'riverside/website', branch: 'main', auth_type: 'pkce' }, {})).toContain(
      "      cms: { backend: { name: 'gitlab', repo: 'riverside/website', branch: 'main', auth_type: 'pkce' } },\n",
    );
  });

  test('without a repository, is a comment showing what to write, so that nothing looks set that is not', () => {
    const text = withBackend(CONFIG, undefined, { name: 'github', repo: 'OWNER/REPOSITORY' });
    expect(text).toContain("      // cms: { backend: { name: 'github', repo: 'OWNER/REPOSITORY' } },\n");
    expect(text).not.toMatch(/^\s*cms:/m);
  });

  test('a config without the line stops with a message naming the file and the line', () => {
    expect(() => withBackend('openOutreach({ features: {} })', undefined, {})).toThrow(
      'The starter\'s astro.config.mjs has no line "cms: { backend: { … } }," to personalise',
    );
  });
});
