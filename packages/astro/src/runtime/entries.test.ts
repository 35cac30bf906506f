import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = vi.hoisted(() => ({ calls: [] as string[], dev: false }));

vi.mock('astro:content', () => ({
  getCollection: async (name: string) => {
    store.calls.push(name);
    return [{ id: 'fair', data: { title: 'Fair', draft: false } }];
  },
}));
vi.mock('virtual:openoutreach/config', () => ({
  default: {
    base: '',
    get dev() {
      return store.dev;
    },
    filledCollections: ['news'],
    settings: { locales: ['en'], defaultLocale: 'en' },
  },
}));

describe('getLocalizedEntries', () => {
  beforeEach(() => {
    store.calls = [];
  });

  it('reads a collection that had files when the build started', async () => {
    const { getLocalizedEntries } = await import('./entries.ts');
    expect((await getLocalizedEntries('news')).map((entry) => entry.slug)).toEqual(['fair']);
    expect(store.calls).toEqual(['news']);
  });

  it('does not ask Astro for a collection without files in a build, which would warn that it is empty', async () => {
    const { getLocalizedEntries } = await import('./entries.ts');
    expect(await getLocalizedEntries('events')).toEqual([]);
    expect(store.calls).toEqual([]);
  });

  it('always asks while editing, where the first file of a collection may just have been written', async () => {
    store.dev = true;
    const { getLocalizedEntries } = await import('./entries.ts');
    expect((await getLocalizedEntries('events')).map((entry) => entry.slug)).toEqual(['fair']);
    expect(store.calls).toEqual(['events']);
    store.dev = false;
  });
});
