import { describe, expect, it } from 'vitest';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypePlugins, renderMarkdown } from './index.ts';

describe('renderMarkdown', () => {
  it('keeps emphasis, lists and block quotes', async () => {
    const html = await renderMarkdown('*em* and **strong** and ~~gone~~\n\n- one\n- two\n\n1. first\n\n> quoted');
    expect(html).toContain('<em>em</em> and <strong>strong</strong> and <del>gone</del>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>first</li>\n</ol>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
  });

  it('keeps GitHub tables', async () => {
    const html = await renderMarkdown('| Day | Time |\n|---|:-:|\n| Sat | 9 am |');
    expect(html).toContain('<th>Day</th>');
    expect(html).toContain('<td>Sat</td>');
    expect(html).toMatch(/<td align="center">9 am<\/td>/);
  });

  it('keeps images with their alt text', async () => {
    expect(await renderMarkdown('![Volunteers planting tomatoes](../assets/garden.jpg "The garden")')).toBe(
      '<p><img src="../assets/garden.jpg" alt="Volunteers planting tomatoes" title="The garden"></p>',
    );
  });

  it('keeps links to https, mailto, tel and relative paths', async () => {
    const html = await renderMarkdown('[a](https://example.org/x) [b](mailto:hello@example.org) [c](tel:+15550100) [d](/about/) [e](../news/) [f](#top)', {
      site: 'https://example.org',
    });
    for (const href of ['https://example.org/x', 'mailto:hello@example.org', 'tel:+15550100', '/about/', '../news/', '#top']) {
      expect(html).toContain(`href="${href}"`);
    }
  });

  it('keeps inline and block code as text', async () => {
    const html = await renderMarkdown('Use `<script>` tags\n\n```html\n<script>alert(1)</script>\n```');
    expect(html).toContain('<code>&#x3C;script></code>');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('keeps task lists as disabled checkboxes', async () => {
    const html = await renderMarkdown('- [ ] to do\n- [x] done');
    expect(html).toContain('<input type="checkbox" disabled> to do');
    expect(html).toContain('<input type="checkbox" checked disabled> done');
  });

  // remark-rehype gives footnotes ids and links that already start with "user-content-"; the
  // sanitiser and the heading anchors must neither prefix them again nor rename the footnotes
  // heading that each reference's aria-describedby points at.
  it('renders footnotes whose links reach their targets', async () => {
    const html = await renderMarkdown('A claim.[^1] Another.[^note] The first again.[^1]\n\n## Sources\n\n[^1]: The source.\n[^note]: A note.');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    const described = [...html.matchAll(/aria-describedby="([^"]+)"/g)].flatMap((match) => match[1]!.split(' '));
    expect(links).toContain('user-content-fn-1');
    expect(links).toContain('user-content-fnref-note');
    expect(described).toContain('user-content-footnote-label');
    expect(links.filter((target) => !ids.includes(target))).toEqual([]);
    expect(described.filter((target) => !ids.includes(target))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the footnotes heading, with its anchor link', async () => {
    const html = await renderMarkdown('A claim.[^1]\n\n[^1]: The source.');
    expect(html).toMatch(/<h2 class="sr-only" id="user-content-footnote-label">Footnotes<a href="#user-content-footnote-label" class="oo-heading-anchor"/);
  });

  it('gives the same footnotes with the rehype plugins alone, as in a site build', async () => {
    // Astro runs remark-rehype with its own defaults, then the site's rehype plugins.
    const file = await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypePlugins({ site: 'https://example.org' }))
      .use(rehypeStringify)
      .process('A claim.[^1]\n\n[^1]: The source.');
    expect(String(file)).toBe(await renderMarkdown('A claim.[^1]\n\n[^1]: The source.', { site: 'https://example.org' }));
    expect(String(file)).toContain('<li id="user-content-fn-1">');
  });
});

describe('labels chosen for each file', () => {
  it('labels a page in the language its file is written in', async () => {
    const labels = { en: '(external site)', es: '(sitio externo)' } as const;
    const render = async (path: string) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkRehype)
          .use(rehypePlugins({ site: 'https://example.org', externalLinks: { label: (file) => (file.path.includes('/es/') ? labels.es : labels.en) } }))
          .use(rehypeStringify)
          .process(new VFile({ path, value: '[Codeberg](https://codeberg.org/)' })),
      );
    expect(await render('src/content/news/es/x.md')).toContain('(sitio externo)');
    expect(await render('src/content/news/en/x.md')).toContain('(external site)');
  });
});
