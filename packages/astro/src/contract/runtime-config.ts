import type { SiteSettings } from '@openoutreach/core';

/** What `virtual:openoutreach/config` gives routes and components. */
export interface RuntimeConfig {
  settings: SiteSettings;
  /** The base path without a trailing slash, '' at the root. */
  base: string;
  site: string | undefined;
  features: {
    news: boolean;
    events: boolean;
    albums: boolean;
    giving: boolean;
    contact: boolean;
    people: boolean;
    projects: boolean;
    resources: boolean;
    search: boolean;
  };
  /** The collections that had files when the build started; the others are empty in a build. */
  filledCollections: string[];
}
