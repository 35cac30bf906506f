import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { join } from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './corpus-layout.mjs';

const STARTER = join(REPO_ROOT, 'starter');

/**
 * Copies the starter's content but its news (pages, events, people …, with their images) into a
 * site's `src/`, replacing what was there, then the corpus's news and photos. The kit gets the
 * corpus's events as events; the plain site, which has no events, gets them as news posts.
 */
function writeContent(site, corpus, { events }) {
  for (const folder of ['src/content', 'src/assets']) rmSync(join(site, folder), { recursive: true, force: true });
  const notNews = (path) => !/[\\/]news([\\/]|$)/.test(path.slice(STARTER.length));
  cpSync(join(STARTER, 'src/content'), join(site, 'src/content'), { recursive: true, filter: notNews });
  cpSync(join(STARTER, 'src/assets'), join(site, 'src/assets'), { recursive: true, filter: notNews });
  cpSync(join(corpus, 'news'), join(site, 'src/content/news'), { recursive: true });
  if (events) cpSync(join(corpus, 'events'), join(site, 'src/content/events'), { recursive: true });
  else cpSync(join(corpus, 'event-posts'), join(site, 'src/content/news'), { recursive: true });
  cpSync(join(corpus, 'photos'), join(site, 'src/assets/photos'), { recursive: true });
}

function writePackageJson(site, name) {
  writeFileSync(join(site, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
}

/**
 * The kit site: the starter's config, content config and settings, with the corpus as its news
 * and events. Sits inside the monorepo so that `astro` and `@openoutreach/*` resolve from its
 * node_modules.
 */
export function writeKitSite(site, corpus) {
  mkdirSync(join(site, 'src/settings'), { recursive: true });
  cpSync(join(STARTER, 'astro.config.mjs'), join(site, 'astro.config.mjs'));
  cpSync(join(STARTER, 'src/content.config.ts'), join(site, 'src/content.config.ts'));
  // The starter's announcement links to one of its news posts, which the corpus replaces.
  const { announcement: _announcement, ...settings } = parse(readFileSync(join(STARTER, 'src/settings/site.yaml'), 'utf8'));
  writeFileSync(join(site, 'src/settings/site.yaml'), stringify(settings));
  writePackageJson(site, 'bench-kit');
  writeContent(site, corpus, { events: true });
}

/** The baseline: plain Astro from `scripts/bench/plain-site/`, with the same content. */
export function writePlainSite(site, corpus) {
  rmSync(join(site, 'src/pages'), { recursive: true, force: true });
  cpSync(join(BENCH_DIR, 'plain-site'), site, { recursive: true });
  writePackageJson(site, 'bench-plain');
  writeContent(site, corpus, { events: false });
}

/**
 * Where a starter page goes in the Hugo site and what it holds: home becomes the home page
 * (`_index.md`); a page with a parent gets `url:`, so that Hugo publishes it where the other
 * sites do (`/about/our-board/`).
 */
export function hugoPage(id, markdown) {
  if (id === 'home') return { file: '_index.md', markdown };
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const parent = frontMatter && /^parent:\s*['"]?([^'"\n]+?)['"]?\s*$/m.exec(frontMatter[1])?.[1];
  return { file: `${id}.md`, markdown: parent ? markdown.replace(/^---\n/, `---\nurl: /${parent}/${id}/\n`) : markdown };
}

/**
 * The Hugo site from `scripts/bench/hugo-site/`: the starter's pages (home as the home page, a
 * page with a parent under its parent's address), the corpus's news and event posts as the
 * `news` section, and the images under `assets/` where the templates find them by the path the
 * front matter gives (`../../assets/photos/photo-01.jpg` → `assets/photos/photo-01.jpg`).
 */
export function writeHugoSite(site, corpus) {
  for (const folder of ['content', 'assets', 'layouts']) rmSync(join(site, folder), { recursive: true, force: true });
  cpSync(join(BENCH_DIR, 'hugo-site'), site, { recursive: true });
  const pages = join(STARTER, 'src/content/pages');
  mkdirSync(join(site, 'content'), { recursive: true });
  for (const name of readdirSync(pages).filter((file) => file.endsWith('.md'))) {
    const page = hugoPage(name.slice(0, -'.md'.length), readFileSync(join(pages, name), 'utf8'));
    writeFileSync(join(site, 'content', page.file), page.markdown);
  }
  cpSync(join(corpus, 'news'), join(site, 'content/news'), { recursive: true });
  cpSync(join(corpus, 'event-posts'), join(site, 'content/news'), { recursive: true });
  cpSync(join(STARTER, 'src/assets/pages'), join(site, 'assets/pages'), { recursive: true });
  cpSync(join(corpus, 'photos'), join(site, 'assets/photos'), { recursive: true });
}
