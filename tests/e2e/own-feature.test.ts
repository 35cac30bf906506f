import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pickPageOfEachType, readPages } from '../../packages/check/src/page-types.ts';
import { astroBuild, type BuildResult } from '../support/build.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * A feature a site adds itself: the own-feature fixture is the minimal one plus job offers, all in
 * `src/jobs/` (the feature module, its route files, components and Markdown) and registered by
 * one line of its astro.config.mjs, `openOutreach({ ownFeatures: [jobs] })`. Built from a copy,
 * so the shared fixtures' builds are left alone.
 */
const workspace = join(REPO_ROOT, 'tests/.output/own-feature');

function copyOfFixture(name: string): string {
  const dir = join(workspace, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(fixture('own-feature'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
  return dir;
}

describe('a site with a feature of its own', () => {
  let dir: string;
  let build: BuildResult;
  let server: StaticServer;

  beforeAll(async () => {
    dir = copyOfFixture('good');
    build = await astroBuild(dir);
    server = await serveStatic(join(dir, 'dist'));
  });
  afterAll(() => server?.close());

  test('builds, and its list and entry pages answer in the theme’s shell, marked with its page types', async () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    const list = await fetch(new URL('jobs/', server.url));
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('data-page-type="jobs-index"');
    expect(listHtml).toContain('class="site-header');
    expect([...listHtml.matchAll(/<a href="(\/jobs\/[^"]+)"/g)].map((match) => match[1])).toEqual(['/jobs/cook/', '/jobs/gardener/']);
    const offer = await fetch(new URL('jobs/cook/', server.url));
    expect(offer.status).toBe(200);
    const offerHtml = await offer.text();
    expect(offerHtml).toContain('data-page-type="job"');
    expect(offerHtml).toContain('<h1>Cook</h1>');
    expect((await fetch(new URL('jobs/nobody/', server.url))).status).toBe(404);
  });

  test('the site check picks a page of each of its page types, after the kit’s', () => {
    const types = [...pickPageOfEachType(readPages(join(dir, 'dist'), '/')).keys()];
    expect(types.slice(-2)).toEqual(['job', 'jobs-index']);
    expect(types).toEqual(expect.arrayContaining(['home', 'news-post', 'not-found']));
  });

  test('its CMS collection is in /admin/config.yml, after the kit’s, previewed at its pages', async () => {
    const config = parse(await (await fetch(new URL('admin/config.yml', server.url))).text()) as {
      collections: { name: string; folder?: string; preview_path?: string }[];
    };
    const names = config.collections.map((collection) => collection.name);
    expect(names.slice(-2)).toEqual(['jobs', 'settings']);
    expect(config.collections.find((collection) => collection.name === 'jobs')).toMatchObject({
      folder: 'tests/.output/own-feature/good/src/jobs/offers',
      preview_path: 'jobs/{{slug}}',
    });
  });
});

test('the build’s link checker follows the links of its pages, and stops on one that leads nowhere', async () => {
  const dir = copyOfFixture('broken-link');
  const offer = join(dir, 'src/jobs/offers/cook.md');
  writeFileSync(offer, readFileSync(offer, 'utf8').replace('/news/first-post/', '/jobs/chef/'));
  const { code, output } = await astroBuild(dir);
  expect(code).toBe(1);
  expect(output).toContain('the link /jobs/chef/ leads to no page of this site');
  expect(output).toContain('did you mean /jobs/cook/?');
  expect(output, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
});
