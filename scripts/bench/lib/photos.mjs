import sharp from 'sharp';
import { createRandom } from './prng.mjs';

export const PHOTO_WIDTH = 1600;
export const PHOTO_HEIGHT = 1067;

const hsl = (h, s, l) => `hsl(${h.toFixed(0)} ${s.toFixed(0)}% ${l.toFixed(0)}%)`;

/** A wavy ridge from left to right at height `y`, closed along the bottom edge. */
function ridgePath(random, y, roughness) {
  const points = [];
  for (let x = 0; x <= PHOTO_WIDTH; x += PHOTO_WIDTH / 16) {
    points.push(`${x.toFixed(0)},${(y + (random.next() - 0.5) * roughness).toFixed(0)}`);
  }
  return `M0,${PHOTO_HEIGHT} L${points.join(' L')} L${PHOTO_WIDTH},${PHOTO_HEIGHT} Z`;
}

/**
 * A landscape-like scene as SVG: sky gradient, sun, ridges of hills, blobs of foliage, and a
 * turbulence texture over everything so that the picture has fine detail like a photo.
 */
function sceneSvg(random) {
  const hue = random.int(0, 360);
  const skyTop = hsl(hue + 200, 55, random.int(45, 70));
  const skyBottom = hsl(hue + 30, 60, random.int(70, 88));
  const ridges = [];
  const count = random.int(3, 5);
  for (let i = 0; i < count; i++) {
    const y = PHOTO_HEIGHT * (0.45 + (i / count) * 0.45);
    const colour = hsl(hue + 90 + random.int(-40, 40), random.int(25, 60), 55 - i * 9);
    ridges.push(`<path d="${ridgePath(random, y, 160 - i * 20)}" fill="${colour}" filter="url(#soft)"/>`);
  }
  const blobs = [];
  for (let i = 0; i < 60; i++) {
    const cx = random.int(0, PHOTO_WIDTH);
    const cy = random.int(PHOTO_HEIGHT * 0.5, PHOTO_HEIGHT);
    const r = random.int(10, 70);
    const colour = hsl(hue + random.int(60, 160), random.int(30, 70), random.int(20, 60));
    blobs.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}" opacity="0.8"/>`);
  }
  const sun = { x: random.int(100, PHOTO_WIDTH - 100), y: random.int(80, 350), r: random.int(40, 110) };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient>
    <radialGradient id="sun"><stop offset="0" stop-color="#fff8e0"/><stop offset="1" stop-color="#fff8e0" stop-opacity="0"/></radialGradient>
    <filter id="soft"><feGaussianBlur stdDeviation="2"/></filter>
    <filter id="grain" x="0" y="0" width="100%" height="100%">
      <feTurbulence type="fractalNoise" baseFrequency="${(0.6 + random.next() * 0.4).toFixed(2)}" numOctaves="3" seed="${random.int(1, 9999)}"/>
      <feColorMatrix type="saturate" values="0.3"/>
    </filter>
    <filter id="clouds" x="0" y="0" width="100%" height="100%">
      <feTurbulence type="fractalNoise" baseFrequency="0.004 0.012" numOctaves="4" seed="${random.int(1, 9999)}"/>
      <feColorMatrix type="matrix" values="0 0 0 0 1  0 0 0 0 1  0 0 0 0 1  1.4 0 0 0 -0.55"/>
    </filter>
  </defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <rect width="100%" height="60%" filter="url(#clouds)"/>
  <circle cx="${sun.x}" cy="${sun.y}" r="${sun.r * 3}" fill="url(#sun)"/>
  ${ridges.join('\n  ')}
  <g filter="url(#soft)">${blobs.join('')}</g>
  <rect width="100%" height="100%" filter="url(#grain)" opacity="0.22" style="mix-blend-mode:overlay"/>
</svg>`;
}

/** Per-pixel sensor noise, so that the JPEG has the high-frequency detail of a real photo. */
function sensorNoise(random, amplitude) {
  const data = Buffer.alloc(PHOTO_WIDTH * PHOTO_HEIGHT);
  for (let i = 0; i < data.length; i++) data[i] = 128 + Math.round((random.next() + random.next() - 1) * amplitude);
  return data;
}

/**
 * Renders photo number `index` as a 1600×1067 JPEG. The same index always gives the same bytes
 * (for the installed sharp/libvips version).
 */
export async function renderPhoto(index) {
  const random = createRandom(`photo-${index}`);
  const scene = await sharp(Buffer.from(sceneSvg(random)))
    .removeAlpha()
    .raw()
    .toBuffer();
  const noise = sensorNoise(random, 12);
  const pixels = Buffer.alloc(scene.length);
  for (let i = 0; i < scene.length; i++) {
    const value = scene[i] + noise[Math.floor(i / 3)] - 128;
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(pixels, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } })
    .jpeg({ quality: 85, chromaSubsampling: '4:2:0' })
    .toBuffer();
}

/**
 * How many photos are rendered from a scene; the bench's corpus at scale 1 has this many. Photos
 * beyond it (at larger scales) are derived from these, which is about twenty times faster.
 */
export const RENDERED_PHOTOS = 50;

/**
 * Photo number `index` beyond {@link RENDERED_PHOTOS}, from the rendered photo it cycles back to
 * (`base`, its JPEG): mirrored every other cycle, its hues turned, fresh sensor noise, so that
 * it is new bytes and new content (a cache keyed by content, such as Hugo's, cannot reuse the
 * base's work) and still encodes like a photo.
 */
export async function derivePhoto(index, base) {
  const cycle = Math.floor((index - 1) / RENDERED_PHOTOS);
  const random = createRandom(`derived-photo-${index}`);
  let image = sharp(base);
  if (cycle % 2 === 1) image = image.flop();
  const scene = await image
    .modulate({ hue: (cycle * 47 + random.int(0, 30)) % 360 })
    .removeAlpha()
    .raw()
    .toBuffer();
  // Lighter noise than a rendered photo's: the base has its own already.
  const noise = sensorNoise(random, 5);
  const pixels = Buffer.alloc(scene.length);
  for (let i = 0; i < scene.length; i++) {
    const value = scene[i] + noise[Math.floor(i / 3)] - 128;
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(pixels, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } })
    .jpeg({ quality: 85, chromaSubsampling: '4:2:0' })
    .toBuffer();
}
