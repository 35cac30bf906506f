import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { describe, expect, it } from 'vitest';
import { siteMarkdown } from './site-markdown.ts';

const remarkToc = () => undefined;
const remarkLegacy = () => undefined;
const rehypeOwn = () => undefined;
const markdown = (fields: Partial<AstroConfig['markdown']>) => ({ remarkPlugins: [], rehypePlugins: [], ...fields }) as AstroConfig['markdown'];

describe('siteMarkdown', () => {
  it("keeps the plugins of the site's own unified() processor", () => {
    const own = siteMarkdown(
      markdown({ processor: unified({ remarkPlugins: [remarkToc], rehypePlugins: [[rehypeOwn, { x: 1 }]], remarkRehype: { footnoteLabel: 'Notes' } }) }),
    );
    expect(own).toEqual({ remarkPlugins: [remarkToc], rehypePlugins: [[rehypeOwn, { x: 1 }]], remarkRehype: { footnoteLabel: 'Notes' } });
  });

  it('leaves out the plugins given the deprecated way, which Astro adds to any processor itself', () => {
    const processor = unified({ remarkPlugins: [remarkToc, remarkLegacy] });
    expect(siteMarkdown(markdown({ processor, remarkPlugins: [remarkLegacy] })).remarkPlugins).toEqual([remarkToc]);
  });

  it('adds nothing for another processor, or none', () => {
    const none = { remarkPlugins: [], rehypePlugins: [], remarkRehype: {} };
    expect(siteMarkdown(markdown({ processor: { name: 'satteri', options: {}, createRenderer: async () => ({}) } as never }))).toEqual(none);
    expect(siteMarkdown(markdown({}))).toEqual(none);
  });
});
