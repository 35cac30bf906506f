import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench folder (scripts/bench) and its gitignored work folder. */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORK_DIR = join(BENCH_DIR, '.corpus');
export const REPO_ROOT = join(BENCH_DIR, '../..');

/** The full corpus; `--scale` multiplies every count. */
export const FULL_CORPUS = { news: 1000, events: 200, photos: 50 };

/** Counts of a corpus at `scale` (0 < scale ≤ 1). */
export function corpusCounts(scale) {
  return {
    news: Math.max(1, Math.round(FULL_CORPUS.news * scale)),
    events: Math.round(FULL_CORPUS.events * scale),
    photos: Math.max(1, Math.round(FULL_CORPUS.photos * scale)),
  };
}

/** Where one scale's corpus and sites live: `.corpus/full/` or `.corpus/scale-0.1/`. */
export function scaleDirs(scale) {
  const root = join(WORK_DIR, scale === 1 ? 'full' : `scale-${scale}`);
  return {
    root,
    corpus: join(root, 'corpus'),
    sites: { kit: join(root, 'kit'), plain: join(root, 'plain') },
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
