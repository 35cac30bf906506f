import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPagefindUi, isSearchable, PAGEFIND_CONFIG, pageTypeOf, searchUrlOf, writeSearchIndex } from './search-index.ts';

const page = (lang: string, type: string | undefined, main: string) =>
  `<!doctype html><html lang="${lang}"><head><title>x</title></head><body${type ? ` data-page-type="${type}"` : ''}>` +
  `<header><p>Neighbours together</p><nav>Menu</nav></header><main id="main"><h1>${main}</h1><p>${main} body text</p></main>` +
  '<footer>Made with Open Outreach</footer></body></html>';

describe('which pages are searched', () => {
  it('reads the page type from the body only', () => {
    expect(pageTypeOf(page('en', 'news-post', 'x'))).toBe('news-post');
    expect(pageTypeOf('<html><body><div data-page-type="page"></div></body></html>')).toBeUndefined();
  });

  it('leaves out the 404 page, the search page, lists of pages and pages of no type (the CMS)', () => {
    for (const type of ['home', 'page', 'news-post', 'event']) expect(isSearchable(page('en', type, 'About')), type).toBe(true);
    for (const type of ['news-index', 'news-tag', 'events-calendar']) expect(isSearchable(page('en', type, 'News')), type).toBe(false);
    expect(isSearchable(page('en', 'not-found', 'Page not found'))).toBe(false);
    expect(isSearchable(page('en', 'search', 'Search'))).toBe(false);
    expect(isSearchable('<!doctype html><html><body><script src="decap-cms.js"></script></body></html>')).toBe(false);
  });

  it('gives each page its URL without the base path', () => {
    expect(searchUrlOf('index.html')).toBe('/');
    expect(searchUrlOf('about/index.html')).toBe('/about/');
    expect(searchUrlOf('es/news/huelga/index.html')).toBe('/es/news/huelga/');
    expect(searchUrlOf('news/café/index.html')).toBe('/news/caf%C3%A9/');
  });

  it('leaves out Pagefind’s own interfaces, which the theme does not use', () => {
    for (const file of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
      expect(isPagefindUi(file), file).toBe(true);
    }
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'index/en_1.pf_index']) {
      expect(isPagefindUi(file), file).toBe(false);
    }
  });
});

describe('writeSearchIndex', () => {
  const dist = mkdtempSync(join(tmpdir(), 'oo-search-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (file: string, html: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), html);
  };

  it('indexes the main content only, without navigation or heading anchors', async () => {
    const { createIndex, close } = await import('pagefind');
    try {
      const { index } = await createIndex(PAGEFIND_CONFIG);
      const html = page('en', 'page', 'Tenants')
        .replace('<h1>', '<nav aria-label="Breadcrumbs"><a href="/">Crumb</a></nav><h1>')
        .replace('</h1>', '<a class="oo-heading-anchor" href="#x"><span aria-hidden="true">#</span></a></h1>');
      const { file } = await index!.addHTMLFile({ url: '/t/', content: html });
      const mainOnly = '<html lang="en"><body><main><h1>Tenants</h1><p>Tenants body text</p></main></body></html>';
      const { file: plain } = await index!.addHTMLFile({ url: '/p/', content: mainOnly });
      expect(file.meta.title).toBe('Tenants');
      // The header, the footer, the breadcrumb and the anchor add no words to the page's own.
      expect(file.uniqueWords).toBe(plain.uniqueWords);
    } finally {
      await close();
    }
  }, 30_000);

  it('indexes searchable pages into one index per language', async () => {
    write('index.html', page('en', 'home', 'Welcome'));
    write('about/index.html', page('en', 'page', 'About the union'));
    write('es/about/index.html', page('es', 'page', 'Sobre el sindicato'));
    write('404.html', page('en', 'not-found', 'Page not found'));
    write('search/index.html', page('en', 'search', 'Search'));
    write('admin/index.html', '<!doctype html><html><body>CMS</body></html>');

    const result = await writeSearchIndex(dist);
    expect(result).toEqual({ pages: 3, errors: [] });
    const files = readdirSync(join(dist, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter(isPagefindUi)).toEqual([]);
    expect(
      files
        .filter((file) => file.endsWith('.pf_meta'))
        .map((file) => file.split('_')[0])
        .sort(),
    ).toEqual(['pagefind.en', 'pagefind.es']);
    expect(existsSync(join(dist, 'pagefind/index'))).toBe(true);
  }, 30_000);

  it('copies the index of the last build when no searchable page changed, and indexes again when one did', async () => {
    const site = mkdtempSync(join(tmpdir(), 'oo-search-kept-'));
    const cacheDir = join(site, 'cache');
    const siteDist = join(site, 'dist');
    try {
      const build = (pages: Record<string, string>) => {
        rmSync(siteDist, { recursive: true, force: true });
        for (const [file, html] of Object.entries(pages)) {
          mkdirSync(dirname(join(siteDist, file)), { recursive: true });
          writeFileSync(join(siteDist, file), html);
        }
        return writeSearchIndex(siteDist, cacheDir);
      };
      const pages = { 'index.html': page('en', 'home', 'Welcome'), 'about/index.html': page('en', 'page', 'About the union') };
      expect(await build(pages)).toEqual({ pages: 2, errors: [] });
      const cold = readdirSync(join(siteDist, 'pagefind'), { recursive: true }).sort();
      // A mark in the kept index shows which build copied it rather than running Pagefind.
      writeFileSync(join(cacheDir, 'openoutreach/search-index/files/kept-mark'), '');
      expect(await build({ ...pages, '404.html': page('en', 'not-found', 'Page not found') })).toEqual({ pages: 2, errors: [] });
      expect(readdirSync(join(siteDist, 'pagefind'), { recursive: true }).sort()).toEqual([...cold, 'kept-mark'].sort());

      expect(await build({ ...pages, 'about/index.html': page('en', 'page', 'About the tenants') })).toEqual({ pages: 2, errors: [] });
      expect(existsSync(join(siteDist, 'pagefind/kept-mark'))).toBe(false);
      expect(existsSync(join(cacheDir, 'openoutreach/search-index/files/kept-mark'))).toBe(false);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);
});
