import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, userEnvironment } from '../support/build.ts';
import { findNginx, privateNginxConfig } from '../support/nginx.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * The co-op's hosting of many sites on one nginx: `openoutreach-fleet deploy` puts each site's
 * build into a release folder and switches its `current` link, `nginx` writes one configuration
 * for all of them, `rollback` goes back. Served by a real nginx on loopback; visitors are told
 * apart by their Host header, as on the co-op's server.
 */

const NGINX = findNginx();
const FLEET_BIN = join(REPO_ROOT, 'packages/fleet/bin/openoutreach-fleet.mjs');
const workspace = join(REPO_ROOT, 'tests/.output/fleet-hosting');
const root = join(workspace, 'root');
const fleetFile = join(workspace, 'fleet.yaml');
const prefix = join(workspace, 'nginx/');
const HOST = 'sites.test';

/** Two member sites made from the minimal fixture: one at its own domain, one under the host. */
const SITES = [
  { name: 'maple', title: 'Maple Street Association', domain: 'maple.test', base: '/', redirect: { from: '/node/12', to: '/about/' } },
  { name: 'garden', title: 'Eastside Community Garden', subpath: '/garden/', base: '/garden/', redirect: { from: '/old-news', to: '/news/' } },
] as const;
type Site = (typeof SITES)[number];
const MAPLE = SITES[0];
const GARDEN = SITES[1];

