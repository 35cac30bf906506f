import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBackend } from './backend.mjs';
import { startSaveGuard } from './guard.mjs';
import { siteOrigins } from './requests.mjs';

const IDENTITY = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@localhost', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@localhost' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } }).trim();
const SITE_ORIGIN = 'http://127.0.0.1:4321';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A site in a new git repository (at its root, or in `site/` of it), being edited: the real
 * decap-server on its socket, behind the save guard on a free port of 127.0.0.1.
 */
function editedSite(layout: 'root' | 'subfolder') {
  const fixture = { repo: '', site: '', port: 0, marker: '', stop: () => {} };
  beforeAll(async () => {
    fixture.repo = mkdtempSync(join(tmpdir(), 'oo-guard-'));
    fixture.site = layout === 'root' ? fixture.repo : join(fixture.repo, 'site');
    mkdirSync(join(fixture.site, 'src/content/pages'), { recursive: true });
    writeFileSync(join(fixture.site, 'src/content/pages/home.md'), '---\ntitle: Home\n---\n');
    writeFileSync(join(fixture.repo, 'README.md'), 'The repository\n');
    // A committed .env that would make git run a command, were it loaded into decap-server's environment.
    fixture.marker = join(tmpdir(), `oo-guard-ran-${process.pid}-${layout}`);
    writeFileSync(join(fixture.site, '.env'), `GIT_CONFIG_PARAMETERS="'core.fsmonitor'='touch ${fixture.marker}; false'"\n`);
    git(fixture.repo, 'init', '-q', '-b', 'main');
    git(fixture.repo, 'add', '-A');
    git(fixture.repo, 'commit', '-qm', 'Start');
    const backend = await startBackend({ siteDir: fixture.site, origin: SITE_ORIGIN, env: IDENTITY });
    const guard: Server = await startSaveGuard({ siteDir: fixture.site, port: 0, origins: siteOrigins(4321), backendSocket: backend.socketPath });
    fixture.port = (guard.address() as AddressInfo).port;
    fixture.stop = () => {
      guard.closeAllConnections();
      guard.close();
      backend.stop();
    };
  });
  afterAll(() => {
    fixture.stop();
    rmSync(fixture.repo, { recursive: true, force: true });
    rmSync(fixture.marker, { force: true });
  });
  /** POSTs `body` to the guard as the site's CMS does, with `headers` changed. */
  const post = (body: unknown, headers: Record<string, string | undefined> = {}, method = 'POST') =>
    new Promise<Answer>((resolve, reject) => {
      const payload = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const sent: Record<string, string> = {
        Host: `127.0.0.1:${fixture.port}`,
        Origin: SITE_ORIGIN,
        'Content-Type': 'application/json',
        'Content-Length': String(payload.length),
      };
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) delete sent[name];
        else sent[name] = value;
      }
      const sending = request({ host: '127.0.0.1', port: fixture.port, method, path: '/api/v1', headers: sent, setHost: false }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      });
      sending.on('error', reject);
      sending.end(payload);
    });
  const commits = () => Number(git(fixture.site, 'rev-list', '--count', 'HEAD'));
  return { fixture, post, commits };
}

const persistEntry = (path: string, raw = '---\ntitle: About\n---\nAbout us.\n') => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    entry: { slug: 'about', path, raw },
    assets: [],
    options: { collectionName: 'pages', commitMessage: `Create ${path}`, useWorkflow: false, status: 'draft' },
  },
});
const persistMedia = (path: string, content = 'cmVmdXNlZA==') => ({
  action: 'persistMedia',
  params: { branch: 'main', asset: { path, content, encoding: 'base64' }, options: { commitMessage: `Upload ${path}` } },
});
const deleteFile = (path: string) => ({ action: 'deleteFile', params: { branch: 'main', path, options: { commitMessage: `Delete ${path}` } } });

