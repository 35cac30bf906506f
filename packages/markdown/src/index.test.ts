import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';

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

  // Bug: remark-rehype already prefixes footnote ids with "user-content-" and the sanitiser
  // prefixes them again, so `href="#user-content-fn-1"` points at `id="user-content-user-content-fn-1"`;
  // and the heading-anchor plugin renames the footnotes heading, breaking the references'
  // aria-describedby="user-content-footnote-label".
  it.fails('renders footnotes whose links reach their targets', async () => {
    const html = await renderMarkdown('A claim.[^1]\n\n[^1]: The source.');
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"|aria-describedby="([^"]+)"/g)].map((match) => match[1] ?? match[2]);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !ids.has(target))).toEqual([]);
  });
});
