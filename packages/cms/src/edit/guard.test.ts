import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSaveGuard } from './guard.mjs';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@localhost', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@localhost' } });
const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('the save guard in front of decap-server', () => {
  const site = mkdtempSync(join(tmpdir(), 'oo-guard-'));
  const received: string[] = [];
  const upstream = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(JSON.parse(body).action);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ok: true }));
    });
  });
  let guard: Server;
  let url: string;

  beforeAll(async () => {
    git(site, 'init', '-q');
    writeFileSync(join(site, 'home.md'), '---\ntitle: Home\n---\n');
    git(site, 'add', '-A');
    git(site, 'commit', '-qm', 'Start');
    guard = await startSaveGuard({ siteDir: site, port: 0, upstreamPort: await listen(upstream) });
    url = `http://127.0.0.1:${(guard.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => {
    guard?.close();
    upstream.close();
    rmSync(site, { recursive: true, force: true });
  });

  const send = (action: string) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action, params: {} }) });

  test('passes a save through while the site has no change made outside the CMS', async () => {
    const response = await send('persistEntry');
    expect(response.status).toBe(200);
    expect(received.at(-1)).toBe('persistEntry');
  });

  test('refuses a save, naming the stray file, while a file changed outside the CMS would be committed with it', async () => {
    writeFileSync(join(site, 'notes.md'), 'my own notes');
    const before = received.length;
    for (const action of ['persistEntry', 'persistMedia', 'deleteFile']) {
      const response = await send(action);
      expect(response.status, action).toBe(409);
      expect((await response.json()).error).toMatch(/^Not saved: files of the site changed outside the CMS \(notes\.md\)/);
    }
    expect(received.length).toBe(before);
  });

  test('still lets the CMS read while a stray change waits', async () => {
    const response = await send('entriesByFolder');
    expect(response.status).toBe(200);
    expect(received.at(-1)).toBe('entriesByFolder');
  });

  test('saves again once the stray change is committed', async () => {
    git(site, 'add', '-A');
    git(site, 'commit', '-qm', 'Notes');
    expect((await send('persistEntry')).status).toBe(200);
  });
});
