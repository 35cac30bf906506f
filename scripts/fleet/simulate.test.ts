import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFleetFile } from '../../packages/fleet/src/fleet-file.ts';
import { fleetProfiles } from './lib/profiles.mjs';
import { simulateFleet, type SimulatedFleet } from './simulate.mjs';

let out: string;
let fleet: SimulatedFleet;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'oo-simulate-'));
  fleet = await simulateFleet({ count: 6, out, seed: 'unit', kit: false, maxPosts: 5 });
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

describe('fleetProfiles', () => {
  it('gives the same fleet for the same seed and another for another seed', () => {
    expect(fleetProfiles({ count: 20, seed: 'a' })).toEqual(fleetProfiles({ count: 20, seed: 'a' }));
    expect(fleetProfiles({ count: 20, seed: 'a' })).not.toEqual(fleetProfiles({ count: 20, seed: 'b' }));
  });

  it('varies what members vary, even in a small fleet', () => {
    const small = fleetProfiles({ count: 5, seed: 'x' });
    expect(new Set(small.map((site) => site.languages.join('+')))).toEqual(new Set(['en', 'en+es', 'fr']));
    expect(small.some((site) => site.override)).toBe(true);
    expect(small.some((site) => 'subpath' in site.address)).toBe(true);
    expect(small.some((site) => 'domain' in site.address)).toBe(true);
    const large = fleetProfiles({ count: 200, seed: 'x' });
    expect(new Set(large.map((site) => site.name)).size).toBe(200);
    expect(large.every((site) => /^[a-z0-9][a-z0-9-]*$/.test(site.name))).toBe(true);
    expect(Math.max(...large.map((site) => site.posts))).toBe(1000);
    expect(large.filter((site) => site.posts <= 12).length).toBeGreaterThan(80);
    expect(new Set(large.map((site) => site.fonts.heading)).size).toBeGreaterThan(3);
    expect(new Set(large.map((site) => site.colours.primary)).size).toBeGreaterThan(5);
    for (const feature of ['albums', 'people', 'projects', 'resources'] as const) {
      expect(new Set(large.map((site) => site.features[feature]))).toEqual(new Set([true, false]));
    }
    expect(Math.max(...fleetProfiles({ count: 50, seed: 'x', maxPosts: 12 }).map((site) => site.posts))).toBe(12);
  });
});

describe('simulateFleet', () => {
  it('writes a fleet file the fleet tool reads, listing every site', () => {
    const read = readFleetFile(fleet.fleetFile);
    expect(read.sites.map((site) => site.name)).toEqual(fleet.sites.map((site) => site.name));
    expect(read.sites.map((site) => site.path)).toEqual(fleet.sites.map((site) => site.dir));
    expect(parse(readFileSync(fleet.fleetFile, 'utf8')).host).toBe('sites.example.coop');
  });

  it('makes each site a clean git repository with one commit, the same commit for the same seed', async () => {
    for (const site of fleet.sites) {
      expect(git(site.dir, 'rev-list', '--count', 'HEAD'), site.name).toBe('1');
      expect(git(site.dir, 'status', '--porcelain'), site.name).toBe('');
    }
    const again = mkdtempSync(join(tmpdir(), 'oo-simulate-again-'));
    try {
      const second = await simulateFleet({ count: 4, out: again, seed: 'unit', kit: false, maxPosts: 5 });
      expect(second.sites.map((site) => git(site.dir, 'rev-parse', 'HEAD'))).toEqual(fleet.sites.slice(0, 4).map((site) => git(site.dir, 'rev-parse', 'HEAD')));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it("applies each site's profile: settings, features, languages, its own Footer, its posts", () => {
    for (const { dir, profile, name } of fleet.sites) {
      const settings = parse(readFileSync(join(dir, 'src/settings/site.yaml'), 'utf8'));
      expect(settings.name, name).toBe(profile.title);
      expect(settings.colours, name).toEqual(profile.colours);
      expect(settings.fonts, name).toEqual(profile.fonts);
      expect(settings.defaultLocale, name).toBe(profile.languages[0]);
      const config = readFileSync(join(dir, 'astro.config.mjs'), 'utf8');
      for (const [feature, on] of Object.entries(profile.features)) {
        expect(config, name).toContain(`${feature}: ${on}`);
        expect(existsSync(join(dir, 'src/content', feature)), `${name}: src/content/${feature}`).toBe(on);
      }
      expect(existsSync(join(dir, 'src/components/Footer.astro')), name).toBe(profile.override);
      expect(config.includes("components: { Footer: './src/components/Footer.astro' }"), name).toBe(profile.override);
      const news = join(dir, 'src/content/news', profile.languages.length > 1 ? profile.languages[0]! : '');
      expect(git(dir, 'ls-files', news).split('\n').length, name).toBe(4 + profile.posts);
      if (profile.languages.length > 1) expect(existsSync(join(dir, 'src/content/pages', profile.languages[1]!, 'home.md')), name).toBe(true);
      if (!profile.features.projects)
        expect(readFileSync(join(dir, 'src/content/pages', profile.languages.length > 1 ? profile.languages[0]! : '', 'home.md'), 'utf8')).not.toContain(
          '/projects/',
        );
    }
  });

  it('gives every site the same package.json, with the kit at one version', () => {
    const manifests = fleet.sites.map((site) => readFileSync(join(site.dir, 'package.json'), 'utf8'));
    expect(new Set(manifests).size).toBe(1);
    const dependencies = JSON.parse(manifests[0]!).dependencies as Record<string, string>;
    for (const [name, range] of Object.entries(dependencies)) if (name.startsWith('@openoutreach/')) expect(range).toBe(fleet.version);
  });

  it('refuses a folder that already holds sites', async () => {
    await expect(simulateFleet({ count: 1, out, kit: false })).rejects.toThrow(/is not empty: give an empty or new --out folder/);
  });
});
