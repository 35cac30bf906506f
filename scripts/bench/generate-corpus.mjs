// Writes the bench corpus: news posts, event-like posts and photos, the same bytes on every run.
//   npm exec -- node scripts/bench/generate-corpus.mjs [--scale 0.1]
// Output: scripts/bench/.corpus/<full|scale-N>/corpus/{news/*.md,photos/*.jpg,corpus.json}.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusCounts, parseArgs, scaleDirs } from './lib/corpus-layout.mjs';
import { renderPhoto } from './lib/photos.mjs';
import { generatePost, photoFileName } from './lib/posts.mjs';

/** Bump when the generator's output changes, so stale corpora are rewritten. */
const GENERATOR_VERSION = 2;

/** Renders photos two at a time (one per core); each render is single-threaded SVG work. */
async function writePhotos(folder, count, log) {
  let next = 1;
  const worker = async () => {
    while (next <= count) {
      const n = next++;
      writeFileSync(join(folder, photoFileName(n)), await renderPhoto(n));
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
  const news = join(corpus, 'news');
  const photos = join(corpus, 'photos');
  mkdirSync(news, { recursive: true });
  mkdirSync(photos, { recursive: true });
  for (const [kind, count] of [
    ['news', counts.news],
    ['event', counts.events],
  ]) {
    for (let index = 0; index < count; index++) {
      const { fileName, markdown } = generatePost(index, { kind, photoCount: counts.photos });
      writeFileSync(join(news, fileName), markdown);
    }
  }
  await writePhotos(photos, counts.photos, log);
  writeFileSync(stampFile, JSON.stringify(stamp));
  return corpus;
}

if (import.meta.main) {
  const { scale } = parseArgs(process.argv.slice(2), { scale: 1 });
  const folder = await generateCorpus(scale);
  console.log(`Corpus ready in ${folder}`);
}
