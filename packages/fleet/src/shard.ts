import { FleetError } from './fleet-error.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Reads `--shard i/n` (1 ≤ i ≤ n). Throws a FleetError. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new FleetError(`--shard ${value}: write it as i/n with 1 ≤ i ≤ n, e.g. --shard 1/4 for the first of four jobs.`);
  }
  return { index, count };
}

/**
 * The sites of one shard: sorted by name, every n-th from the i-th, so each site is in exactly
 * one shard, the shards differ in size by one at most, and a site stays in its shard however
 * the fleet file is ordered.
 */
export function shardSites<T extends { name: string }>(sites: readonly T[], shard: Shard | undefined): T[] {
  const sorted = [...sites].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return shard ? sorted.filter((_, position) => position % shard.count === shard.index - 1) : sorted;
}
