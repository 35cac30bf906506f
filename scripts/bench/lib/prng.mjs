/**
 * A small seeded pseudo-random generator (mulberry32), so that the corpus is the same bytes on every
 * machine and every run. Never use Math.random in the bench.
 */

/** Hashes a string (or number) to a 32-bit seed (FNV-1a). */
export function seedFrom(value) {
  let hash = 0x811c9dc5;
  for (const char of String(value)) {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A random source seeded by `seed`: `next()` gives a float in [0, 1) and the helpers draw
 * integers, picks and subsets from it.
 */
export function createRandom(seed) {
  let state = seedFrom(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [min, max], both included. */
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  /** One element of `list`. */
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** `count` distinct elements of `list`, in a random order. */
  const sample = (list, count) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  };
  /** True with probability `p`. */
  const chance = (p) => next() < p;
  return { next, int, pick, sample, chance };
}