const hostOf = (site: Site) => ('domain' in site ? site.domain : HOST);
/** The mark release B's home page carries, so the test can tell which release answered. */
const MARK = '<p>Release B</p>';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let port: number;
/** GET `path` from the fleet's nginx as a visitor of `host`. */
function get(host: string, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The reply once `done` holds of it: nginx applies a reload signal just after the command that sent it returns. */
async function settled(host: string, path: string, done: (reply: Reply) => boolean): Promise<Reply> {
  let reply = await get(host, path);
  for (let attempt = 0; attempt < 50 && !done(reply); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    reply = await get(host, path);
  }
  return reply;
}

/** Runs the fleet tool as a co-op operator does; resolves to its exit code and output. */
function fleet(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FLEET_BIN, ...args], { cwd: workspace, env: { ...userEnvironment(), NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const reload = `${NGINX} -p ${prefix} -c ${prefix}nginx.conf -s reload`;
const deploy = (from: string, extra: string[] = []) =>
  fleet(['deploy', fleetFile, '--root', root, '--from', join(workspace, from), '--reload', reload, ...extra]);

/** The paths of every page of a built site, base included (not the pages standing in for redirects: nginx answers those 301). */
function pagesOf(site: Site): string[] {
  const dist = join(workspace, 'a', site.name, 'dist');
  return (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('index.html') && !readFileSync(join(dist, file), 'utf8').includes('http-equiv="refresh"'))
    .map((file) => `${site.base}${file.replace(/index\.html$/, '')}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Builds a member site from the minimal fixture, with its own name and one redirect, as a git repository. */
async function buildSite(site: Site): Promise<void> {
  const dir = join(workspace, 'a', site.name);
  cpSync(fixture('minimal'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules|openoutreach-nginx[^\\/]*)$/.test(source) });
  const settings = join(dir, 'src/settings/site.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^name: .*$/m, `name: ${site.title}`));
  writeFileSync(join(dir, 'src/settings/redirects.yaml'), `redirects:\n  - from: ${site.redirect.from}\n    to: ${site.redirect.to}\n`);
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'The site');
  const { code, output } = await astroBuild(dir, site.base === '/' ? [] : ['--base', site.base]);
  if (code !== 0) throw new Error(`Building ${site.name} failed:\n${output.slice(-3000)}`);
}

let nginx: ChildProcess | undefined;
beforeAll(async () => {
  if (!NGINX) throw new Error('nginx is not installed (Debian: apt-get install nginx-light).');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  for (const site of SITES) await buildSite(site);
  // Release B: the same build with a mark on its home page.
  for (const site of SITES) {
    cpSync(join(workspace, 'a', site.name, 'dist'), join(workspace, 'b', site.name, 'dist'), { recursive: true });
    cpSync(join(workspace, 'a', site.name, 'openoutreach-nginx.conf'), join(workspace, 'b', site.name, 'openoutreach-nginx.conf'));
    const home = join(workspace, 'b', site.name, 'dist/index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('<main', `${MARK}<main`));
  }
  writeFileSync(
    fleetFile,
    `host: ${HOST}\nsites:\n${SITES.map((site) => `  - name: ${site.name}\n    path: a/${site.name}\n    ${'domain' in site ? `domain: ${site.domain}` : `subpath: ${site.subpath}`}\n`).join('')}`,
  );
  const first = await fleet(['deploy', fleetFile, '--root', root, '--from', join(workspace, 'a')]);
  expect(first.output).toMatch(/^maple: live release \d{8}-\d{6}-[0-9a-f]{12} \(its first/m);
  expect(first.code, first.output).toBe(0);
  port = await freePort();
  const written = await fleet(['nginx', fleetFile, '--root', root, '--listen', `127.0.0.1:${port}`, '--out', join(prefix, 'fleet.conf')]);
  expect(written.code, written.output).toBe(0);
  writeFileSync(join(prefix, 'nginx.conf'), privateNginxConfig(prefix, `include ${prefix}fleet.conf;`));
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', `${prefix}nginx.conf`], { encoding: 'utf8' });
  expect(test.stderr, 'nginx -t accepts the generated configuration').toContain('test is successful');
  nginx = spawn(NGINX, ['-p', prefix, '-c', `${prefix}nginx.conf`], { stdio: 'inherit' });
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await get(HOST, '/');
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

afterAll(async () => {
  if (!nginx) return;
  nginx.kill('SIGQUIT');
  await new Promise((resolve) => nginx!.once('exit', resolve));
});

describe('one nginx for the fleet', () => {
  test.each(SITES)('every page of $name answers, at its own address', async (site) => {
    const pages = pagesOf(site);
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      const reply = await get(hostOf(site), path);
      expect(reply.status, `${hostOf(site)}${path}`).toBe(200);
      expect(reply.body).toContain(site.title);
    }
  });

  test.each(SITES)('$name has its own 404 page', async (site) => {
    const reply = await get(hostOf(site), `${site.base}no-such-page/`);
    expect(reply.status).toBe(404);
    expect(reply.body).toContain(`Page not found – ${site.title}`);
  });

  test.each(SITES)('a folder of $name asked for without its slash is sent to it', async (site) => {
    const reply = await get(hostOf(site), `${site.base}about`);
    expect([reply.status, reply.headers.location]).toEqual([301, `${site.base}about/`]);
  });

  test('one site’s pages are not found at another’s address', async () => {
    const reply = await get(MAPLE.domain, `${GARDEN.base}about/`);
    expect(reply.status).toBe(404);
    expect(reply.body).toContain(`Page not found – ${MAPLE.title}`);
  });

  test('the host’s root, outside every sub-path site, is not found', async () => {
    expect((await get(HOST, '/')).status).toBe(404);
    const bare = await get(HOST, '/garden');
    expect([bare.status, bare.headers.location]).toEqual([301, '/garden/']);
  });

  test.each(SITES)('$name has the kit’s security headers, the CMS its own policy', async (site) => {
    const page = await get(hostOf(site), site.base);
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const admin = await get(hostOf(site), `${site.base}admin/`);
    expect(admin.status).toBe(200);
    expect(String(admin.headers['content-security-policy'])).toContain("script-src 'self' 'unsafe-eval'");
  });

  test.each(SITES)('$name’s redirects answer 301', async (site) => {
    const reply = await get(hostOf(site), `${site.base.replace(/\/$/, '')}${site.redirect.from}`);
    expect([reply.status, reply.headers.location]).toEqual([301, `${site.base.replace(/\/$/, '')}${site.redirect.to}`]);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  test.each(SITES)('$name’s hashed assets are cached for a year, and no folder is listed', async (site) => {
    const asset = readdirSync(join(workspace, 'a', site.name, 'dist/_astro')).find((file) => file.endsWith('.css'))!;
    const reply = await get(hostOf(site), `${site.base}_astro/${asset}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(hostOf(site), site.base)).headers['cache-control']).toBeUndefined();
    const listing = await get(hostOf(site), `${site.base}_astro/`);
    expect(listing.status).toBe(403);
    expect(listing.body).not.toContain(asset);
  });
});

