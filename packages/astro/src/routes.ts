import { routesFor as featureRoutes, type Feature, type FeatureSwitches } from './features/index.ts';

/** `.ts` when running from the source (tests, the repository), `.js` from the built package (dist/). */
export const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** A route file's name as it is here: `rss.xml.ts` is `rss.xml.js` once built; `.astro` files stay. */
const builtName = (file: string) => file.replace(/\.ts$/, OWN_EXTENSION);

export interface RouteSpec {
  pattern: string;
  /** The route file's name for a route of the kit (in this package's `src/routes/`); the URL's file name for a site's own. */
  file: string;
  /** The route file, ready for `injectRoute()`. */
  entrypoint: URL;
  pageType?: string | undefined;
}

/**
 * The routes a site gets for its enabled features (see features/), with their files resolved:
 * the kit's in `src/routes/`, a site's own feature's where its module says.
 */
export function routesFor(
  features: Partial<FeatureSwitches>,
  cms: { enabled: boolean } = { enabled: true },
  multilingual = false,
  own: readonly Feature[] = [],
): RouteSpec[] {
  return featureRoutes(features, cms, multilingual, own).map(({ pattern, entrypoint, pageType }) => {
    const url = typeof entrypoint === 'string' ? new URL(`./routes/${builtName(entrypoint)}`, import.meta.url) : entrypoint;
    return { pattern, file: typeof entrypoint === 'string' ? entrypoint : url.pathname.split('/').pop()!, entrypoint: url, pageType };
  });
}
