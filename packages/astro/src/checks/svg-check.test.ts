import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgFindings, svgInImageFieldProblem, unsafeSvgProblems } from './svg-check.ts';

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes} viewBox="0 0 10 10">\n${body}\n</svg>`;

describe('svgFindings', () => {
  it('accepts drawings as drawing programs write them', () => {
    expect(svgFindings(readFileSync(new URL('../../../../sites/opentech-coop/src/assets/logo.svg', import.meta.url), 'utf8'))).toEqual([]);
    const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
  xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns:dc="http://purl.org/dc/elements/1.1/" width="100" height="50" version="1.1" sodipodi:docname="logo.svg" xml:space="preserve">
  <sodipodi:namedview id="base" pagecolor="#ffffff" inkscape:zoom="1"/>
  <metadata><rdf:RDF><dc:title>Logo</dc:title></rdf:RDF></metadata>
  <defs><linearGradient id="a"><stop offset="0" stop-color="#fff"/></linearGradient>
    <style type="text/css"><![CDATA[ .b { fill: url(#a); stroke: #000 } ]]></style></defs>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" data-name="layer">
    <rect class="b" width="10" height="10" style="fill:url( '#a' );opacity:.5" aria-hidden="true"/>
    <use xlink:href="#a" href="#a"/>
    <image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>
    <text x="1" y="2" font-family="Open Sans">Tenants &amp; co</text>
  </g>
</svg>`;
    expect(svgFindings(inkscape)).toEqual([]);
    const illustrator = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 100 100" style="enable-background:new 0 0 100 100;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#1F4F5C;}
</style>
<path class="st0" d="M10,10h80v80H10V10z"/>
</svg>`;
    expect(svgFindings(illustrator)).toEqual([]);
    const figma = `<svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g clip-path="url(#clip0_1_2)" filter="url(#filter0_d)"><rect width="24" height="24" fill="url(#pattern0)"/></g>
