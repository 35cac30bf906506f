import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickPageOfEachType, readPages } from '@openoutreach/check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import type { FleetSummary, SiteResult } from '../../packages/fleet/src/types.ts';
import { simulateFleet, type SimulatedFleet } from '../../scripts/fleet/simulate.mjs';
import { publishKit, startRegistry, type Registry } from '../support/registry.ts';
import { REPO_ROOT } from '../support/sites.ts';

/**
 * The co-op's fleet check, end to end: the kit as it is here is published as version N to a
 * registry; three simulated member sites (scripts/fleet/simulate.mjs) lock N; the candidate is
 * N with one deliberate theme change (tests/fixtures/fleet/event-card-spacing.patch: more room
 * inside the event card), a clone of HEAD with the patch applied, checked as a workspace. The
 * report must flag, in each site, exactly the page types whose screenshotted page shows an
 * event card, and nothing else.
 */

const PATCH = join(REPO_ROOT, 'tests/fixtures/fleet/event-card-spacing.patch');
const BIN = join(REPO_ROOT, 'packages/fleet/bin/openoutreach-fleet.mjs');
/** The element the patch restyles: a page shows the change exactly when it has one. */
const CHANGED_ELEMENT = /class="event-card"/;
const MINUTES = 60_000;
/**
 * How many sites. Three is the fewest in which the generator gives every language (English,
 * English and Spanish, French), a sub-path and a domain, and each optional feature on and off;
 * more for a longer look (`OPENOUTREACH_FLEET_SITES=5`), fewer for a quicker one.
 */
const SITES = Number(process.env.OPENOUTREACH_FLEET_SITES ?? 3);

let registry: Registry;
/**
 * A member's and the co-op's machine: the kit from the registry, everything else from the
 * registry npm is configured with (the kit's registry does not proxy the thousand other packages).
 */
let memberEnv: NodeJS.ProcessEnv;
let home: string;
let fleet: SimulatedFleet;
let kitVersion: string;
/** The candidate workspace: HEAD and the patch, inside this repository so that it finds its dependencies. */
let candidate: string;
/** Shared by the runs below, as a CI cache or a network folder would be. */
let cache: string;
/** The first run, against the changed candidate, and what it printed. */
let firstRun: { code: number; output: string; report: FleetSummary } | undefined;
/** When the run after the content edit started: it shot the edited site with its own kit. */
let editRunStarted: string | undefined;
/** The fleet tool's runs still going (a test that timed out leaves one): stopped at the end. */
const running = new Set<ChildProcess>();

function first() {
  if (!firstRun) throw new Error('The first run of the fleet check did not finish: see the first test’s failure.');
  return firstRun;
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'oo-fleet-e2e-'));
  cache = join(home, 'cache');
  registry = await startRegistry();
  await publishKit(registry);
  kitVersion = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/astro/package.json'), 'utf8')).version;
  candidate = cloneWithPatch();
  const { npm_config_registry: _registry, npm_config_userconfig: _userconfig, ...env } = registry.env;
  memberEnv = { ...env, 'npm_config_@openoutreach:registry': registry.url };
  fleet = await simulateFleet({
    count: SITES,
    out: join(home, 'fleet'),
    seed: 'fleet-test',
    kit: { registry: registry.url, env: memberEnv, version: kitVersion },
    maxPosts: 12,
  });
}, 8 * MINUTES);

afterAll(async () => {
  for (const child of running) child.kill('SIGTERM');
  await registry?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
  if (candidate) rmSync(candidate, { recursive: true, force: true });
});

/**
 * A clone of HEAD (sharing this repository's objects) with the patch applied, under
 * tests/.output/ (gitignored): its packages' builds find this repository's node_modules by
 * walking up, so nothing is installed again, and the clone keeps the patch out of this tree.
 */
function cloneWithPatch(): string {
  mkdirSync(join(REPO_ROOT, 'tests/.output'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, 'tests/.output/fleet-candidate-'));
  git(REPO_ROOT, 'clone', '--quiet', '--shared', '--no-checkout', REPO_ROOT, dir);
  git(dir, 'checkout', '--quiet', '--detach', 'HEAD');
  try {
    git(dir, 'apply', '--index', PATCH);
  } catch (error) {
    throw new Error(
      `the fixture patch no longer applies to the kit: regenerate it with the steps in tests/fixtures/fleet/README.md.\n${(error as { stderr?: string }).stderr ?? error}`,
    );
  }
  return dir;
}

