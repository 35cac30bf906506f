import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench folder (scripts/bench) and its gitignored work folder. */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORK_DIR = join(BENCH_DIR, '.corpus');
export const REPO_ROOT = join(BENCH_DIR, '../..');

/** The full corpus (scale 1); `--scale` multiplies every count. */
export const FULL_CORPUS = { news: 1000, events: 200, photos: 50 };

/** The largest scale the bench accepts: 10,000 news posts. */
export const MAX_SCALE = 10;

/** Counts of a corpus at `scale` (0 < scale ≤ MAX_SCALE): 5 is 5,000 news, 1,000 events, 250 photos. */
export function corpusCounts(scale) {
  return {
    news: Math.max(1, Math.round(FULL_CORPUS.news * scale)),
    events: Math.round(FULL_CORPUS.events * scale),
    photos: Math.max(1, Math.round(FULL_CORPUS.photos * scale)),
  };
}

/** Reads a scale from the command line, or says what a scale is. */
export function parseScale(text) {
  const scale = Number(text);
  if (!(scale > 0 && scale <= MAX_SCALE)) {
    throw new Error(`"${text}" is not a scale: give a number above 0 and at most ${MAX_SCALE}, e.g. 0.1 (100 posts), 1 (1,000) or 5 (5,000)`);
  }
  return scale;
}

/** Reads a comma-separated list (`kit,hugo`), each item one of `known`. */
export function parseList(text, known, option) {
  const items = String(text)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !known.includes(item));
  if (!items.length || unknown.length) {
    throw new Error(
      `--${option} ${text}: ${unknown.length ? `unknown ${unknown.join(', ')}` : 'nothing given'}; give one or more of ${known.join(', ')}, separated by commas`,
    );
  }
  return [...new Set(items)];
}

/** Where one scale's corpus and sites live: `.corpus/full/`, `.corpus/scale-0.1/`, `.corpus/scale-5/`. */
export function scaleDirs(scale) {
  const root = join(WORK_DIR, scale === 1 ? 'full' : `scale-${scale}`);
  return {
    root,
    corpus: join(root, 'corpus'),
    sites: { kit: join(root, 'kit'), plain: join(root, 'plain'), hugo: join(root, 'hugo') },
  };
}

/** Reads `--name value` options; flags without a value are `true`. */
export function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unknown argument "${argv[i]}"`);
    const [, name, inline] = match;
    if (!(name in defaults))
      throw new Error(
        `unknown option --${name}; known: ${Object.keys(defaults)
          .map((key) => `--${key}`)
          .join(', ')}`,
      );
    const value = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    options[name] = typeof defaults[name] === 'number' ? Number(value) : value;
  }
  return options;
}
