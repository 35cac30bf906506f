import { describe, expect, test } from 'vitest';
import { parseShard, shardSites } from './shard.ts';

const sites = ['delta', 'alpha', 'echo', 'charlie', 'bravo', 'foxtrot', 'golf'].map((name) => ({ name }));

describe('--shard i/n', () => {
  test('every site is in exactly one shard, and the shards differ in size by one at most', () => {
    const shards = [1, 2, 3].map((index) => shardSites(sites, { index, count: 3 }).map((site) => site.name));
    expect(shards.flat().sort()).toEqual(sites.map((site) => site.name).sort());
    expect(shards.map((shard) => shard.length)).toEqual([3, 2, 2]);
    expect(shards[0]).toEqual(['alpha', 'delta', 'golf']);
  });

  test('a site stays in its shard however the fleet file is ordered', () => {
    const reversed = [...sites].reverse();
    for (const index of [1, 2, 3]) expect(shardSites(reversed, { index, count: 3 })).toEqual(shardSites(sites, { index, count: 3 }));
  });

  test('no shard is every site, sorted by name', () => {
    expect(shardSites(sites, undefined).map((site) => site.name)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']);
  });

  test('more shards than sites leaves some empty', () => {
    expect(shardSites(sites.slice(0, 2), { index: 3, count: 3 })).toEqual([]);
  });

  test.each(['0/2', '3/2', '1/0', '1-2', 'two/four', ''])('refuses --shard %j with the form to use', (value) => {
    expect(() => parseShard(value)).toThrow(/write it as i\/n with 1 ≤ i ≤ n/);
  });

  test('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });
});
