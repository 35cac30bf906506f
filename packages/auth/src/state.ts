/**
 * The OAuth `state` of one sign-in, signed instead of stored: `<payload>.<HMAC-SHA-256>`, both
 * base64url. It carries the site that asked, a nonce that must match the browser's cookie (so a
 * sign-in started in someone else's browser cannot finish in yours) and an expiry. Web Crypto
 * only, so it runs the same in Node and in a Worker.
 */

export interface SignInState {
  /** The host name of the site whose CMS opened the sign-in (Decap's `site_id`). */
  site: string;
  /** Random, also set as a cookie on the broker's origin. */
  nonce: string;
  /** When the sign-in expires, in milliseconds since the epoch. */
  expires: number;
}

const encoder = new TextEncoder();

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

const hmacKey = (secret: string) => crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

/** A random value for the nonce: 128 bits, base64url. */
export function randomNonce(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

export async function signState(state: SignInState, secret: string): Promise<string> {
  const payload = base64url(encoder.encode(JSON.stringify(state)));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(payload)));
  return `${payload}.${base64url(signature)}`;
}

/** Why a returned `state` is not accepted, in words for the person signing in. */
export type StateRefusal = 'missing' | 'forged' | 'expired';

/** The state if it is this broker's, unexpired; else why not. The signature is checked in constant time by Web Crypto. */
export async function verifyState(text: string | null, secret: string, now: number): Promise<SignInState | StateRefusal> {
  if (!text) return 'missing';
  const [payload, signature, extra] = text.split('.');
  if (!payload || !signature || extra !== undefined) return 'forged';
  let valid = false;
  try {
    valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), fromBase64url(signature), encoder.encode(payload));
  } catch {
    return 'forged';
  }
  if (!valid) return 'forged';
  const state = JSON.parse(new TextDecoder().decode(fromBase64url(payload))) as SignInState;
  return state.expires > now ? state : 'expired';
}