<defs>
<filter id="filter0_d" x="0" y="0" width="24" height="24" filterUnits="userSpaceOnUse" color-interpolation-filters="sRGB">
<feFlood flood-opacity="0" result="BackgroundImageFix"/><feGaussianBlur stdDeviation="2"/><feBlend mode="normal" in2="BackgroundImageFix" result="shape"/>
</filter>
<pattern id="pattern0" patternContentUnits="objectBoundingBox" width="1" height="1"><use xlink:href="#image0" transform="scale(0.01)"/></pattern>
<clipPath id="clip0_1_2"><rect width="24" height="24" fill="white"/></clipPath>
<image id="image0" width="100" height="100" xlink:href="data:image/png;base64,iVBORw0KGgo="/>
</defs>
</svg>`;
    expect(svgFindings(figma)).toEqual([]);
  });

  it.each([
    ['a script element', svg('<script>alert(1)</script>'), 'a script <script> (line 2)'],
    ['a script under a prefix', svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>'), 'a script <s:script>'],
    ['an event handler', svg('<rect width="1" height="1"/>', ' onload="alert(1)"'), 'an event handler onload (line 1)'],
    ['an event handler in another case', svg('<rect ONCLICK="alert(1)"/>'), 'an event handler ONCLICK'],
    [
      'embedded HTML',
      svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>'),
      'embedded HTML <foreignObject>',
    ],
    ['an HTML element outside foreignObject', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), 'a script <h:script>'],
    ['a link', svg('<a href="javascript:alert(1)"><rect/></a>'), 'a link <a>'],
    ['a javascript: reference', svg('<use href="javascript:alert(1)"/>'), 'a reference to "javascript:alert(1)" in href'],
    [
      'a use of another document',
      svg('<use xlink:href="https://evil.example/sprite.svg#x"/>'),
      'a reference to "https://evil.example/sprite.svg#x" in xlink:href',
    ],
    [
      'an image of an SVG in a data: URL',
      svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'),
      'a reference to "data:image/svg+xml;base64,PHN2Zz4=" in href',
    ],
    ['an image from another site', svg('<image href="https://tracker.example/pixel.png"/>'), 'a reference to "https://tracker.example/pixel.png"'],
    ['an animation that sets a link', svg('<set attributeName="href" to="javascript:alert(1)"/>'), 'the element <set>'],
    ['a CSS import', svg('<style>@import "https://evil.example/x.css";</style>'), 'a CSS @import in <style>'],
    ['a CSS url() to another site', svg('<rect style="fill:url(https://evil.example/a.svg#p)"/>'), 'a CSS url() to another file in style'],
    ['a CSS url() in a presentation attribute', svg('<rect fill="url(//evil.example/x)"/>'), 'a CSS url() to another file in fill'],
    ['CSS after an element inside <style>', svg('<style><x:y xmlns:x="urn:x"/>@import url(https://evil.example/x.css);</style>'), 'a CSS @import in <style>'],
    ['an element inside <style>', svg('<style><x:y xmlns:x="urn:x"/></style>'), 'the element <x:y> inside <style>'],
    ['a CSS escape', svg('<style>rect { fill: \\75 rl(https://evil.example) }</style>'), 'a CSS escape (\\) in <style>'],
    ['an XML stylesheet', `<?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg('')}`, 'the instruction <?xml-stylesheet?>'],
    ['entity declarations', `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>${svg('<text>&x;</text>')}`, 'a DOCTYPE with declarations'],
    ['malformed XML', svg('<rect></g>'), 'XML that cannot be read'],
    ['an HTML page named .svg', '<html><body><script>alert(1)</script></body></html>', 'a root element <html> instead of an SVG <svg>'],
    ['another encoding', `<?xml version="1.0" encoding="UTF-7"?>${svg('')}`, 'an encoding other than UTF-8'],
    ['UTF-16 text', Buffer.from(svg('<script/>'), 'utf16le').toString('latin1'), 'a NUL character'],
    ['an unknown attribute', svg('<rect xml:base="https://evil.example/"/>'), 'the attribute xml:base'],
  ])('reports %s', (_, text, finding) => {
    expect(svgFindings(text).join('\n')).toContain(finding);
  });
});

describe('unsafeSvgProblems', () => {
  it('names each unsafe SVG of the site, wherever it is in src/ or public/, and the fix', () => {
    const root = mkdtempSync(join(tmpdir(), 'svg-check-'));
    for (const folder of ['src/assets', 'public/icons', 'src/node_modules/x', 'src/.git', 'docs']) mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, 'src/assets/logo.svg'), svg('<script>alert(document.cookie)</script>'));
    writeFileSync(join(root, 'src/assets/safe.svg'), svg('<circle r="1"/>'));
    writeFileSync(join(root, 'public/icons/pin.SVG'), svg('<image href="https://evil.example/p.png"/>'));
    writeFileSync(join(root, 'src/node_modules/x/bad.svg'), svg('<script/>'));
    writeFileSync(join(root, 'src/.git/bad.svg'), svg('<script/>'));
    writeFileSync(join(root, 'docs/unpublished.svg'), svg('<script/>'));
    writeFileSync(join(root, 'public/icons/packed.svgz'), 'not read');
    const problems = unsafeSvgProblems(root);
    expect(problems.map((problem) => problem.file).sort()).toEqual(['public/icons/packed.svgz', 'public/icons/pin.SVG', 'src/assets/logo.svg']);
    const logo = problems.find((problem) => problem.file === 'src/assets/logo.svg')!;
    expect(logo.message).toBe("this SVG contains a script, which a browser would run or fetch on the site's address: a script <script> (line 2)");
    expect(logo.fix).toContain('or use a PNG instead');
  });
});

describe('svgInImageFieldProblem', () => {
  it('refuses an SVG in a field the theme shows as resized pictures, naming the file and the field', () => {
    expect(svgInImageFieldProblem('src/content/albums/a.md', 'photos[0].src', '../../assets/albums/drawing.SVG')).toEqual([
      expect.objectContaining({
        file: 'src/content/albums/a.md',
        field: 'photos[0].src',
        message: expect.stringContaining('is an SVG drawing'),
        fix: expect.stringContaining('export it as a PNG'),
      }),
    ]);
    expect(svgInImageFieldProblem('src/content/albums/a.md', 'photos[0].src', '../../assets/albums/beds.jpg')).toBeUndefined();
  });
});