/** Runs `openoutreach-fleet` as the co-op's CI does, with the registry the sites' lockfiles point at. */
function fleetCli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: home, env: memberEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** `openoutreach-fleet check` of `fleetFile` into `out`, and its report. */
async function check(name: string, options: { candidate?: string; fleetFile?: string; work?: string; extra?: string[] } = {}) {
  const out = join(home, 'reports', name);
  const args = ['check', options.fleetFile ?? fleet.fleetFile, '--candidate', options.candidate ?? candidate, '--out', out];
  args.push('--work', options.work ?? join(home, 'work'), '--cache', cache, '--jobs', '2', ...(options.extra ?? []));
  const result = await fleetCli(args);
  return { ...result, report: readReport(out) };
}

function readReport(dir: string): FleetSummary {
  try {
    return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  } catch {
    return { candidate: '', startedAt: '', seconds: 0, sites: [] };
  }
}

/** The page types a site's report flags: any shot of them changed. */
function flaggedTypes(site: SiteResult): string[] {
  return [...new Set(site.shots.filter((shot) => shot.changed).map((shot) => shot.pageType))].sort();
}

/**
 * The page types whose screenshotted page contains the restyled element, read from the
 * candidate's build in the run's work folder (the path of a 404 shot is one no page has: it
 * shows the site's 404 page).
 */
function typesShowingTheChange(site: SiteResult, work = join(home, 'work')): string[] {
  const dist = join(work, 'sites', site.name, 'dist');
  const pages = readPages(dist, site.path ?? '/');
  const notFound = pickPageOfEachType(pages).get('not-found');
  const showing = site.shots.filter((shot) => {
    const page = pages.find((entry) => entry.path === shot.path) ?? (shot.pageType === 'not-found' ? notFound : undefined);
    if (!page) throw new Error(`${site.name}: the shot of ${shot.pageType} is of ${shot.path}, which is no page of ${dist}`);
    return CHANGED_ELEMENT.test(readFileSync(join(dist, page.file), 'utf8'));
  });
  return [...new Set(showing.map((shot) => shot.pageType))].sort();
}