describe('the save guard in front of decap-server, for a site at the root of its repository', () => {
  const { fixture, post, commits } = editedSite('root');

  test('passes a save from the site’s CMS through: decap-server commits just that file, and the CMS may read the answer', async () => {
    const before = commits();
    const answer = await post(persistEntry('src/content/pages/about.md'));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    expect(commits()).toBe(before + 1);
    expect(git(fixture.site, 'show', '--name-only', '--format=', 'HEAD')).toBe('src/content/pages/about.md');
    const read = await post({ action: 'getEntry', params: { branch: 'main', path: 'src/content/pages/about.md' } }, { Origin: 'http://localhost:4321' });
    expect(JSON.parse(read.text).data).toContain('About us.');
    expect(read.headers['access-control-allow-origin']).toBe('http://localhost:4321');
  });

  test('does not load the site’s .env into decap-server’s environment, where it could make git run commands', async () => {
    expect((await post(persistEntry('src/content/pages/env.md'))).status).toBe(200);
    expect(existsSync(fixture.marker)).toBe(false);
  });

  test('refuses a request addressed to another host name (DNS rebinding), for saves and reads alike', async () => {
    const before = commits();
    for (const host of [`evil.example:${fixture.port}`, 'evil.example', `127.0.0.1:${fixture.port + 1}`, `127.0.0.1.evil.example:${fixture.port}`, '']) {
      for (const body of [persistEntry('src/content/pages/rebound.md'), { action: 'info' }]) {
        const answer = await post(body, { Host: host, Origin: undefined });
        expect(answer.status, host).toBe(403);
        expect(JSON.parse(answer.text).error).toMatch(/^Refused: this CMS backend answers only requests addressed to 127\.0\.0\.1:/);
      }
    }
    expect(commits()).toBe(before);
    expect(existsSync(join(fixture.site, 'src/content/pages/rebound.md'))).toBe(false);
  });

  test('refuses a request from another origin, even another port of this computer, and never names that origin as allowed', async () => {
    const before = commits();
    for (const origin of [
      'https://evil.example',
      'http://localhost:9999',
      'http://127.0.0.1:8081',
      'null',
      `${SITE_ORIGIN}.evil.example`,
      'http://127.0.0.1:43210',
    ]) {
      for (const body of [persistEntry('src/content/pages/forged.md'), { action: 'getEntry', params: { branch: 'main', path: 'src/content/pages/home.md' } }]) {
        const answer = await post(body, { Origin: origin });
        expect(answer.status, origin).toBe(403);
        expect(answer.headers['access-control-allow-origin'], origin).toBeUndefined();
        expect(answer.text).not.toContain(origin === 'null' ? '"null"' : origin);
      }
      const preflight = await post('', { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Content-Type': undefined }, 'OPTIONS');
      expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    expect(commits()).toBe(before);
    const preflight = await post('', { 'Access-Control-Request-Method': 'POST', 'Content-Type': undefined }, 'OPTIONS');
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
  });

  test('refuses a save that carries no Origin: only the site’s CMS saves', async () => {
    const answer = await post(persistEntry('src/content/pages/anonymous.md'), { Origin: undefined });
    expect(answer.status).toBe(403);
    expect(existsSync(join(fixture.site, 'src/content/pages/anonymous.md'))).toBe(false);
  });

  test('refuses every write into .git/, outside the site’s src/ folder, or of code, however the path is spelled; nothing is written', async () => {
    const gitConfig = readFileSync(join(fixture.site, '.git/config'), 'utf8');
    const before = commits();
    const paths = [
      '.git/config',
      '.GIT/config',
      '.Git/hooks/pre-commit',
      './.git/config',
      'src/../.git/config',
      'src/content/../../.git/config',
      'src\\..\\.git\\config',
      'src/%2e%2e/.git/config',
      'src/content/%2E%2E/%2e%2e/.git/config',
      '%2egit/config',
      'src/content/.git/config',
      'src/.git./config',
      'GIT~1/config',
      'src/GIT~1/config',
      `${fixture.site}/.git/config`,
      '/tmp/oo-guard-absolute.md',
      'C:/Windows/x.md',
      'src/content/pages/about.md:stream',
      '../outside.md',
      'src/../../outside.md',
      'astro.config.mjs',
      'package.json',
      '.env',
      '.github/workflows/x.yml',
      'src/content.config.ts',
      'src/pages/evil.astro',
      'src/pages/evil.html',
      'src/pages/evil.md',
      'src/Pages/evil.markdown',
      'src/content/../pages/evil.md',
      'src/pages./evil.md',
      '.g\u200cit/config',
      'src/content/pages/x.md\u0000.astro',
      'src/content/pages/\u202egnp.md',
      'src/content/pages/evil.mdx',
      'src/content/pages/evil.js',
      'src/content/pages/evil.astro.',
      'src',
      '',
    ];
    for (const path of paths) {
      for (const body of [
        persistEntry(path),
        persistMedia(path),
        deleteFile(path),
        { action: 'deleteFiles', params: { branch: 'main', paths: ['src/content/pages/home.md', path], options: { commitMessage: 'x' } } },
      ]) {
        const answer = await post(body);
        expect(answer.status, `${body.action} ${path}: ${answer.text}`).toBe(409);
        expect(JSON.parse(answer.text).error, path).toMatch(/^Not saved: /);
      }
    }
    const renamed = persistEntry('src/content/pages/about.md');
    const moved = { ...renamed, params: { ...renamed.params, entry: { ...renamed.params.entry, newPath: '.git/hooks/pre-commit' } } };
    expect((await post(moved)).status).toBe(409);
    const asset = { ...renamed, params: { ...renamed.params, assets: [{ path: '.git/config', content: 'W2NvcmVd', encoding: 'base64' }] } };
    expect((await post(asset)).status).toBe(409);
    const files = {
      ...renamed,
      params: {
        ...renamed.params,
        entry: undefined,
        dataFiles: [
          { slug: 'a', path: 'src/content/pages/a.md', raw: 'a' },
          { slug: 'b', path: '.git/config', raw: 'b' },
        ],
      },
    };
    expect((await post(files)).status).toBe(409);

    expect(readFileSync(join(fixture.site, '.git/config'), 'utf8')).toBe(gitConfig);
    expect(commits()).toBe(before);
    expect(git(fixture.site, 'status', '--porcelain', '--ignored')).toBe('');
    expect(existsSync(join(dirname(fixture.site), 'outside.md'))).toBe(false);
    expect(existsSync('/tmp/oo-guard-absolute.md')).toBe(false);
  });

  test('refuses to read files outside the site’s src/ folder, such as .git/config', async () => {
    for (const body of [
      { action: 'getEntry', params: { branch: 'main', path: '.git/config' } },
      { action: 'getMediaFile', params: { branch: 'main', path: 'src/../.git/config' } },
      { action: 'entriesByFolder', params: { branch: 'main', folder: '.git', extension: '', depth: 3 } },
      { action: 'entriesByFiles', params: { branch: 'main', files: [{ path: 'src/content/pages/home.md' }, { path: '.git/config' }] } },
      { action: 'getMedia', params: { branch: 'main', mediaFolder: '.git/hooks' } },
    ]) {
      const answer = await post(body);
      expect(answer.status, body.action).toBe(403);
      expect(answer.text).not.toContain('[core]');
    }
  });

  test('refuses a path that leads through a symbolic link into .git/', async () => {
    symlinkSync('../../.git', join(fixture.site, 'src/content/git-link'));
    git(fixture.site, 'add', 'src/content/git-link');
    git(fixture.site, 'commit', '-qm', 'A link');
    const before = commits();
    const answer = await post(persistMedia('src/content/git-link/hooks/pre-commit', Buffer.from('#!/bin/sh\ntouch /tmp/oo-pwned\n').toString('base64')));
    expect(answer.status).toBe(409);
    expect(JSON.parse(answer.text).error).toMatch(
      /^Not saved: "src\/content\/git-link\/hooks\/pre-commit" leads through a symbolic link to \.git\/hooks\/pre-commit/,
    );
    expect(existsSync(join(fixture.site, '.git/hooks/pre-commit'))).toBe(false);
    expect(commits()).toBe(before);
  });

  test('refuses a compressed save, or one in another encoding, that it could not read: decap-server never sees it', async () => {
    const before = commits();
    const save = Buffer.from(JSON.stringify(persistEntry('src/content/pages/compressed.md')));
    for (const [encoding, body] of [
      ['gzip', gzipSync(save)],
      ['deflate', deflateSync(save)],
      ['br', brotliCompressSync(save)],
      ['GZIP', gzipSync(save)],
      ['x-gzip', gzipSync(save)],
      ['identity, gzip', gzipSync(save)],
    ] as const) {
      const answer = await post(body, { 'Content-Encoding': encoding });
      expect(answer.status, encoding).toBe(415);
      expect(JSON.parse(answer.text).error).toMatch(/^Refused: the request is compressed/);
    }
    const utf16 = Buffer.from(`\ufeff${save.toString()}`, 'utf16le');
    for (const [type, body] of [
      ['application/json; charset=utf-16le', utf16],
      ['text/plain', save],
      ['application/x-www-form-urlencoded', save],
      [undefined, save],
    ] as const) {
      expect((await post(body, { 'Content-Type': type })).status, type).toBe(415);
    }
    expect((await post(Buffer.concat([save, Buffer.from([0xff])]))).status).toBe(400);
    expect(commits()).toBe(before);
    expect(existsSync(join(fixture.site, 'src/content/pages/compressed.md'))).toBe(false);
  });

  test('goes on answering after a request broken off midway', async () => {
    const { connect } = await import('node:net');
    const socket = connect(fixture.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:${fixture.port}\r\nOrigin: ${SITE_ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"action":`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await post({ action: 'info' })).status).toBe(200);
  });

  test('refuses the editorial workflow’s actions, which switch branches: the kit publishes each save at once', async () => {
    for (const body of [
      { action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'pages', slug: 'about' } },
      { action: 'updateUnpublishedEntryStatus', params: { branch: 'main', collection: 'pages', slug: 'about', newStatus: 'x' } },
      { action: 'deleteUnpublishedEntry', params: { branch: 'main', collection: 'pages', slug: 'about' } },
      { action: 'unpublishedEntries', params: { branch: 'main' } },
    ]) {
      expect((await post(body)).status, body.action).toBe(422);
    }
    const workflow = persistEntry('src/content/pages/workflow.md');
    workflow.params.options.useWorkflow = true;
    expect((await post(workflow)).status).toBe(409);
    expect(git(fixture.site, 'branch', '--list')).toBe('* main');
  });

  test('refuses a request for another branch than the one checked out: decap-server would check it out, code and all', async () => {
    git(fixture.site, 'branch', 'other');
    const before = commits();
    const read = await post({ action: 'entriesByFolder', params: { branch: 'other', folder: 'src/content/pages', extension: 'md', depth: 1 } });
    expect(read.status).toBe(403);
    expect(JSON.parse(read.text).error).toBe(
      'Refused: the CMS works on the branch "other", but the repository is on "main". Switch back, or stop local editing and start it again.',
    );
    const save = persistEntry('src/content/pages/elsewhere.md');
    save.params.branch = 'other';
    expect((await post(save)).status).toBe(409);
    expect(git(fixture.site, 'rev-list', '--count', 'other')).toBe(String(before));
    expect(git(fixture.site, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
  });

  test('decap-server listens on a socket in a folder only this user can open, not on a port', () => {
    const sockets = readFileSync('/proc/net/unix', 'utf8');
    expect(sockets).toMatch(/openoutreach-edit-\w+\/backend\.sock/);
    const folder = sockets.match(/(\S*openoutreach-edit-\w+)\/backend\.sock/)![1]!;
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });
});

describe('the save guard, for a site in a folder of a larger repository', () => {
  const { fixture, post, commits } = editedSite('subfolder');

  test('refuses a save while a file elsewhere in the repository changed outside the CMS, naming it; reads go on; saves again once it is committed', async () => {
    const before = commits();
    writeFileSync(join(fixture.repo, 'notes.txt'), 'my own notes');
    for (const body of [persistEntry('src/content/pages/about.md'), persistMedia('src/assets/uploads/photo.jpg'), deleteFile('src/content/pages/home.md')]) {
      const answer = await post(body);
      expect(answer.status, body.action).toBe(409);
      expect(JSON.parse(answer.text).error).toMatch(/^Not saved: files in the repository changed outside the CMS \(notes\.txt\), and saving would commit them/);
    }
    expect(commits()).toBe(before);
    const read = await post({ action: 'entriesByFolder', params: { branch: 'main', folder: 'src/content/pages', extension: 'md', depth: 1 } });
    expect(read.status).toBe(200);
    expect(read.text).toContain('src/content/pages/home.md');

    // A change staged elsewhere would be committed too.
    git(fixture.repo, 'add', 'notes.txt');
    expect((await post(persistEntry('src/content/pages/about.md'))).status).toBe(409);

    git(fixture.repo, 'commit', '-qm', 'Notes');
    const saved = await post(persistEntry('src/content/pages/about.md'));
    expect(saved.status, saved.text).toBe(200);
    expect(git(fixture.repo, 'show', '--name-only', '--format=', 'HEAD')).toBe('site/src/content/pages/about.md');
  });

  test('refuses writes into the repository’s .git/ and elsewhere outside the site folder', async () => {
    const before = commits();
    for (const path of ['../.git/config', 'src/../../.git/hooks/x', 'src/content/../../../.git/hooks/pre-commit', '../README.md', '../outside.md']) {
      for (const body of [persistEntry(path), persistMedia(path), deleteFile(path)]) {
        expect((await post(body)).status, `${body.action} ${path}`).toBe(409);
      }
    }
    expect(existsSync(join(fixture.repo, '.git/hooks/x'))).toBe(false);
    expect(existsSync(join(fixture.repo, 'outside.md'))).toBe(false);
    expect(readFileSync(join(fixture.repo, 'README.md'), 'utf8')).toBe('The repository\n');
    expect(commits()).toBe(before);
  });
});
