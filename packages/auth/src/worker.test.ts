import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import worker from './worker.ts';

// workerd (Cloudflare's runtime) installs only through an install script, which this repository
// refuses; so the Worker's fetch handler runs here under Node, with only the Web APIs a Worker has.
describe('the Cloudflare Worker', () => {
  test('imports no Node module, directly or through the broker', () => {
    const imports = (file: string): string[] => {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      const specifiers = [...text.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]!);
      return specifiers.flatMap((specifier) => (specifier.startsWith('./') ? [specifier, ...imports(specifier)] : [specifier]));
    };
    const all = imports('./worker.ts');
    expect(all).toContain('./broker.ts');
    expect(all.filter((specifier) => !specifier.startsWith('./'))).toEqual([]);
  });

  test('starts a sign-in from its variables and secrets', async () => {
    const env = {
      GITHUB_CLIENT_ID: 'worker-app',
      GITHUB_CLIENT_SECRET: 'secret',
      AUTH_SECRET: 'w'.repeat(32),
      ALLOWED_ORIGINS: 'https://maple-street.org',
    };
    const response = await worker.fetch(new Request('https://auth.coop.example/auth?provider=github&site_id=maple-street.org&scope=repo'), env);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('client_id')).toBe('worker-app');
    expect(location.searchParams.get('redirect_uri')).toBe('https://auth.coop.example/callback');
  });
});
