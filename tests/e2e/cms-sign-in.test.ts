import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signState, type SignInState } from '../../packages/auth/src/state.ts';
import { backendSchema, type BackendInput } from '../../packages/cms/src/backend.ts';
import { launchBrowser } from '../support/browser.ts';
import { astroBuild } from '../support/build.ts';
import { startGitHubStub, type GitHubStub } from '../support/github-stub.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { createSiteRepository, freePort } from '../support/site-repo.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * GitHub sign-in to the CMS of a site on a static host, through the co-op's broker
 * (@openoutreach/auth, run as its `openoutreach-auth` bin): Decap's Login opens the broker in a
 * popup, the broker sends it to GitHub (a stub on 127.0.0.1) and back, hands the token to the
 * CMS, and the CMS lists its collections from the stub's API with that token.
 */

const APP = { clientId: 'coop-oauth-app', clientSecret: 'coop-oauth-secret' };
const AUTH_SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const REPO = 'maple-street/website';
const BROKER_BIN = join(REPO_ROOT, 'packages/auth/bin/openoutreach-auth.mjs');

let github: GitHubStub;
let site: StaticServer;
let foreign: StaticServer;
let broker: { child: ChildProcess; origin: string; output: () => string };
let browser: Browser;
let siteDir: string;

/** Starts the broker's bin on `port`, resolving once it says it listens. */
async function startBroker(port: number, env: Record<string, string>): Promise<typeof broker> {
  const child = spawn(process.execPath, [BROKER_BIN, '--port', String(port)], { env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const listen = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Sign-in broker on')) resolve();
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('exit', (code) => reject(new Error(`The broker exited (${code}):\n${output}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}`, output: () => output };
}

beforeAll(async () => {
  const dir = (siteDir = createSiteRepository('cms-sign-in', fixture('minimal')));
  github = await startGitHubStub({ ...APP, repo: REPO, branch: 'main', dir });
  // The host serves dist/ as it is when asked, so it can start before the build.
  site = await serveStatic(join(dir, 'dist'));
  foreign = await serveStatic(join(dir, 'dist'));
  broker = await startBroker(await freePort(), {
    GITHUB_CLIENT_ID: APP.clientId,
    GITHUB_CLIENT_SECRET: APP.clientSecret,
    AUTH_SECRET,
    ALLOWED_ORIGINS: site.origin,
    GITHUB_URL: github.origin,
  });
  const backend = { name: 'github', repo: REPO, branch: 'main', base_url: broker.origin, api_root: github.apiRoot };
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport openOutreach from '@openoutreach/astro';\n\nexport default defineConfig({\n  site: 'https://minimal.example',\n  integrations: [openOutreach({ cms: { backend: ${JSON.stringify(backend)} } })],\n});\n`,
  );
  const build = await astroBuild(dir);
  if (build.code !== 0) throw new Error(`Building the site failed:\n${build.output.slice(-4000)}`);
  browser = await launchBrowser();
});

afterAll(async () => {
  broker?.child.kill('SIGTERM');
  await browser?.close();
  await Promise.all([github?.close(), site?.close(), foreign?.close()]);
});

/** Opens the CMS at `server` in a fresh browser (no cookies), presses Login, and returns the page and the sign-in popup. */
async function pressLogin(server: StaticServer): Promise<{ page: Page; popup: Page }> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.url}admin/`);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Login with GitHub' }).click();
  return { page, popup: await popup };
}

describe('GitHub sign-in through the co-op’s broker', { timeout: 120_000 }, () => {
  test('Login opens the broker, the token reaches the CMS, and the CMS lists its collections from the git host', async () => {
    github.rewriteState = undefined;
    const { page, popup } = await pressLogin(site);
    await popup.waitForEvent('close');
    await page.getByRole('link', { name: 'News' }).click();
    await expect(page.getByText('First post').first().waitFor()).resolves.toBeUndefined();
    expect(github.apiRequests).toEqual(expect.arrayContaining(['GET /user', `GET /repos/${REPO}`, `GET /repos/${REPO}/git/trees/main:src/content/news`]));
    expect(github.unauthorized).toEqual([]);
    await page.context().close();
  });

  test('a site that is not on the broker’s list gets no token', async () => {
    github.rewriteState = undefined;
    const before = github.apiRequests.length;
    const { page, popup } = await pressLogin(foreign);
    await popup.getByText(`Refused: ${foreign.origin} is not a site this sign-in server works for`).waitFor();
    expect(await page.getByRole('button', { name: 'Login with GitHub' }).isVisible()).toBe(true);
    expect(github.apiRequests.length).toBe(before);
    await page.context().close();
  });

  test('a forged state is refused, and the CMS says why', async () => {
    github.rewriteState = (state) => `${state.slice(0, -4)}AAAA`;
    const before = github.apiRequests.length;
    const { page } = await pressLogin(site);
    await page.getByText('This sign-in did not start here').waitFor();
    expect(github.apiRequests.length).toBe(before);
    await page.context().close();
  });

  test('an expired state is refused, and the CMS says to press Login again', async () => {
    // The same sign-in, as if GitHub had answered after the state's time was up.
    github.rewriteState = (state) => {
      const payload = JSON.parse(Buffer.from(state.split('.')[0]!, 'base64url').toString()) as SignInState;
      return signState({ ...payload, expires: Date.now() - 1000 }, AUTH_SECRET);
    };
    const { page } = await pressLogin(site);
    await page.getByText('This sign-in took too long and has expired').waitFor();
    await page.context().close();
  });
});

/**
 * The CMS as Decap starts it with `backend` in the published admin/config.yml (served in place of
 * the built one): the config the kit generates for each PKCE host, in the real Decap.
 */
async function pressLoginWith(backend: BackendInput): Promise<URL> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(30_000);
  const built = await (await fetch(`${site.url}admin/config.yml`)).text();
  const config = built.replace(/^backend:\n(?:  .*\n)+/m, `backend: ${JSON.stringify(backendSchema.parse(backend))}\n`);
  await page.route('**/admin/config.yml', (route) => route.fulfill({ contentType: 'text/yaml', body: config }));
  // Where Decap sends the editor to sign in: answered here, never by the real host.
  const authorize = new Promise<URL>(
    (resolve) =>
      void page.route(/^https:\/\/(gitlab\.com|codeberg\.org|git\.example\.org)\//, (route) => {
        resolve(new URL(route.request().url()));
        void route.fulfill({ contentType: 'text/html', body: '<p>the git host</p>' });
      }),
  );
  await page.goto(`${site.url}admin/`);
  await page.getByRole('button', { name: /^Login with/ }).click();
  const url = await authorize;
  await page.context().close();
  return url;
}

describe('GitLab, Codeberg and Gitea need no broker: Decap signs in with PKCE from the generated config', { timeout: 120_000 }, () => {
  test.each([
    ['GitLab', { name: 'gitlab', repo: REPO, app_id: 'gitlab-app' }, 'https://gitlab.com/oauth/authorize', 'gitlab-app'],
    [
      'Codeberg (forgejo)',
      { name: 'forgejo', repo: REPO, api_root: 'https://codeberg.org/api/v1', app_id: 'codeberg-app' },
      'https://codeberg.org/login/oauth/authorize',
      'codeberg-app',
    ],
    [
      'Gitea',
      { name: 'gitea', repo: REPO, base_url: 'https://git.example.org', api_root: 'https://git.example.org/api/v1', app_id: 'gitea-app' },
      'https://git.example.org/login/oauth/authorize',
      'gitea-app',
    ],
  ] as const)(
    '%s: Login goes to the host’s authorize page with the app, a code challenge and the admin page to come back to',
    async (_, backend, endpoint, appId) => {
      const url = await pressLoginWith(backend);
      expect(url.origin + url.pathname).toBe(endpoint);
      expect(url.searchParams.get('client_id')).toBe(appId);
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('redirect_uri')).toBe(`${site.url}admin/`);
    },
  );
});

describe('a site without sign-in', { timeout: 120_000 }, () => {
  test('its published /admin/ says what to set, instead of a Login that cannot work', async () => {
    writeFileSync(
      join(siteDir, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';\nimport openOutreach from '@openoutreach/astro';\n\nexport default defineConfig({ site: 'https://minimal.example', integrations: [openOutreach()] });\n`,
    );
    const build = await astroBuild(siteDir, ['--outDir', 'dist-without-sign-in']);
    expect(build.code, build.output.slice(-3000)).toBe(0);
    expect(build.output).toContain('The CMS has no sign-in on the published site: set openOutreach({ cms: { backend } }) in astro.config.mjs');
    const server = await serveStatic(join(siteDir, 'dist-without-sign-in'));
    try {
      const page = await (await browser.newContext()).newPage();
      const scripts: string[] = [];
      page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(request.url())));
      await page.goto(`${server.url}admin/`);
      await page.getByText('The CMS has no sign-in on the published site: set openOutreach({ cms: { backend } }) in astro.config.mjs').waitFor();
      expect(await page.getByRole('button', { name: /Login/ }).count()).toBe(0);
      expect(scripts).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  });
});
