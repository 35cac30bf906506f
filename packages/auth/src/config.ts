/**
 * The broker's settings, read from environment variables (a Node server's environment, or a
 * Cloudflare Worker's vars and secrets): every one named, with what it is for and how to fix it.
 */

export interface BrokerConfig {
  /** The Client ID of the co-op's GitHub OAuth App. */
  clientId: string;
  /** That app's client secret: only the broker knows it. */
  clientSecret: string;
  /** The key that signs the `state` of each sign-in (HMAC-SHA-256); at least 32 characters. */
  secret: string;
  /** The member sites' origins (`https://maple-street.org`): only these receive a token. */
  allowedOrigins: string[];
  /** GitHub's address: `https://github.com`, or a GitHub Enterprise server's. */
  githubUrl: string;
  /**
   * The broker's own public address, for the OAuth App's callback URL; without it, the address
   * each request came to (right unless a proxy in front rewrites the host).
   */
  publicUrl?: string | undefined;
  /** How long a sign-in may take from Login to GitHub's answer, in seconds. */
  stateTtlSeconds: number;
}

/** Settings that cannot work, each named with its fix: the broker does not start. */
export class BrokerConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The sign-in broker's settings need fixing:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'BrokerConfigError';
  }
}

/** The environment variables the broker reads, with what each is for (the CLI's --help lists them). */
export const BROKER_VARIABLES: Record<string, string> = {
  GITHUB_CLIENT_ID: "the Client ID of the co-op's GitHub OAuth App (its callback URL: <broker address>/callback)",
  GITHUB_CLIENT_SECRET: "that OAuth App's client secret",
  AUTH_SECRET: 'a random key of at least 32 characters that signs each sign-in (e.g. `openssl rand -hex 32`)',
  ALLOWED_ORIGINS: "the member sites' addresses, separated by commas or spaces: https://maple-street.org,https://maple-street.github.io",
  GITHUB_URL: 'optional: GitHub Enterprise’s address (default https://github.com)',
  BROKER_URL: "optional: the broker's public address, when a proxy in front of it changes the host",
  STATE_TTL_SECONDS: 'optional: how long a sign-in may take, in seconds (default 600)',
};

/** An origin as browsers write it (`https://example.org`, no path), or undefined for anything else. */
export function asOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    const bare = text.replace(/\/$/, '');
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === bare ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and checks the broker's settings; throws a `BrokerConfigError` listing every problem. */
export function brokerConfigFromEnv(env: Record<string, string | undefined>): BrokerConfig {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set: ${BROKER_VARIABLES[name]}.`);
    return value ?? '';
  };
  const clientId = required('GITHUB_CLIENT_ID');
  const clientSecret = required('GITHUB_CLIENT_SECRET');
  const secret = required('AUTH_SECRET');
  if (secret && secret.length < 32) problems.push(`AUTH_SECRET is ${secret.length} characters long: make it at least 32 (e.g. \`openssl rand -hex 32\`).`);
  const allowedOrigins: string[] = [];
  for (const entry of required('ALLOWED_ORIGINS')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const origin = asOrigin(entry);
    if (origin) allowedOrigins.push(origin);
    else problems.push(`ALLOWED_ORIGINS has "${entry}", which is not a site's address: write it as https://example.org, without a path.`);
  }
  const githubUrl = env.GITHUB_URL?.trim() ? asOrigin(env.GITHUB_URL.trim()) : 'https://github.com';
  if (!githubUrl) problems.push(`GITHUB_URL is "${env.GITHUB_URL}": write GitHub's address without a path, e.g. https://github.example.org.`);
  const publicUrl = env.BROKER_URL?.trim() ? asOrigin(env.BROKER_URL.trim()) : undefined;
  if (env.BROKER_URL?.trim() && !publicUrl)
    problems.push(`BROKER_URL is "${env.BROKER_URL}": write the broker's address without a path, e.g. https://auth.example.org.`);
  const ttl = env.STATE_TTL_SECONDS?.trim() ? Number(env.STATE_TTL_SECONDS) : 600;
  if (!Number.isInteger(ttl) || ttl < 30 || ttl > 3600)
    problems.push(`STATE_TTL_SECONDS is "${env.STATE_TTL_SECONDS}": write a whole number of seconds from 30 to 3600.`);
  if (problems.length) throw new BrokerConfigError(problems);
  return { clientId, clientSecret, secret, allowedOrigins, githubUrl: githubUrl!, publicUrl, stateTtlSeconds: ttl };
}
