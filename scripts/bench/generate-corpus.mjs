// Writes the bench corpus: news posts, events (as kit events and as news posts) and photos, the
// same bytes on every run.
//   npm exec -- node scripts/bench/generate-corpus.mjs [--scale 0.1]
// Output: scripts/bench/.corpus/<full|scale-N>/corpus/{news,events,event-posts}/*.md,
// photos/*.jpg and corpus.json.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusCounts, parseArgs, parseScale, scaleDirs, WORK_DIR } from './lib/corpus-layout.mjs';
import { derivePhoto, renderPhoto, RENDERED_PHOTOS } from './lib/photos.mjs';
import { generateEvent, generatePost, photoFileName } from './lib/posts.mjs';

/** Bump when the generator's output changes, so stale corpora are rewritten. */
const GENERATOR_VERSION = 3;
/** Bump when a photo's bytes change (lib/photos.mjs). */
const PHOTO_VERSION = 1;
const PHOTO_CACHE = join(WORK_DIR, `photos-v${PHOTO_VERSION}`);

/**
 * Photo number `n` (1-based): the same bytes at every scale, so kept once in a cache shared by
 * the scales (`.corpus/photos-v<version>/`). The first {@link RENDERED_PHOTOS} are rendered from
 * scenes, later ones derived from those.
 */
async function photo(n) {
  const cached = join(PHOTO_CACHE, photoFileName(n));
  if (existsSync(cached)) return readFileSync(cached);
  const bytes = n <= RENDERED_PHOTOS ? await renderPhoto(n) : await derivePhoto(n, await photo(((n - 1) % RENDERED_PHOTOS) + 1));
  mkdirSync(PHOTO_CACHE, { recursive: true });
  writeFileSync(cached, bytes);
  return bytes;
}

/** Writes photos two at a time (one per core); each render is single-threaded SVG work. */
async function writePhotos(folder, count, log) {
  let next = 1;
  const worker = async () => {
    while (next <= count) {
      const n = next++;
      writeFileSync(join(folder, photoFileName(n)), await photo(n));
      if (n % 10 === 0 || n === count) log(`  photos: ${n}/${count}`);
    }
  };
  await Promise.all([worker(), worker()]);
}

/**
 * Ensures the corpus of `scale` exists and returns its folder. Does nothing when a corpus of the
 * same generator version and counts is already there.
 */
export async function generateCorpus(scale, { log = console.log } = {}) {
  const counts = corpusCounts(scale);
  const { corpus } = scaleDirs(scale);
  const stampFile = join(corpus, 'corpus.json');
  const stamp = { generator: GENERATOR_VERSION, scale, ...counts };
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) return corpus;

  log(`Generating the corpus at scale ${scale}: ${counts.news} news, ${counts.events} events, ${counts.photos} photos`);
  rmSync(corpus, { recursive: true, force: true });
  const folders = Object.fromEntries(['news', 'events', 'event-posts', 'photos'].map((name) => [name, join(corpus, name)]));
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  for (let index = 0; index < counts.news; index++) {
    const { fileName, markdown } = generatePost(index, { photoCount: counts.photos });
    writeFileSync(join(folders.news, fileName), markdown);
  }
  for (let index = 0; index < counts.events; index++) {
    const { fileName, event, post } = generateEvent(index, { photoCount: counts.photos });
    writeFileSync(join(folders.events, fileName), event);
    writeFileSync(join(folders['event-posts'], fileName), post);
  }
  await writePhotos(folders.photos, counts.photos, log);
  writeFileSync(stampFile, JSON.stringify(stamp));
  return corpus;
}

if (import.meta.main) {
  const { scale } = parseArgs(process.argv.slice(2), { scale: '1' });
  const folder = await generateCorpus(parseScale(scale));
  console.log(`Corpus ready in ${folder}`);
}
