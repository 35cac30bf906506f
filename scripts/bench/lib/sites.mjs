import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { join } from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './corpus-layout.mjs';

const STARTER = join(REPO_ROOT, 'starter');

/**
 * Copies the corpus as the news and the starter's other content (pages, events, people …, with
 * their images) into a site's `src/`, replacing what was there. The plain site reads only the
 * pages and the news; the kit builds everything the starter turns on, as a member site would.
 */
function writeContent(site, corpus) {
  for (const folder of ['src/content', 'src/assets']) rmSync(join(site, folder), { recursive: true, force: true });
  const notNews = (path) => !/[\\/]news([\\/]|$)/.test(path.slice(STARTER.length));
  cpSync(join(STARTER, 'src/content'), join(site, 'src/content'), { recursive: true, filter: notNews });
  cpSync(join(STARTER, 'src/assets'), join(site, 'src/assets'), { recursive: true, filter: notNews });
  cpSync(join(corpus, 'news'), join(site, 'src/content/news'), { recursive: true });
  cpSync(join(corpus, 'photos'), join(site, 'src/assets/photos'), { recursive: true });
}

function writePackageJson(site, name) {
  writeFileSync(join(site, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
}

/**
 * The kit site: the starter's config, content config and settings, with the corpus as its news.
 * Sits inside the monorepo so that `astro` and `@openoutreach/*` resolve from its node_modules.
 */
export function writeKitSite(site, corpus) {
  mkdirSync(join(site, 'src/settings'), { recursive: true });
  cpSync(join(STARTER, 'astro.config.mjs'), join(site, 'astro.config.mjs'));
  cpSync(join(STARTER, 'src/content.config.ts'), join(site, 'src/content.config.ts'));
  // The starter's announcement links to one of its news posts, which the corpus replaces.
  const { announcement: _announcement, ...settings } = parse(readFileSync(join(STARTER, 'src/settings/site.yaml'), 'utf8'));
  writeFileSync(join(site, 'src/settings/site.yaml'), stringify(settings));
  writePackageJson(site, 'bench-kit');
  writeContent(site, corpus);
}

/** The baseline: plain Astro from `scripts/bench/plain-site/`, with the same content. */
export function writePlainSite(site, corpus) {
  rmSync(join(site, 'src/pages'), { recursive: true, force: true });
  cpSync(join(BENCH_DIR, 'plain-site'), site, { recursive: true });
  writePackageJson(site, 'bench-plain');
  writeContent(site, corpus);
}
