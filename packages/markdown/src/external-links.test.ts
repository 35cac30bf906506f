import { describe, expect, it } from 'vitest';
import { isExternalHref } from './external-links.ts';
import { renderMarkdown } from './index.ts';

const SITE = 'https://maple.example.org';
const MARKED = 'rel="external noopener noreferrer" class="oo-external"';

describe('external links', () => {
  it('marks a link to another site with rel, a class and hidden text', async () => {
    expect(await renderMarkdown('[Council](https://city.example.com/agenda)', { site: SITE })).toBe(
      `<p><a href="https://city.example.com/agenda" ${MARKED}>Council<span class="visually-hidden"> (external site)</span></a></p>`,
    );
  });

  it('does not mark links to the site itself, whatever the case of its host', async () => {
    const html = await renderMarkdown(`[a](${SITE}/about/) [b](HTTPS://MAPLE.EXAMPLE.ORG/news/) [c](http://maple.example.org/)`, { site: SITE });
    expect(html).not.toContain('oo-external');
    expect(html).not.toContain('visually-hidden');
  });

  it('does not mark relative, in-page, mailto or tel links', async () => {
    const html = await renderMarkdown('[a](/about/) [b](../news/) [c](#top) [d](mailto:a@example.org) [e](tel:+15550100)', { site: SITE });
    expect(html).not.toContain('external');
  });

  it('marks every http(s) link when the site is not known', async () => {
    expect(await renderMarkdown(`[a](${SITE}/about/)`)).toContain(MARKED);
  });

  it('is not fooled by a host that only starts like the site', async () => {
    expect(await renderMarkdown('<a href="https://maple.example.org.evil.example/">x</a>', { site: SITE })).toContain(MARKED);
  });

  it('replaces the rel and class an author wrote with its own', async () => {
    const html = await renderMarkdown('<a href="https://other.example/" rel="opener" class="button">x</a>', { site: SITE });
    expect(html).toContain('rel="external noopener noreferrer"');
    expect(html).not.toContain('opener"');
    expect(html).not.toContain('button');
  });

  it('uses a translated hidden label when given one', async () => {
    const html = await renderMarkdown('[x](https://other.example/)', { externalLinks: { label: '(site externe)' } });
    expect(html).toContain('<span class="visually-hidden"> (site externe)</span>');
  });

  it('marks a protocol-relative link to another site, but not to the site itself', async () => {
    expect(await renderMarkdown('[x](//other.example/page)', { site: SITE })).toContain(MARKED);
    expect(await renderMarkdown('[x](//other.example/page)')).toContain(MARKED);
    expect(await renderMarkdown('[x](//maple.example.org/about/)', { site: SITE })).not.toContain('external');
  });
});

describe('isExternalHref', () => {
  it('compares hosts, not strings', () => {
    expect(isExternalHref('https://maple.example.org:443/x', SITE)).toBe(false);
    expect(isExternalHref('https://www.maple.example.org/', SITE)).toBe(true);
    expect(isExternalHref('https://maple.example.org:8080/', SITE)).toBe(true);
  });

  it('treats only http(s) links as external', () => {
    expect(isExternalHref('/about/', SITE)).toBe(false);
    expect(isExternalHref('mailto:a@b.org')).toBe(false);
    expect(isExternalHref('http://x.example/')).toBe(true);
  });

  it('resolves a link as a browser would', () => {
    expect(isExternalHref('//other.example/', SITE)).toBe(true);
    expect(isExternalHref('/\\other.example/', SITE)).toBe(true);
    expect(isExternalHref('//MAPLE.example.org/x', SITE)).toBe(false);
    expect(isExternalHref('../news/', SITE)).toBe(false);
    expect(isExternalHref('#top')).toBe(false);
    expect(isExternalHref('tel:+15550100', SITE)).toBe(false);
  });

  it('treats a link it cannot parse as external rather than crashing', () => {
    expect(isExternalHref('https://', SITE)).toBe(true);
  });
});
