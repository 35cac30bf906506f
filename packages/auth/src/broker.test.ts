import { describe, expect, test } from 'vitest';
import { createBroker } from './broker.ts';
import { BrokerConfigError, brokerConfigFromEnv } from './config.ts';
import { signState } from './state.ts';
import worker from './worker.ts';

const ENV = {
  GITHUB_CLIENT_ID: 'client-1',
  GITHUB_CLIENT_SECRET: 'shh',
  AUTH_SECRET: 'k'.repeat(40),
  ALLOWED_ORIGINS: 'https://maple-street.org, https://maple-street.github.io',
  BROKER_URL: 'https://auth.coop.example',
};
const config = brokerConfigFromEnv(ENV);
const NOW = 1_800_000_000_000;
const BROKER = 'https://auth.coop.example';

/** A broker whose GitHub answers the token request with `answer`, recording what it was sent. */
function brokerWith(answer: Record<string, string> = { access_token: 'gho_token' }) {
  const sent: { url: string; body: Record<string, string> }[] = [];
  const handle = createBroker(config, {
    now: () => NOW,
    fetch: (async (url: string, init: RequestInit) => {
      sent.push({ url, body: JSON.parse(String(init.body)) });
      return Response.json(answer);
    }) as typeof fetch,
  });
  return { handle, sent };
}

const get = (handle: (request: Request) => Promise<Response>, path: string, cookie?: string) =>
  handle(new Request(`${BROKER}${path}`, cookie ? { headers: { cookie } } : {}));

/** Starts a sign-in for `site` and returns GitHub's authorize URL and the nonce cookie. */
async function startSignIn(handle: (request: Request) => Promise<Response>, site = 'maple-street.org') {
  const response = await get(handle, `/auth?provider=github&site_id=${site}&scope=repo`);
  expect(response.status).toBe(302);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { authorize: new URL(response.headers.get('location')!), cookie, setCookie: response.headers.get('set-cookie')! };
}

describe('starting a sign-in', () => {
  test('a listed site goes on to GitHub with the app, the callback, the scope and a signed state; the browser gets the nonce', async () => {
    const { authorize, setCookie } = await startSignIn(brokerWith().handle);
    expect(authorize.origin + authorize.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(authorize.searchParams.get('client_id')).toBe('client-1');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${BROKER}/callback`);
    expect(authorize.searchParams.get('scope')).toBe('repo');
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(setCookie).toMatch(/HttpOnly; SameSite=Lax; Secure$/);
  });

  test('a site not on the list is refused, by name, and never reaches GitHub', async () => {
    const response = await get(brokerWith().handle, '/auth?provider=github&site_id=evil.example&scope=repo');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('&#34;evil.example&#34; is not a site this sign-in server works for');
    expect(response.headers.get('location')).toBeNull();
  });

  test('other providers and scopes are refused', async () => {
    expect((await get(brokerWith().handle, '/auth?provider=gitlab&site_id=maple-street.org')).status).toBe(400);
    expect((await get(brokerWith().handle, '/auth?provider=github&site_id=maple-street.org&scope=admin:org')).status).toBe(400);
  });
});

describe('GitHub’s answer', () => {
  test('a good one: the code is exchanged with the secret, and the page hands the token only to the site’s own origins', async () => {
    const { handle, sent } = brokerWith();
    const { authorize, cookie } = await startSignIn(handle);
    const response = await get(handle, `/callback?code=abc&state=${authorize.searchParams.get('state')}`, cookie);
    expect(response.status).toBe(200);
    expect(sent).toEqual([
      {
        url: 'https://github.com/login/oauth/access_token',
        body: { client_id: 'client-1', client_secret: 'shh', code: 'abc', redirect_uri: `${BROKER}/callback` },
      },
    ]);
    const html = await response.text();
    expect(html).toContain('authorization:github:success:{\\"token\\":\\"gho_token\\",\\"provider\\":\\"github\\"}');
    // maple-street.github.io is allowed too, but it is not the site that asked.
    expect(html).toContain('const origins = ["https://maple-street.org"];');
    expect(html).toContain('window.opener.postMessage(text, event.origin)');
    expect(html).not.toMatch(/postMessage\(text, ['"]\*['"]\)/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const nonce = /script-src 'nonce-([\w-]+)'/.exec(response.headers.get('content-security-policy')!)![1];
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  test('a forged state is refused before GitHub is asked anything', async () => {
    const { handle, sent } = brokerWith();
    const { cookie } = await startSignIn(handle);
    const forged = await signState({ site: 'maple-street.org', nonce: cookie.split('=')[1]!, expires: NOW + 60_000 }, 'another-secret-another-secret-xx');
    const response = await get(handle, `/callback?code=abc&state=${forged}`, cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('did not start here');
    expect(sent).toEqual([]);
  });

  test('an expired state is refused', async () => {
    const { handle, sent } = brokerWith();
    const { authorize, cookie } = await startSignIn(handle);
    const later = createBroker(config, { now: () => NOW + 601_000, fetch: (() => Promise.reject(new Error('not called'))) as typeof fetch });
    const response = await get(later, `/callback?code=abc&state=${authorize.searchParams.get('state')}`, cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('has expired');
    expect(sent).toEqual([]);
  });

  test('a state from another browser (no matching nonce cookie) is refused', async () => {
    const { handle } = brokerWith();
    const { authorize } = await startSignIn(handle);
    const response = await get(handle, `/callback?code=abc&state=${authorize.searchParams.get('state')}`, 'openoutreach_auth_nonce=someone-else');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('started in another browser');
  });

  test('GitHub’s refusal is passed on to the CMS as an error', async () => {
    const { handle } = brokerWith({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
    const { authorize, cookie } = await startSignIn(handle);
    const html = await (await get(handle, `/callback?code=abc&state=${authorize.searchParams.get('state')}`, cookie)).text();
    expect(html).toContain('authorization:github:error:');
    expect(html).toContain('The code passed is incorrect or expired.');
    expect(html).not.toContain('gho_');
  });
});

describe('settings', () => {
  test('every missing or wrong setting is named with its fix', () => {
    let error: unknown;
    try {
      brokerConfigFromEnv({ AUTH_SECRET: 'short', ALLOWED_ORIGINS: 'https://ok.example,https://bad.example/admin/' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(BrokerConfigError);
    const { problems } = error as BrokerConfigError;
    expect(problems).toEqual([
      expect.stringMatching(/^GITHUB_CLIENT_ID is not set: the Client ID of the co-op's GitHub OAuth App/),
      expect.stringMatching(/^GITHUB_CLIENT_SECRET is not set/),
      expect.stringMatching(/^AUTH_SECRET is 5 characters long: make it at least 32/),
      'ALLOWED_ORIGINS has "https://bad.example/admin/", which is not a site\'s address: write it as https://example.org, without a path.',
    ]);
  });

  test('the Worker answers with the same message instead of starting', async () => {
    const response = await worker.fetch(new Request(`${BROKER}/auth`), {});
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('GITHUB_CLIENT_ID is not set');
  });
});
