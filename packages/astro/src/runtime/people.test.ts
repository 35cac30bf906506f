import { beforeEach, describe, expect, it, vi } from 'vitest';

const collection = vi.hoisted(() => ({ entries: [] as { id: string; data: Record<string, unknown> }[] }));
const settings = vi.hoisted(() => ({ locales: ['en'], defaultLocale: 'en' }));

vi.mock('astro:content', () => ({ getCollection: async () => collection.entries }));
vi.mock('virtual:openoutreach/config', () => ({
  default: {
    base: '/maple',
    dev: false,
    features: { people: true },
    filledCollections: ['people'],
    get settings() {
      return settings;
    },
  },
}));

const person = (id: string, name: string, draft = false) => ({ id, data: { name, groups: [], links: [], order: 0, draft } });

describe('personLink', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('links a published person by slug, with their name, under the base path', async () => {
    collection.entries = [person('sam-rivera', 'Sam Rivera'), person('hidden', 'Hidden', true)];
    const { personLink } = await import('./people.ts');
    expect(await personLink('sam-rivera')).toEqual({ label: 'Sam Rivera', href: '/maple/people/sam-rivera/' });
    expect(await personLink('hidden')).toBeUndefined();
    expect(await personLink('nobody')).toBeUndefined();
  });

  it('on a multilingual site, links the translation, else the person in the main language', async () => {
    settings.locales = ['en', 'es'];
    collection.entries = [person('en/sam-rivera', 'Sam Rivera'), person('es/sam-rivera', 'Sam Rivera (es)'), person('en/ana', 'Ana')];
    const { personLink } = await import('./people.ts');
    expect(await personLink('sam-rivera', 'es')).toEqual({ label: 'Sam Rivera (es)', href: '/maple/es/people/sam-rivera/' });
    expect(await personLink('ana', 'es')).toEqual({ label: 'Ana', href: '/maple/people/ana/' });
    settings.locales = ['en'];
  });
});
