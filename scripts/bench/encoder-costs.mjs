// What one image transform costs with each encoder setting: resizes a corpus photo to every width
// the theme requests and encodes it the way Astro's sharp service does, one at a time, and prints
// milliseconds (CPU, all libvips threads) and bytes. Then sums the cost of one photo for the
// kit's and the plain site's sets of transforms.
//   npm exec -- node scripts/bench/encoder-costs.mjs [--scale 0.1] [--repeat 3]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseArgs, scaleDirs } from './lib/corpus-layout.mjs';
import { generateCorpus } from './generate-corpus.mjs';
import { photoFileName } from './lib/posts.mjs';

const WIDTHS = [400, 640, 800, 1024, 1200, 1600];
/** Encoder settings to compare; `{}` is sharp's default, which Astro uses when not configured. */
const SETTINGS = {
  'jpeg default': ['jpeg', {}],
  'webp default (q80 effort 4)': ['webp', {}],
  'webp effort 2': ['webp', { effort: 2 }],
  'webp effort 0': ['webp', { effort: 0 }],
  'avif default (q50 effort 4)': ['avif', {}],
  'avif effort 2': ['avif', { effort: 2 }],
  'avif effort 0': ['avif', { effort: 0 }],
};

const { scale, repeat } = parseArgs(process.argv.slice(2), { scale: 0.1, repeat: 3 });
sharp.cache(false);
await generateCorpus(scale);
const input = readFileSync(join(scaleDirs(scale).corpus, 'photos', photoFileName(1)));

/** Median CPU milliseconds and bytes of one transform. */
async function measure(format, options, width) {
  const runs = [];
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const before = process.cpuUsage();
    const output = await sharp(input, { failOn: 'none' }).rotate().resize({ width, withoutEnlargement: true })[format](options).toBuffer();
    const used = process.cpuUsage(before);
    runs.push((used.user + used.system) / 1000);
    bytes = output.length;
  }
  return { ms: runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)], bytes };
}

const costs = {};
console.log(`CPU ms (and KB) per transform of a 1600×1067 photo, median of ${repeat}:\n`);
console.log(['setting'.padEnd(28), ...WIDTHS.map((width) => `${width}w`.padStart(14))].join(''));
for (const [name, [format, options]] of Object.entries(SETTINGS)) {
  costs[name] = {};
  const cells = [];
  for (const width of WIDTHS) {
    costs[name][width] = await measure(format, options, width);
    cells.push(`${costs[name][width].ms.toFixed(0)} (${(costs[name][width].bytes / 1024).toFixed(0)})`.padStart(14));
  }
  console.log([name.padEnd(28), ...cells].join(''));
}

const CARD = [400, 800];
const LARGE = [640, 1024, 1600];
const both = [...CARD, ...LARGE];
/** Sets of transforms per photo shown on a card and a post page; `<Picture>` adds a JPEG fallback at every width. */
const SETS = {
  'kit today: webp + jpg fallback + jpg 1200 og:image': [
    ['webp default (q80 effort 4)', both],
    ['jpeg default', [...both, 1200]],
  ],
  'plain: avif + webp + jpg fallback': [
    ['avif default (q50 effort 4)', both],
    ['webp default (q80 effort 4)', both],
    ['jpeg default', both],
  ],
  'kit with webp effort 2': [
    ['webp effort 2', both],
    ['jpeg default', [...both, 1200]],
  ],
  'kit with avif effort 2 + webp': [
    ['avif effort 2', both],
    ['webp default (q80 effort 4)', both],
    ['jpeg default', [...both, 1200]],
  ],
  'kit, <Image> webp only (no jpg fallback), og 1200 jpg': [
    ['webp default (q80 effort 4)', both],
    ['jpeg default', [1200]],
  ],
};
console.log('\nCost of one photo used on a card and a post page:\n');
for (const [name, parts] of Object.entries(SETS)) {
  let ms = 0;
  let bytes = 0;
  let count = 0;
  for (const [setting, widths] of parts) {
    for (const width of widths) {
      ms += costs[setting][width].ms;
      bytes += costs[setting][width].bytes;
      count++;
    }
  }
  console.log(`${name.padEnd(58)} ${String(count).padStart(2)} transforms ${ms.toFixed(0).padStart(6)} CPU ms ${(bytes / 1024).toFixed(0).padStart(6)} KB`);
}
