import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A stand-in for GitHub on 127.0.0.1: its OAuth pages (authorize, which approves at once, and the
 * token endpoint, which checks the app's secret and the code) and as much of its REST API as Decap
 * needs to list a site's collections, read from a folder on disk as if it were the repository.
 */
export interface GitHubStub {
  /** `http://127.0.0.1:<port>`: GitHub's address for the broker. */
  origin: string;
  /** Decap's `api_root`. */
  apiRoot: string;
  /** The one token the stub issues, once the code is exchanged. */
  token: string;
  /** The API requests made with the token, as `GET /repos/…`. */
  apiRequests: string[];
  /** API requests refused for a missing or wrong token. */
  unauthorized: string[];
  /** Changes the `state` GitHub sends back to the broker, as an attacker or a slow sign-in would. */
  rewriteState: ((state: string) => string | Promise<string>) | undefined;
  close: () => Promise<void>;
}

export interface GitHubStubOptions {
  clientId: string;
  clientSecret: string;
  /** `owner/name`. */
  repo: string;
  branch: string;
  /** The folder whose files the API serves as the repository's. */
  dir: string;
}

const blobSha = (content: Buffer) => createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
  });
}

export async function startGitHubStub(options: GitHubStubOptions): Promise<GitHubStub> {
  const code = 'stub-code-1';
  const token = 'gho_stubtoken1';
  const blobs = new Map<string, Buffer>();
  const stub = { apiRequests: [] as string[], unauthorized: [] as string[], rewriteState: undefined as GitHubStub['rewriteState'] };
  const repoPath = `/api/v3/repos/${options.repo}`;

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    });
    response.end(JSON.stringify(body));
  };

  /** `git/trees/<branch>:<folder>`: the folder's entries, one level deep. */
  const tree = (folder: string) => {
    const dir = join(options.dir, folder);
    return readdirSync(dir).map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return { path: name, mode: '040000', type: 'tree', sha: blobSha(Buffer.from(path)) };
      const content = readFileSync(path);
      const sha = blobSha(content);
      blobs.set(sha, content);
      return { path: name, mode: '100644', type: 'blob', sha, size: content.length };
    });
  };

  function api(request: IncomingMessage, response: ServerResponse, url: URL) {
    const described = `${request.method} ${url.pathname.slice('/api/v3'.length)}`;
    if (request.headers.authorization !== `token ${token}`) {
      stub.unauthorized.push(described);
      return json(response, 401, { message: 'Bad credentials' });
    }
    stub.apiRequests.push(described);
    if (url.pathname === '/api/v3/user') return json(response, 200, { login: 'editor', name: 'Maple Editor', avatar_url: '' });
    if (url.pathname === repoPath) {
      const [owner, name] = options.repo.split('/');
      return json(response, 200, {
        name,
        full_name: options.repo,
        owner: { login: owner },
        default_branch: options.branch,
        permissions: { admin: false, push: true, pull: true },
      });
    }
    const treePrefix = `${repoPath}/git/trees/${options.branch}:`;
    if (url.pathname.startsWith(treePrefix)) {
      const folder = decodeURIComponent(url.pathname.slice(treePrefix.length));
      try {
        return json(response, 200, { sha: 'tree', truncated: false, tree: tree(folder) });
      } catch {
        return json(response, 404, { message: 'Not Found' });
      }
    }
    const blob = url.pathname.startsWith(`${repoPath}/git/blobs/`) ? blobs.get(url.pathname.slice(`${repoPath}/git/blobs/`.length)) : undefined;
    if (blob) return json(response, 200, { sha: blobSha(blob), size: blob.length, encoding: 'base64', content: blob.toString('base64') });
    if (url.pathname === `${repoPath}/commits`) {
      return json(response, 200, [{ sha: 'c1', commit: { author: { name: 'Maple Editor', date: '2026-01-01T00:00:00Z' } } }]);
    }
    return json(response, 404, { message: 'Not Found' });
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'OPTIONS') return json(response, 204, '');
    if (url.pathname === '/login/oauth/authorize') {
      // GitHub would ask the editor to approve the app; the stub approves at once.
      const redirect = url.searchParams.get('redirect_uri');
      if (url.searchParams.get('client_id') !== options.clientId || !redirect) return json(response, 400, { error: 'unknown app' });
      const state = url.searchParams.get('state') ?? '';
      const back = new URL(redirect);
      back.search = new URLSearchParams({ code, state: stub.rewriteState ? await stub.rewriteState(state) : state }).toString();
      response.writeHead(302, { Location: back.href });
      return response.end();
    }
    if (url.pathname === '/login/oauth/access_token' && request.method === 'POST') {
      const body = JSON.parse(await readBody(request)) as Record<string, string>;
      if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret)
        return json(response, 401, { error: 'incorrect_client_credentials' });
      if (body.code !== code) return json(response, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
      return json(response, 200, { access_token: token, token_type: 'bearer', scope: 'repo' });
    }
    if (url.pathname.startsWith('/api/v3/')) return api(request, response, url);
    return json(response, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(stub, {
    origin,
    apiRoot: `${origin}/api/v3`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
