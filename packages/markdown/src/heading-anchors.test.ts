import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';

describe('heading anchors', () => {
  it('gives h2 to h6 a slug id and a link to it with an accessible name', async () => {
    const html = await renderMarkdown('## Who we are\n\n###### Small print');
    expect(html).toContain(
      '<h2 id="who-we-are">Who we are<a href="#who-we-are" class="oo-heading-anchor" aria-label="Link to the section “Who we are”"><span aria-hidden="true">#</span></a></h2>',
    );
    expect(html).toContain('<h6 id="small-print">Small print<a href="#small-print"');
  });

  it('leaves h1 alone', async () => {
    expect(await renderMarkdown('# Page title')).toBe('<h1>Page title</h1>');
  });

  it('makes ids unique when headings repeat', async () => {
    const html = await renderMarkdown('## Events\n\n## Events\n\n### Events');
    expect([...html.matchAll(/<h\d id="([^"]+)"/g)].map((match) => match[1])).toEqual(['events', 'events-1', 'events-2']);
  });

  it('starts afresh for each document', async () => {
    await renderMarkdown('## Events');
    expect(await renderMarkdown('## Events')).toContain('id="events"');
  });

  it('names the link after the heading\'s text, without markup', async () => {
    const html = await renderMarkdown('### Our *big* <b>day</b>');
    expect(html).toContain('id="our-big-day"');
    expect(html).toContain('aria-label="Link to the section “Our big day”"');
  });

  it('keeps an id the heading already has, under the content prefix, and links to it', async () => {
    const html = await renderMarkdown('<h2 id="main">Contact</h2>');
    expect(html).toMatch(/^<h2 id="user-content-main">Contact<a href="#user-content-main" class="oo-heading-anchor"/);
  });

  it('keeps accents in the id', async () => {
    expect(await renderMarkdown('## Où nous trouver')).toContain('id="où-nous-trouver"');
  });

  it('uses a translated label when given one', async () => {
    const html = await renderMarkdown('## Contacto', { headingAnchors: { label: 'Enlace a la sección «{heading}»' } });
    expect(html).toContain('aria-label="Enlace a la sección «Contacto»"');
  });

  it('gives an empty heading an id all the same', async () => {
    expect(await renderMarkdown('## ')).toContain('<h2 id="section">');
  });
});