describe('deploys', () => {
  test('no request fails while sites are deployed again and again', async () => {
    const paths = [...pagesOf(MAPLE).slice(0, 4), `/_astro/${readdirSync(join(workspace, 'a/maple/dist/_astro'))[0]}`];
    let deploying = true;
    const failures: string[] = [];
    const homes = new Set<string>();
    let requests = 0;
    const visitor = (async () => {
      while (deploying) {
        for (const path of paths) {
          const reply = await get(MAPLE.domain, path);
          requests++;
          if (reply.status !== 200) failures.push(`${reply.status} ${path}`);
          if (path === '/') homes.add(reply.body.includes(MARK) ? 'B' : reply.body.includes('</html>') ? 'A' : 'half a page');
        }
      }
    })();
    for (const from of ['b', 'a', 'b']) {
      const { code, output } = await deploy(from, ['--site', 'maple']);
      expect(code, output).toBe(0);
    }
    deploying = false;
    await visitor;
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);
    expect([...homes].sort()).toEqual(['A', 'B']);
    expect((await get(MAPLE.domain, '/')).body).toContain(MARK);
  });

  test('a failed build never replaces the live site', async () => {
    // A build stopped halfway: pages written, but not the 404 page the build writes last.
    cpSync(join(workspace, 'a/maple'), join(workspace, 'half/maple'), { recursive: true });
    rmSync(join(workspace, 'half/maple/dist/404.html'));
    writeFileSync(join(workspace, 'half/maple/dist/index.html'), 'half');
    const half = await deploy('half', ['--site', 'maple']);
    expect(half.code).toBe(1);
    expect(half.output).toMatch(
      /^maple: not deployed, .*404\.html is missing, so the build did not finish: build the site again; the live release \S+ stays\.$/m,
    );
    // Built here: the site's committed state, whose install cannot even start (no lockfile).
    const built = await fleet(['deploy', fleetFile, '--root', root, '--site', 'maple']);
    expect(built.code).toBe(1);
    expect(built.output).toMatch(/^maple: not deployed, .*package-lock\.json.*; the live release \S+ stays\.$/m);
    for (const { output } of [half, built]) expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
    const home = await get(MAPLE.domain, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain(MARK);
  });

  test('a release with a new redirect has nginx reloaded, and answers it', async () => {
    // Release C: an editor added a redirect (the build appends it to the snippet beside dist/).
    cpSync(join(workspace, 'a/maple'), join(workspace, 'c/maple'), { recursive: true });
    const home = join(workspace, 'c/maple/dist/index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('<main', '<p>Release C</p><main'));
    writeFileSync(
      join(workspace, 'c/maple/openoutreach-nginx.conf'),
      `${readFileSync(join(workspace, 'c/maple/openoutreach-nginx.conf'), 'utf8')}location = "/moved" { return 301 "/about/"; }\n`,
    );
    expect((await get(MAPLE.domain, '/moved')).status).toBe(404);
    const { code, output } = await deploy('c', ['--site', 'maple']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/^maple: live release \S+ \(was \S+; new headers or redirects \(openoutreach-nginx\.conf\): reload nginx\)\.$/m);
    const moved = await settled(MAPLE.domain, '/moved', (reply) => reply.status === 301);
    expect([moved.status, moved.headers.location]).toEqual([301, '/about/']);
    expect((await get(MAPLE.domain, '/')).body).toContain('Release C');
  });

  test('rollback restores the release before, its redirects too', async () => {
    const { code, output } = await fleet(['rollback', fleetFile, '--root', root, '--site', 'maple', '--reload', reload]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/^maple: live release \S+ again \(was \S+\)\.$/m);
    const home = await get(MAPLE.domain, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain(MAPLE.title);
    expect(home.body).toContain(MARK);
    expect(home.body).not.toContain('Release C');
    expect((await settled(MAPLE.domain, '/moved', (reply) => reply.status === 404)).status).toBe(404);
    // The other site was never touched.
    expect((await get(HOST, GARDEN.base)).status).toBe(200);
  });

  test('each deploy made one release, the failed ones none', () => {
    expect(readdirSync(join(root, 'maple/releases')).length).toBe(5);
    expect(existsSync(join(root, 'garden/releases'))).toBe(true);
  });

  test('a site the fleet file does not have is refused in one line', async () => {
    const { code, output } = await deploy('a', ['--site', 'oak']);
    expect(code).toBe(2);
    expect(output.trim()).toBe(`${fleetFile} has no site named oak: its sites are maple, garden.`);
  });
});
