/**
 * The broker as one `fetch` handler (Request in, Response out), so the same code serves Node and
 * a Cloudflare Worker. Two addresses:
 *
 * - `GET /auth?provider=github&site_id=<host>&scope=repo`: Decap's popup opens it. A site on the
 *   allow-list gets a signed `state` and a nonce cookie, and goes on to GitHub's authorize page.
 * - `GET /callback?code=…&state=…`: GitHub sends the browser back here. A state that is this
 *   broker's, unexpired and matching the cookie's nonce gets its code exchanged for a token,
 *   which the page hands to the CMS that opened it, if that CMS's origin is on the allow-list.
 *
 * Nothing is stored: the state carries what the callback needs, and the token only passes through.
 */
import type { BrokerConfig } from './config.ts';
import { popupHeaders, popupPage, type PopupMessage } from './pages.ts';
import { randomNonce, signState, verifyState } from './state.ts';

export interface BrokerOptions {
  /** How the broker reaches GitHub's token endpoint (tests pass a stub). */
  fetch?: typeof fetch;
  /** The clock, in milliseconds (tests pass a fixed one). */
  now?: () => number;
}

const NONCE_COOKIE = 'openoutreach_auth_nonce';
const SCOPES = new Set(['repo', 'public_repo']);

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The broker's request handler. */
export function createBroker(config: BrokerConfig, options: BrokerOptions = {}): (request: Request) => Promise<Response> {
  const fetchToken = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const hostnames = new Set(config.allowedOrigins.map((origin) => new URL(origin).hostname));

  const page = (status: number, title: string, text: string, message?: PopupMessage, headers: Record<string, string> = {}) => {
    const nonce = randomNonce();
    return new Response(popupPage({ title, text, nonce, ...(message ? { message } : {}) }), { status, headers: { ...popupHeaders(nonce), ...headers } });
  };
  /** A refusal the CMS shows on its login screen, if an allowed site opened the popup. */
  const refusal = (status: number, text: string, origins = config.allowedOrigins) =>
    page(status, 'Sign-in refused', text, { outcome: 'error', data: { message: text }, origins });

  async function start(url: URL, origin: string): Promise<Response> {
    const provider = url.searchParams.get('provider') ?? 'github';
    if (provider !== 'github') return page(400, 'Sign-in refused', `This sign-in server signs in with GitHub only, not "${provider}".`);
    const site = url.searchParams.get('site_id') ?? '';
    if (!hostnames.has(site)) {
      return page(403, 'Sign-in refused', `"${site}" is not a site this sign-in server works for. Ask the co-op to add the site's address to its list.`);
    }
    const scope = url.searchParams.get('scope') ?? 'repo';
    if (!SCOPES.has(scope)) return page(400, 'Sign-in refused', `The scope "${scope}" is not one the CMS needs: use "repo" or "public_repo".`);
    const nonce = randomNonce();
    const state = await signState({ site, nonce, expires: now() + config.stateTtlSeconds * 1000 }, config.secret);
    const authorize = new URL('/login/oauth/authorize', config.githubUrl);
    authorize.search = new URLSearchParams({ client_id: config.clientId, redirect_uri: `${origin}/callback`, scope, state }).toString();
    const secure = origin.startsWith('https:') ? '; Secure' : '';
    return new Response(null, {
      status: 302,
      headers: {
        Location: authorize.href,
        'Cache-Control': 'no-store',
        'Set-Cookie': `${NONCE_COOKIE}=${nonce}; Path=/callback; Max-Age=${config.stateTtlSeconds}; HttpOnly; SameSite=Lax${secure}`,
      },
    });
  }

  async function finish(request: Request, url: URL, origin: string): Promise<Response> {
    const clearCookie = { 'Set-Cookie': `${NONCE_COOKIE}=; Path=/callback; Max-Age=0; HttpOnly; SameSite=Lax${origin.startsWith('https:') ? '; Secure' : ''}` };
    const state = await verifyState(url.searchParams.get('state'), config.secret, now());
    if (state === 'expired') return refusal(400, 'This sign-in took too long and has expired. Close this window and press Login again.');
    if (typeof state === 'string')
      return refusal(400, 'This sign-in did not start here (its state is missing or forged). Close this window and press Login again.');
    if (cookieValue(request, NONCE_COOKIE) !== state.nonce) {
      return refusal(400, 'This sign-in was started in another browser. Close this window and press Login again.');
    }
    const origins = config.allowedOrigins.filter((allowed) => new URL(allowed).hostname === state.site);
    const error = url.searchParams.get('error');
    if (error) return refusal(400, `GitHub did not sign you in (${url.searchParams.get('error_description') ?? error}).`, origins);
    const code = url.searchParams.get('code');
    if (!code) return refusal(400, 'GitHub sent no code back. Close this window and press Login again.', origins);

    let answer: { access_token?: string; error?: string; error_description?: string };
    try {
      const response = await fetchToken(new URL('/login/oauth/access_token', config.githubUrl).href, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_id: config.clientId, client_secret: config.clientSecret, code, redirect_uri: `${origin}/callback` }),
      });
      answer = (await response.json()) as typeof answer;
    } catch {
      return refusal(502, 'GitHub could not be reached to finish the sign-in. Try again in a moment.', origins);
    }
    if (!answer.access_token) return refusal(400, `GitHub refused the sign-in (${answer.error_description ?? answer.error ?? 'no token'}).`, origins);
    return page(
      200,
      'Signed in',
      'Signed in with GitHub. This window closes by itself.',
      { outcome: 'success', data: { token: answer.access_token, provider: 'github' }, origins },
      clearCookie,
    );
  }

  return async (request) => {
    const url = new URL(request.url);
    const origin = config.publicUrl ?? url.origin;
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    switch (url.pathname) {
      case '/auth':
        return start(url, origin);
      case '/callback':
        return finish(request, url, origin);
      case '/':
        return new Response('Open Outreach sign-in broker: Decap CMS opens /auth; GitHub returns to /callback.\n', {
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      default:
        return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  };
}
