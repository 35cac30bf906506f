import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { FleetError } from '../fleet-error.ts';
import { deploySite, type BuiltSite, type HostedSite } from './deploy-site.ts';
import { listReleases } from './releases.ts';

const MAPLE: HostedSite = { name: 'maple', domain: 'maple.example', base: '/' };
const GARDEN: HostedSite = { name: 'garden', subpath: '/garden/', base: '/garden/' };

let dir: string;
let root: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oo-deploy-site-'));
  root = join(dir, 'root');
});

/** A build of a site at `base` whose home page says `text`. */
function build(text: string, { base = '/', snippet = '# headers\n' } = {}): BuiltSite {
  const dist = join(dir, 'builds', text, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), `<a href="${base}news/">${text}</a>`);
  writeFileSync(join(dist, '404.html'), 'not found');
  writeFileSync(join(dist, '..', 'openoutreach-nginx.conf'), snippet);
  return { dist, snippet: join(dist, '..', 'openoutreach-nginx.conf'), commit: text };
}

const live = (site: HostedSite) => readFileSync(join(root, site.name, 'current', 'dist', 'index.html'), 'utf8');
let minute = 0;
const deploy = (site: HostedSite, obtain: () => Promise<BuiltSite>, extra: { gates?: () => Promise<string | undefined>; keep?: number } = {}) =>
  deploySite(site, { root, keep: extra.keep ?? 3, obtain, gates: extra.gates, now: new Date(Date.UTC(2026, 10, 28, 18, minute++)) });

test('a deployed site is live; the next deploy replaces it, and says whether nginx must reload', async () => {
  const first = await deploy(MAPLE, async () => build('one'));
  expect(first).toMatchObject({ deployed: true, reload: false });
  expect(first.message).toMatch(/^maple: live release \d{8}-\d{6}-one \(its first: run `openoutreach-fleet nginx` to serve it\)\.$/);
  const second = await deploy(MAPLE, async () => build('two'));
  expect(second).toMatchObject({ deployed: true, reload: false });
  expect(second.message).toContain(`was ${first.live}`);
  expect(live(MAPLE)).toContain('two');
  const third = await deploy(MAPLE, async () => build('three', { snippet: '# headers\nlocation = "/old" { return 301 "/new/"; }\n' }));
  expect(third.reload).toBe(true);
  expect(third.message).toContain('new headers or redirects (openoutreach-nginx.conf): reload nginx');
});

test('a failed build, a half-written dist or failed gates never replace the live release', async () => {
  const first = await deploy(MAPLE, async () => build('one'));
  const failures: [() => Promise<BuiltSite>, string, (() => Promise<string | undefined>)?][] = [
    [
      async () => {
        throw new FleetError('the build of maple failed: src/content/news/x.md: date is not a date');
      },
      'the build of maple failed: src/content/news/x.md: date is not a date',
    ],
    [
      async () => {
        const built = build('half');
        rmSync(join(built.dist, '404.html'));
        return built;
      },
      '404.html is missing, so the build did not finish: build the site again',
    ],
    [
      async () => {
        const built = build('bare');
        rmSync(built.snippet);
        return built;
      },
      'openoutreach-nginx.conf is missing (the security headers and redirects the build writes beside dist/)',
    ],
    [async () => build('inaccessible'), 'quality gates failed: Accessibility (2 violations on 1 page)', async () => 'Accessibility (2 violations on 1 page)'],
  ];
  for (const [obtain, reason, gates] of failures) {
    const outcome = await deploy(MAPLE, obtain, { gates });
    expect(outcome.deployed).toBe(false);
    expect(outcome.message).toContain(`maple: not deployed, `);
    expect(outcome.message).toContain(reason);
    expect(outcome.message).toMatch(new RegExp(`; the live release ${first.live} stays\\.$`));
    expect(outcome.message).not.toContain('\n');
    expect(live(MAPLE)).toContain('one');
  }
  expect(listReleases(join(root, 'maple'))).toEqual([first.live]);
});

test('a build made for another base is not deployed under a sub-path', async () => {
  const outcome = await deploy(GARDEN, async () => build('root-build', { base: '/' }));
  expect(outcome.message).toMatch(
    /^garden: not deployed, .*dist was not built for \/garden\/ .*: build it with --base \/garden\/; it has no live release yet\.$/,
  );
  expect((await deploy(GARDEN, async () => build('garden-build', { base: '/garden/' }))).deployed).toBe(true);
});

test('keeps the newest releases only', async () => {
  for (const text of ['a', 'b', 'c', 'd']) await deploy(MAPLE, async () => build(text), { keep: 2 });
  expect(listReleases(join(root, 'maple')).map((id) => id.split('-').pop())).toEqual(['c', 'd']);
});

test('a second deploy of the same site at the same time is refused, and the first goes on', async () => {
  let release!: () => void;
  const slow = deploy(MAPLE, () => new Promise<BuiltSite>((resolve) => (release = () => resolve(build('slow')))));
  const second = await deploy(MAPLE, async () => build('quick'));
  expect(second.message).toMatch(/^maple: not deployed, Another deploy or rollback of this site is running \(process \d+, .*\.deploy-lock\)/);
  release();
  expect((await slow).deployed).toBe(true);
  expect(live(MAPLE)).toContain('slow');
});