/** What must be the same between two reports of the same sites and candidate. */
function findings(report: FleetSummary) {
  return report.sites
    .map((site) => ({
      name: site.name,
      commit: site.commit,
      status: site.status,
      gates: (site.gates ?? []).map((gate) => `${gate.name}: ${gate.passed}`),
      shots: site.shots.map((shot) => `${shot.pageType} ${shot.width} ${shot.scheme} ${shot.changed ? 'changed' : 'same'}`).sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The simulated site with the least content (files under src/content/): the one to build again where any site would do. */
function smallest(): SimulatedFleet['sites'][number] {
  const contentFiles = (site: SimulatedFleet['sites'][number]) => readdirSync(join(site.dir, 'src/content'), { recursive: true }).length;
  return [...fleet.sites].sort((a, b) => contentFiles(a) - contentFiles(b))[0]!;
}

const said = (result: { output: string }) => result.output.slice(-6000);

describe('the fleet check of a theme change', () => {
  test(
    'flags, in every site, exactly the page types that show an event card, and exits 1',
    async () => {
      firstRun = await check('first');
      const { code, report } = firstRun;
      expect(code, said(firstRun)).toBe(1);
      expect(report.sites.map((site) => site.name).sort()).toEqual(fleet.sites.map((site) => site.name).sort());
      let flaggedSomewhere = 0;
      for (const site of report.sites) {
        expect(site.error, `${site.name}: ${site.error}`).toBeUndefined();
        expect(site.cached, site.name).toBe(false);
        for (const gate of site.gates ?? []) expect(gate.passed, `${site.name}: ${gate.name}: ${gate.summary}`).toBe(true);
        // A page of every page type the site has, at both widths in both schemes.
        const types = [...pickPageOfEachType(readPages(join(home, 'work/sites', site.name, 'dist'), site.path ?? '/')).keys()].sort();
        expect([...new Set(site.shots.map((shot) => shot.pageType))].sort(), site.name).toEqual(types);
        for (const type of types) expect(site.shots.filter((shot) => shot.pageType === type).length, `${site.name} ${type}`).toBeGreaterThanOrEqual(4);
        const showing = typesShowingTheChange(site);
        expect(flaggedTypes(site), `${site.name}: the page types flagged`).toEqual(showing);
        expect(site.status, site.name).toBe(showing.length ? 'changed' : 'passed');
        flaggedSomewhere += showing.length;
      }
      // The change is seen at all (the starter's home page lists upcoming events).
      expect(flaggedSomewhere).toBeGreaterThan(0);
    },
    30 * MINUTES,
  );

  test(
    'with the change accepted, the run passes (exit 0), every site from the cache',
    async () => {
      const accept = join(home, 'accept.yaml');
      const rules = first().report.sites.flatMap((site) =>
        flaggedTypes(site).map((pageType) => ({ site: site.name, pageType, reason: 'more room in the event card' })),
      );
      writeFileSync(accept, stringify(rules));
      const accepted = await check('accepted', { extra: ['--accept', accept] });
      expect(accepted.code, said(accepted)).toBe(0);
      for (const site of accepted.report.sites) {
        expect(site.cached, site.name).toBe(true);
        expect(site.status, site.name).toBe('passed');
        expect(site.shots.filter((shot) => shot.changed).every((shot) => shot.accepted)).toBe(true);
      }
    },
    10 * MINUTES,
  );

  test(
    'after a content edit in one site, only that site is built again',
    async () => {
      first();
      const edited = smallest();
      const pages = join(edited.dir, 'src/content/pages', edited.profile.languages.length > 1 ? edited.profile.languages[0]! : '');
      appendFileSync(join(pages, 'about.md'), '\nWe now also meet on the first Sunday of the month.\n');
      git(edited.dir, 'commit', '--quiet', '--all', '--message', 'About: the Sunday meetings');
      const again = await check('after-edit');
      expect(again.code, said(again)).toBe(1);
      editRunStarted = again.report.startedAt;
      // A new commit: its screenshots with its own kit are taken again, not reused.
      expect(again.output).toContain(`${edited.name}: ${git(edited.dir, 'rev-parse', 'HEAD').slice(0, 10)}: installing its locked kit`);
      const rebuilt = again.report.sites.filter((site) => !site.cached).map((site) => site.name);
      expect(rebuilt).toEqual([edited.name]);
      const site = again.report.sites.find((entry) => entry.name === edited.name)!;
      expect(site.commit).toBe(git(edited.dir, 'rev-parse', 'HEAD').trim());
      expect(flaggedTypes(site)).toEqual(typesShowingTheChange(site));
    },
    20 * MINUTES,
  );

  test(
    'two shards, the second in a work folder of its own sharing the cache, merge into the full report',
    async () => {
      first();
      const full = await check('full');
      const one = await check('shard-1', { extra: ['--shard', '1/2'] });
      const two = await check('shard-2', { work: join(home, 'work-2'), extra: ['--shard', '2/2'] });
      expect(one.report.sites.length + two.report.sites.length).toBe(fleet.sites.length);
      expect(one.report.sites.length).toBeGreaterThan(0);
      expect(two.report.sites.length).toBeGreaterThan(0);
      // A second machine (work folder) with the shared cache builds nothing.
      for (const site of two.report.sites) expect(site.cached, `${site.name} in the second work folder`).toBe(true);
      const merged = await fleetCli(['merge', join(home, 'reports/shard-1'), join(home, 'reports/shard-2'), '--out', join(home, 'reports/merged')]);
      expect(merged.code, said(merged)).toBe(1);
      expect(findings(readReport(join(home, 'reports/merged')))).toEqual(findings(full.report));
      expect(readFileSync(join(home, 'reports/merged/index.html'), 'utf8')).toContain(fleet.sites[0]!.name);
    },
    20 * MINUTES,
  );

  test(
    'with the unchanged kit as the candidate, nothing is flagged (exit 0)',
    async () => {
      // One site, the smallest, to keep the test short: every build is new here.
      const picked = [smallest()];
      const fleetFile = join(home, 'fleet', 'one.yaml');
      const all = parse(readFileSync(fleet.fleetFile, 'utf8')) as { host: string; sites: { name: string }[] };
      writeFileSync(fleetFile, stringify({ ...all, sites: all.sites.filter((entry) => picked.some((site) => site.name === entry.name)) }));
      const unchanged = await check('unchanged', { fleetFile, candidate: kitVersion, extra: ['--registry', registry.url] });
      expect(unchanged.code, said(unchanged)).toBe(0);
      expect(unchanged.report.sites.map((site) => site.name).sort()).toEqual(picked.map((site) => site.name).sort());
      // The same commit shot with its own kit earlier today (after the edit): those screenshots are
      // reused, and only the candidate is installed and built.
      if (editRunStarted?.slice(0, 10) === unchanged.report.startedAt.slice(0, 10)) {
        expect(unchanged.output).toMatch(/its screenshots with its locked kit are in the cache/);
        expect(unchanged.output).not.toMatch(/installing its locked kit/);
      }
      for (const site of unchanged.report.sites) {
        expect(site.cached, site.name).toBe(false);
        expect(site.status, site.name).toBe('passed');
        expect(flaggedTypes(site), site.name).toEqual([]);
      }
    },
    20 * MINUTES,
  );
});

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', args, { cwd, env: registry.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
