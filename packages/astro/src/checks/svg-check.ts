import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '@openoutreach/core';
import sax from 'sax';

/**
 * An SVG file is a document, not only a picture: opened at its own address it can run scripts
 * on the site's origin, where `/admin/` keeps the CMS's sign-in. So every SVG the site could
 * publish is read with a strict XML parser and must hold only drawing: the elements and
 * attributes below, references inside the file (`#id`) and embedded raster images. Anything
 * else is reported, never silently removed, so the file the editor sees is the file published.
 */

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const XML = 'http://www.w3.org/XML/1998/namespace';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
/** Namespaces a browser gives behaviour to; elements in any other (an editor's metadata) are inert. */
const ACTIVE_NAMESPACES = new Set([SVG, XLINK, XML, XMLNS, '', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);

const ELEMENTS = new Set(
  `svg g defs symbol use switch view title desc metadata style path rect circle ellipse line polyline polygon
  text tspan textPath linearGradient radialGradient stop pattern clipPath mask marker image filter
  feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
  feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
  feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight
  feSpecularLighting feSpotLight feTile feTurbulence`.split(/\s+/),
);

const ATTRIBUTES = new Set(
  `id class style lang tabindex role focusable version baseProfile x y width height viewBox
  preserveAspectRatio transform d points x1 y1 x2 y2 cx cy r rx ry fx fy fr pathLength offset
  gradientUnits gradientTransform spreadMethod patternUnits patternContentUnits patternTransform
  clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight refX refY orient
  filterUnits primitiveUnits in in2 result stdDeviation dx dy rotate textLength lengthAdjust
  startOffset method spacing side type media title values tableValues slope intercept amplitude
  exponent k1 k2 k3 k4 operator mode scale xChannelSelector yChannelSelector baseFrequency
  numOctaves seed stitchTiles radius order kernelMatrix divisor bias targetX targetY edgeMode
  preserveAlpha kernelUnitLength surfaceScale diffuseConstant specularConstant specularExponent
  azimuth elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle z href
  requiredExtensions requiredFeatures systemLanguage enable-background
  alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
  color-interpolation-filters color-profile color-rendering direction display dominant-baseline
  fill fill-opacity fill-rule filter flood-color flood-opacity font font-family font-size
  font-size-adjust font-stretch font-style font-variant font-weight glyph-orientation-horizontal
  glyph-orientation-vertical image-rendering isolation kerning letter-spacing lighting-color
  marker marker-start marker-mid marker-end mask mask-type mix-blend-mode opacity overflow
  paint-order pointer-events shape-rendering stop-color stop-opacity stroke stroke-dasharray
  stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width
  text-anchor text-decoration text-rendering transform-origin unicode-bidi vector-effect
  visibility word-spacing writing-mode`.split(/\s+/),
);

/** Where an embedded picture may come from: inside the file, or a raster image in a data: URL. */
const INTERNAL_REFERENCE = /^#/;
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[\w+/=\s]*$/i;
const ELEMENTS_WITH_PICTURES = new Set(['image', 'feImage']);

/**
 * Why a piece of CSS (a `<style>` element, a `style` attribute or a presentation attribute such as
 * `fill="url(#a)"`) could fetch or run something, or undefined when it cannot. Escapes are
 * refused outright: `\75 rl(` is `url(` to a browser.
 */
function cssRisk(css: string): string | undefined {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (code.includes('\\')) return 'a CSS escape (\\)';
  if (/@import/i.test(code)) return 'a CSS @import';
  // The first character of each url()'s address, quotes and spaces skipped: only `#` stays in the file.
  for (const [, first] of code.matchAll(/url\s*\(\s*["']?\s*([^\s"'])?/gi)) if (first !== '#') return 'a CSS url() to another file';
  const word = /(image-set|expression|javascript:|-moz-binding|behavior)/i.exec(code);
  return word ? `CSS "${word[1]}"` : undefined;
}

/**
 * What in an SVG document could run a script, show HTML or fetch another file, each with its
 * line (empty for a safe file). A file that is not well-formed XML is reported as such: a
 * browser would read it differently from any check.
 */
export function svgFindings(text: string): string[] {
  const findings: string[] = [];
  const parser = sax.parser(true, { xmlns: true, position: true });
  const at = () => ` (line ${parser.line + 1})`;
  let styleText: string | undefined;
  let sawRoot = false;
  parser.onerror = (error) => {
    findings.push(`XML that cannot be read: ${error.message.split('\n')[0]}`);
    // The rest of the file cannot be trusted to mean the same to a browser.
    throw error;
  };
  parser.ondoctype = (doctype) => {
    // An internal subset can declare entities, which a browser expands into markup.
    if (doctype.includes('[')) findings.push(`a DOCTYPE with declarations${at()}`);
  };
  parser.onprocessinginstruction = ({ name, body }) => {
    // `<?xml-stylesheet?>` can apply XSLT, which can write HTML with scripts.
    if (name !== 'xml') findings.push(`the instruction <?${name}?>${at()}`);
    // The file is read as UTF-8; in another encoding a browser could read other markup.
    else if (/encoding\s*=\s*["'](?!utf-8["']|us-ascii["'])/i.test(body)) findings.push(`an encoding other than UTF-8${at()}`);
  };
  parser.onopentag = (tag) => {
    const { local, uri } = tag as sax.QualifiedTag;
    if (!sawRoot) {
      sawRoot = true;
      if (uri !== SVG || local !== 'svg') findings.push(`a root element <${tag.name}> instead of an SVG <svg>${at()}`);
    }
    if (ACTIVE_NAMESPACES.has(uri) && !(uri === SVG && ELEMENTS.has(local))) {
      const what = local === 'script' ? 'a script' : local === 'foreignObject' ? 'embedded HTML' : local === 'a' ? 'a link' : 'the element';
      findings.push(`${what} <${tag.name}>${at()}`);
    }
    // A browser reads a style sheet from the text directly in <style>, so nothing else may be in it.
    if (styleText !== undefined) findings.push(`the element <${tag.name}> inside <style>${at()}`);
    if (uri === SVG && local === 'style') styleText = '';
    for (const attribute of Object.values((tag as sax.QualifiedTag).attributes)) {
      const finding = attributeFinding(attribute, uri === SVG ? local : undefined);
      if (finding) findings.push(`${finding}${at()}`);
    }
  };
  const collect = (chunk: string) => {
    if (styleText !== undefined) styleText += chunk;
  };
  parser.ontext = collect;
  parser.oncdata = collect;
  parser.onclosetag = () => {
    // The parser runs with namespaces on (xmlns), so its tags are qualified ones.
    const closed = parser.tag as sax.Tag | sax.QualifiedTag | undefined;
    if (styleText === undefined || !closed || !('uri' in closed) || closed.uri !== SVG || closed.local !== 'style') return;
    const risk = cssRisk(styleText);
    if (risk) findings.push(`${risk} in <style>${at()}`);
    styleText = undefined;
  };
  if (text.includes('\0')) return ['a NUL character (the file is not UTF-8 text)'];
  try {
    parser.write(text).close();
  } catch {
    // Reported by onerror.
  }
  if (!sawRoot && !findings.length) findings.push('no <svg> element');
  return findings;
}

/** What is unsafe about one attribute of an element (`svgElement` undefined outside SVG), if anything. */
function attributeFinding({ name, local, uri, value }: sax.QualifiedAttribute, svgElement: string | undefined): string | undefined {
  if (/^on/i.test(local)) return `an event handler ${name}`;
  if (uri === XMLNS || (uri === '' && name === 'xmlns')) return undefined;
  const isHref = local === 'href' && (uri === '' || uri === XLINK);
  if (isHref) {
    const target = value.trim();
    const allowed = INTERNAL_REFERENCE.test(target) || (svgElement !== undefined && ELEMENTS_WITH_PICTURES.has(svgElement) && RASTER_DATA.test(target));
    return allowed ? undefined : `a reference to "${target.length > 60 ? `${target.slice(0, 60)}…` : target}" in ${name}`;
  }
  if (uri === XML) return local === 'space' || local === 'lang' ? undefined : `the attribute ${name}`;
  if (uri === XLINK) return local === 'title' ? undefined : `the attribute ${name}`;
  if (uri !== '' || svgElement === undefined) return undefined;
  if (!ATTRIBUTES.has(local) && !/^(data|aria)-[\w.-]*$/.test(local)) return `the attribute ${name}`;
  const risk = cssRisk(value);
  return risk ? `${risk} in ${name}` : undefined;
}

/** The folders of a site whose files can be published: its sources, and files served as they are. */
const PUBLISHED_FOLDERS = ['src', 'public'];
/** Folders that belong to tools. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

function svgFilesIn(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.isDirectory()) return entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name) ? [] : svgFilesIn(join(folder, entry.name));
    return entry.isFile() && /\.svgz?$/i.test(entry.name) ? [join(folder, entry.name)] : [];
  });
}

/**
 * A problem for each SVG file in `src/` and `public/` that holds more than drawing (see
 * `svgFindings`). Every SVG there is checked, whatever uses it: the logo in the settings, an
 * image in a text, a file served as it is; the paths of content and settings stay inside `src/`,
 * so no published SVG escapes the check.
 */
export function unsafeSvgProblems(root: string): Problem[] {
  return PUBLISHED_FOLDERS.flatMap((folder) => svgFilesIn(join(root, folder))).flatMap((path) => {
    // A compressed SVG is served as an SVG by many hosts, and cannot be read here.
    const findings = /z$/i.test(path)
      ? ['a compressed SVG (.svgz), which cannot be checked: save it as a plain .svg']
      : svgFindings(readFileSync(path, 'utf8'));
    if (!findings.length) return [];
    const shown = findings.slice(0, 3).join('; ') + (findings.length > 3 ? `; and ${findings.length - 3} more` : '');
    const script = findings.some((finding) => /^(a script|an event handler)/.test(finding));
    return [
      {
        file: relative(root, path),
        field: '',
        message: `this SVG ${script ? 'contains a script' : 'holds more than a drawing'}, which a browser would run or fetch on the site's address: ${shown}`,
        fix: 'export it again as a plain SVG without scripts, links, embedded HTML or references to other files (in Inkscape: Save As "Optimized SVG"), or use a PNG instead.',
      },
    ];
  });
}

/**
 * An SVG chosen for a content image field (a cover, an album's photo, a person's photo) is
 * refused: the theme shows those as resized WebP pictures, which an SVG cannot be made into
 * without running it. An SVG can be the logo or an image in the text.
 */
export function svgInImageFieldProblem(file: string, field: string, src: string): [Problem] | undefined {
  if (!src.trim().toLowerCase().endsWith('.svg')) return undefined;
  return [
    {
      file,
      field,
      message: `"${src}" is an SVG drawing, which the site cannot turn into the resized pictures this field shows`,
      fix: "export it as a PNG (or a JPEG for a photo) and choose that file instead; an SVG can be the site's logo or an image in the text.",
    },
  ];
}
