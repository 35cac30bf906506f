// The distribution benchmark: how long a newcomer waits, from an empty folder, for
// `npm create openoutreach` to a running CMS (`npm run edit` answering), and how long
// `npm run upgrade` (`npx @openoutreach/upgrade@latest`) takes to move the starter to the next
// version. The kit is published from this working tree to a local registry (Verdaccio, which
// proxies everything else), as tests/e2e/member-site.test.ts does. A script, not a test: it
// prints the targets as pass or miss and exits 0 either way.
//
//   npm exec -- node scripts/bench/distribution.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishKit, run, startRegistry } from '../../tests/support/registry.ts';
import { freePort } from '../../tests/support/site-repo.ts';

const TARGETS = { create: 180, upgrade: 120 };
const NEXT_PATCH = (version) => version.replace(/(\d+)$/, (patch) => String(Number(patch) + 1));

const registry = await startRegistry();
const home = mkdtempSync(join(tmpdir(), 'oo-bench-distribution-'));
const results = [];
try {
  console.log(`${cpus().length} cores, load ${loadavg()[0].toFixed(2)}; publishing the kit to ${registry.url}…`);
  let started = Date.now();
  await publishKit(registry);
  console.log(`Published the kit in ${seconds(started)} s.`);

  // The first run fills the registry's proxy cache (as npmjs' CDN is always warm); the second is
  // the newcomer's, with npm's cache and the registry warm.
  let site = '';
  for (const pass of ['first (registry cold)', 'second (registry warm)']) {
    const folder = mkdtempSync(join(home, 'empty-'));
    const timing = await createToCms(folder);
    site = join(folder, 'my-site');
    console.log(`create, ${pass}: install ${timing.create} s, to a running CMS ${timing.total} s`);
    results.push({ what: `npm create openoutreach to a running CMS, ${pass}`, seconds: timing.total, target: TARGETS.create });
  }

  const next = await publishNextVersion();
  console.log(`Published ${next} (the same packages, the next version) for the upgrade.`);
  started = Date.now();
  const upgraded = await run('npm', ['run', 'upgrade'], { cwd: site, env: registry.env });
  const upgradeSeconds = seconds(started);
  if (upgraded.code !== 0) console.log(`npm run upgrade failed (exit ${upgraded.code}):\n${upgraded.output.slice(-3000)}`);
  results.push({ what: `npm run upgrade to ${next}${upgraded.code === 0 ? '' : ' (FAILED)'}`, seconds: upgradeSeconds, target: TARGETS.upgrade });
} finally {
  await registry.stop();
  rmSync(home, { recursive: true, force: true });
}

console.log('\nTargets (2 cores, warm npm cache):');
for (const { what, seconds, target } of results) {
  console.log(`  ${seconds <= target && !what.includes('FAILED') ? 'pass' : 'miss'}  ${what}: ${seconds} s (target < ${target} s)`);
}

/** Runs `npm create openoutreach` in an empty folder, then `npm run edit`, until the CMS and its backend answer. */
async function createToCms(folder) {
  const started = Date.now();
  const created = await run('npm', ['create', 'openoutreach@latest', 'my-site', '--', '--name', 'Bench Group', '--yes'], { cwd: folder, env: registry.env });
  if (created.code !== 0) throw new Error(`npm create openoutreach failed:\n${created.output.slice(-3000)}`);
  const create = seconds(started);
  const ports = { site: await freePort(), cms: await freePort() };
  const editing = spawn('npm', ['run', 'edit'], {
    cwd: join(folder, 'my-site'),
    env: { ...registry.env, OPENOUTREACH_SITE_PORT: String(ports.site), OPENOUTREACH_CMS_PORT: String(ports.cms) },
    detached: true,
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => editing.once('exit', resolve));
  try {
    for (let answered = false; !answered;) {
      if (editing.exitCode !== null) throw new Error('npm run edit stopped before the CMS answered.');
      answered = await Promise.all([
        fetch(`http://127.0.0.1:${ports.site}/admin/`),
        fetch(`http://127.0.0.1:${ports.cms}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' }),
      ]).then(
        (responses) => responses.every((response) => response.ok),
        () => false,
      );
      if (!answered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { create, total: seconds(started) };
  } finally {
    if (editing.exitCode === null) process.kill(-editing.pid, 'SIGTERM');
    await exited;
  }
}

/**
 * Publishes every kit package again as the next patch version, unchanged but for the versions
 * (its own and its kit dependencies'), from the tarballs on the registry: an upgrade with no
 * migration to run, which is most upgrades.
 */
async function publishNextVersion() {
  const work = mkdtempSync(join(home, 'next-'));
  const packed = await run('npm', ['pack', ...kitNames(), '--json'], { cwd: work, env: registry.env });
  if (packed.code !== 0) throw new Error(`npm pack from the registry failed:\n${packed.output.slice(-3000)}`);
  const files = readdirSync(work).filter((file) => file.endsWith('.tgz'));
  let next = '';
  for (const file of files) {
    const dir = join(work, file.replace(/\.tgz$/, ''));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await run('tar', ['-xzf', file, '-C', dir, '--strip-components=1'], { cwd: work, env: registry.env });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    next = NEXT_PATCH(manifest.version);
    manifest.version = next;
    for (const field of ['dependencies', 'peerDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) if (kitNames().includes(name)) manifest[field][name] = next;
    }
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    const published = await run('npm', ['publish', '--ignore-scripts', '--access', 'public', '--tag', 'latest'], { cwd: dir, env: registry.env });
    if (published.code !== 0) throw new Error(`Publishing ${manifest.name}@${next} failed:\n${published.output.slice(-3000)}`);
  }
  return next;
}

/** The published workspaces' names. */
function kitNames() {
  const root = join(import.meta.dirname, '../..');
  return ['packages', 'themes']
    .flatMap((folder) => readdirSync(join(root, folder)).map((name) => join(root, folder, name, 'package.json')))
    .flatMap((file) => {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8'));
        return manifest.private ? [] : [manifest.name];
      } catch {
        return [];
      }
    });
}

function seconds(since) {
  return Math.round((Date.now() - since) / 100) / 10;
}
