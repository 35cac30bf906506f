import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';

describe('links from the site root', () => {
  it('get the base path when the site lives under a sub-path', async () => {
    const html = await renderMarkdown('[About](/about/) ![Logo](/images/logo.png) [Top](#top)', { base: '/my-repo/' });
    expect(html).toContain('href="/my-repo/about/"');
    expect(html).toContain('src="/my-repo/images/logo.png"');
    expect(html).toContain('href="#top"');
  });

  it('are left alone at the root, when they already carry the base, and for other sites', async () => {
    expect(await renderMarkdown('[About](/about/)')).toContain('href="/about/"');
    const html = await renderMarkdown('[a](/my-repo/news/) [b](//other.example/x) [c](https://other.example/) [d](../x/)', { base: '/my-repo' });
    expect(html).toContain('href="/my-repo/news/"');
    expect(html).not.toContain('/my-repo//');
    expect(html).toContain('href="//other.example/x"');
    expect(html).toContain('href="https://other.example/"');
    expect(html).toContain('href="../x/"');
  });
});
