import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';

describe('heading anchors', () => {
  it('gives h2 to h6 a slug id under the content prefix and a link to it with an accessible name', async () => {
    const html = await renderMarkdown('## Who we are\n\n###### Small print');
    expect(html).toContain(
      '<h2 id="user-content-who-we-are">Who we are<a href="#user-content-who-we-are" class="oo-heading-anchor" aria-label="Link to the section “Who we are”"><span aria-hidden="true">#</span></a></h2>',
    );
    expect(html).toContain('<h6 id="user-content-small-print">Small print<a href="#user-content-small-print"');
  });

  it('never gives a heading an id of the layout or of a form field', async () => {
    const html = await renderMarkdown('## Main\n\n## Contact email\n\n## Search query');
    expect([...html.matchAll(/<h2 id="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'user-content-main',
      'user-content-contact-email',
      'user-content-search-query',
    ]);
  });

  it('points links to a section, written without the prefix, at its id', async () => {
    const html = await renderMarkdown(
      'See [the costs](#costs), [où](#où-aller), [the notes](#notes) and [the top](#top).\n\n## Costs\n\n## Où aller\n\n<a id="notes"></a>',
    );
    expect(html).toContain('<a href="#user-content-costs">the costs</a>');
    expect(html).toMatch(/<a href="#user-content-o(ù|%C3%B9)-aller">où<\/a>/);
    expect(html).toContain('<a href="#user-content-notes">the notes</a>');
    expect(html).toContain('<a href="#top">the top</a>');
  });

  it('keeps the ids of an author and of headings apart', async () => {
    const html = await renderMarkdown('<p id="costs">Prices</p>\n\n## Costs');
    expect(html).toContain('<p id="user-content-costs">');
    expect(html).toContain('<h2 id="user-content-costs-1">');
  });

  it('writes $ sequences of a heading into its label as they are', async () => {
    const html = await renderMarkdown("## Pay $& or $` or $' {heading}");
    expect(html).toContain('aria-label="Link to the section “Pay $&#x26; or $&#x60; or $&#x27; {heading}”"');
  });

  it('leaves h1 alone', async () => {
    expect(await renderMarkdown('# Page title')).toBe('<h1>Page title</h1>');
  });

  it('makes ids unique when headings repeat', async () => {
    const html = await renderMarkdown('## Events\n\n## Events\n\n### Events');
    expect([...html.matchAll(/<h\d id="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'user-content-events',
      'user-content-events-1',
      'user-content-events-2',
    ]);
  });

  it('starts afresh for each document', async () => {
    await renderMarkdown('## Events');
    expect(await renderMarkdown('## Events')).toContain('id="user-content-events"');
  });

  it("names the link after the heading's text, without markup", async () => {
    const html = await renderMarkdown('### Our *big* <b>day</b>');
    expect(html).toContain('id="user-content-our-big-day"');
    expect(html).toContain('aria-label="Link to the section “Our big day”"');
  });

  it('keeps an id the heading already has, under the content prefix, and links to it', async () => {
    const html = await renderMarkdown('<h2 id="main">Contact</h2>');
    expect(html).toMatch(/^<h2 id="user-content-main">Contact<a href="#user-content-main" class="oo-heading-anchor"/);
  });

  it('keeps accents in the id', async () => {
    expect(await renderMarkdown('## Où nous trouver')).toContain('id="user-content-où-nous-trouver"');
  });

  it('uses a translated label when given one', async () => {
    const html = await renderMarkdown('## Contacto', { headingAnchors: { label: 'Enlace a la sección «{heading}»' } });
    expect(html).toContain('aria-label="Enlace a la sección «Contacto»"');
  });

  it('gives an empty heading an id all the same', async () => {
    expect(await renderMarkdown('## ')).toContain('<h2 id="user-content-section">');
  });
});
