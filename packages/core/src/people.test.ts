import { describe, expect, it } from 'vitest';
import { groupPeople, isKnownGroup } from './people.ts';

const person = (name: string, groups: string[], order = 0) => ({ name, groups, order });

describe('groupPeople', () => {
  it('lists the kit’s groups in their order, then the site’s alphabetically, then people in none', () => {
    const groups = groupPeople([
      person('Ana', ['volunteers']),
      person('Bo', ['Youth council']),
      person('Cy', []),
      person('Di', ['board']),
      person('Ed', ['Art club']),
    ]);
    expect(groups.map((group) => group.group)).toEqual(['board', 'volunteers', 'Art club', 'Youth council', undefined]);
  });

  it('orders a group by order, then name, and lists someone of two groups in both', () => {
    const groups = groupPeople([person('Zoe', ['staff', 'board'], 1), person('Al', ['staff'], 1), person('Max', ['staff'], 0)]);
    expect(groups.map(({ group, people }) => [group, people.map((p) => p.name)])).toEqual([
      ['board', ['Zoe']],
      ['staff', ['Max', 'Al', 'Zoe']],
    ]);
  });

  it('knows the kit’s groups whatever their case', () => {
    expect(groupPeople([person('Al', ['Board']), person('Bo', ['board'])])).toHaveLength(1);
    expect(isKnownGroup('board')).toBe(true);
    expect(isKnownGroup('Youth council')).toBe(false);
  });
});
