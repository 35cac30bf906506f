import { problemsFromZodError } from '@openoutreach/core';
import { describe, expect, it } from 'vitest';
import { integrationOptionsSchema, type IntegrationOptions } from './options.ts';

const DEFAULTS = {
  settings: 'src/settings/site.yaml',
  theme: '@openoutreach/theme-commons',
  components: {},
  features: { news: true, events: true },
};

function problemsOf(options: unknown) {
  const result = integrationOptionsSchema.safeParse(options);
  if (result.success) throw new Error('expected the options to be rejected');
  return problemsFromZodError(result.error, integrationOptionsSchema, 'astro.config.mjs', options, 'openOutreach() options');
}

describe('integrationOptionsSchema', () => {
  it('gives the defaults when called without options or with an empty object', () => {
    expect(integrationOptionsSchema.parse(undefined)).toMatchObject(DEFAULTS);
    expect(integrationOptionsSchema.parse({})).toEqual(integrationOptionsSchema.parse(undefined));
  });

  it('fills in what is left out', () => {
    expect(integrationOptionsSchema.parse({ features: {} }).features).toMatchObject({
      news: true,
      events: true,
      albums: false,
      people: false,
      projects: false,
      resources: false,
    });
    expect(integrationOptionsSchema.parse(undefined).features).toMatchObject({ people: false, projects: false, resources: false });
    const options: IntegrationOptions = { features: { news: false }, components: { Footer: './src/components/Footer.astro' } };
    expect(integrationOptionsSchema.parse(options)).toMatchObject({
      ...DEFAULTS,
      features: { news: false, events: true },
      components: { Footer: './src/components/Footer.astro' },
    });
  });

  it('rejects an unknown option and suggests the one meant', () => {
    const [problem] = problemsOf({ themes: '@x/y' });
    expect(problem).toMatchObject({ file: 'astro.config.mjs', field: 'themes', fix: expect.stringContaining('did you mean "theme"?') });
    expect(problem?.message).toBe('"themes" is not a field of this openOutreach() options');
  });

  it('rejects an unknown feature', () => {
    expect(problemsOf({ features: { shop: true } })[0]).toMatchObject({ field: 'features.shop', fix: expect.stringContaining('news, events') });
    expect(problemsOf({ features: { evnts: false } })[0]?.fix).toContain('did you mean "events"?');
  });

  it('rejects a component name that is not in the theme contract', () => {
    const result = integrationOptionsSchema.safeParse({ components: { Foter: './Footer.astro' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['components']);
    expect(integrationOptionsSchema.safeParse({ components: { Footer: '' } }).success).toBe(false);
  });

  it('suggests the component meant when its name is mistyped', () => {
    expect(problemsOf({ components: { Foter: './Footer.astro' } })[0]?.fix).toContain('did you mean "Footer"?');
  });

  it('wants news on or off, not text', () => {
    expect(problemsOf({ features: { news: 'yes' } })[0]?.message).toBe('"features.news" should be a boolean, not the text "yes"');
  });

  it("takes a site's own features, and refuses one whose name or route the kit or another has", () => {
    const jobs = {
      name: 'jobs',
      description: 'Jobs.',
      default: true,
      collections: [],
      routes: [{ pattern: '/jobs', entrypoint: new URL('file:///site/src/jobs/Jobs.astro') }],
      lists: ['/jobs/'],
    };
    expect(integrationOptionsSchema.parse(undefined).ownFeatures).toEqual([]);
    expect(integrationOptionsSchema.parse({ ownFeatures: [jobs] }).ownFeatures).toEqual([jobs]);
    const clash = problemsOf({ ownFeatures: [jobs, { ...jobs, name: 'news', routes: [{ pattern: '/news/[slug]', entrypoint: 'x.astro' }] }] });
    expect(clash.map((problem) => [problem.field, problem.message])).toEqual([
      ['ownFeatures[1]', expect.stringContaining('a feature called "news" is already in the kit')],
      ['ownFeatures[1]', expect.stringContaining('the route /news/[slug] of "news" is taken by the kit\'s "news" feature')],
    ]);
    const [notAFeature] = problemsOf({ ownFeatures: ['./src/jobs/feature.ts'] });
    expect(notAFeature).toMatchObject({ field: 'ownFeatures[0]' });
    expect(notAFeature?.message).toContain('a feature module');
  });
});
