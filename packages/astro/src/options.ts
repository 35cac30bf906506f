import { backendSchema } from '@openoutreach/cms';
import { z } from 'zod';
import { COMPONENT_NAMES } from './contract.ts';

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
    features: z
      .strictObject({
        /** News posts, their list, tag pages and the RSS feed. */
        news: z.boolean().default(true),
        /** Events: upcoming and past lists, event pages, month calendars and iCalendar files. */
        events: z.boolean().default(true),
        /** Photo albums with a lightbox, and videos that load their player only when played. */
        albums: z.boolean().default(false),
        /** Search: an index written at build time, a search page and a search box in the header. */
        search: z.boolean().default(true),
        /**
         * People: a page of the group's people by group (board, staff, volunteers) and a page for
         * each. Off unless turned on, like projects and resources, so a site that has never had
         * the folder builds as before.
         */
        people: z.boolean().default(false),
        /** Projects and campaigns, each with the news posts and events that name it. */
        projects: z.boolean().default(false),
        /** A library of documents and links, filtered by type and topic on plain pages. */
        resources: z.boolean().default(false),
        /** The donate page (/donate/): published when the settings have a `giving` section; false hides it. */
        giving: z.boolean().default(true),
        /** The contact page and its form (/contact/): published when the settings have `forms.contact`; false hides it. */
        contact: z.boolean().default(true),
      })
      .default({ news: true, events: true, albums: false, search: true, people: false, projects: false, resources: false, giving: true, contact: true }),
    /**
     * The browser CMS at /admin/ and where it saves edits once the site is published. Local
     * editing (`npm run edit`) works without a backend.
     * @example { backend: { name: 'github', repo: 'maple-street/website' } }
     */
    cms: z
      .strictObject({
        enabled: z.boolean().default(true),
        backend: backendSchema,
      })
      .default({ enabled: true, backend: { name: 'git-gateway', branch: 'main' } }),
  })
  .default({
    settings: 'src/settings/site.yaml',
    theme: '@openoutreach/theme-commons',
    components: {},
    features: { news: true, events: true, albums: false, search: true, people: false, projects: false, resources: false, giving: true, contact: true },
    cms: { enabled: true, backend: { name: 'git-gateway', branch: 'main' } },
  });

export type IntegrationOptions = z.input<typeof integrationOptionsSchema>;
export type ResolvedOptions = z.infer<typeof integrationOptionsSchema>;
