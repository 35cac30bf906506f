import { backendSchema } from '@openoutreach/cms';
import { z } from 'zod';
import { COMPONENT_NAMES } from './contract.ts';
import { defaultFeatures, FEATURE_NAMES, featureNamed, ownFeatureClashes, type Feature, type FeatureName } from './features/index.ts';

/** One switch per feature of the registry, defaulting and documented as the feature says. */
const featureSwitches = Object.fromEntries(
  FEATURE_NAMES.map((name) => [
    name,
    z
      .boolean()
      .default(featureNamed(name).default === true)
      .describe(featureNamed(name).description),
  ]),
) as Record<FeatureName, z.ZodDefault<z.ZodBoolean>>;

/** Whether a value looks like a feature module's export (its routes are checked when injected). */
function isFeature(value: unknown): value is Feature {
  const feature = value as Feature;
  return typeof feature?.name === 'string' && Array.isArray(feature.routes) && Array.isArray(feature.collections) && Array.isArray(feature.lists);
}

const componentOverrides = z
  .partialRecord(z.enum(COMPONENT_NAMES), z.string().min(1))
  .default({})
  .describe('Theme components this site replaces, by name, as paths relative to the site root.');

/**
 * The options of `openOutreach()` in a site's `astro.config.mjs`. Unknown keys are rejected so a
 * typo never passes silently.
 */
export const integrationOptionsSchema = z
  .strictObject({
    /**
     * The site settings file (YAML), relative to the site root. The CMS edits it.
     * @example 'src/settings/site.yaml'
     */
    settings: z.string().default('src/settings/site.yaml'),
    /**
     * The theme package, by name. Switching theme is this one line.
     * @example '@openoutreach/theme-commons'
     */
    theme: z.string().default('@openoutreach/theme-commons'),
    /**
     * Replace single theme components with the site's own.
     * @example { Footer: './src/components/Footer.astro' }
     */
    components: componentOverrides,
    /**
     * Features this site publishes. Turning one off removes its routes and CMS collection.
     * @example { news: false, events: true }
     */
    features: z.strictObject(featureSwitches).default(defaultFeatures()),
    /**
     * Features the site adds itself, each a module declaring its routes, page types, URLs and
     * CMS collection (see docs/features.md). They are on while listed.
     * @example [jobs] // import jobs from './src/jobs/feature.ts'
     */
    ownFeatures: z
      .array(z.custom<Feature>(isFeature, "a feature module's export: an object with a name, its routes and collections (see docs/features.md)"))
      .default([])
      .superRefine((own, context) => {
        for (const problem of ownFeatureClashes(own)) context.addIssue({ code: 'custom', path: [problem.index], message: problem.message });
      }),
    /**
     * The browser CMS at /admin/ and where it saves edits once the site is published. Local
     * editing (`npm run edit`) works without a backend; without one, the published site's /admin/
     * says how to set it up (docs/cms-sign-in.md).
     * @example { backend: { name: 'github', repo: 'maple-street/website', base_url: 'https://auth.opentech.coop' } }
     */
    cms: z
      .strictObject({
        enabled: z.boolean().default(true),
        backend: backendSchema,
      })
      .default({ enabled: true, backend: { name: 'none', branch: 'main' } }),
  })
  .default({
    settings: 'src/settings/site.yaml',
    theme: '@openoutreach/theme-commons',
    components: {},
    features: defaultFeatures(),
    ownFeatures: [],
    cms: { enabled: true, backend: { name: 'none', branch: 'main' } },
  });

export type IntegrationOptions = z.input<typeof integrationOptionsSchema>;
export type ResolvedOptions = z.infer<typeof integrationOptionsSchema>;
