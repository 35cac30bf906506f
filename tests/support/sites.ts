import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The sites the browser tests build and browse. */
export const SITES = {
  starter: { dir: at('starter'), dist: at('starter/dist') },
  opentechCoop: { dir: at('sites/opentech-coop'), dist: at('sites/opentech-coop/dist') },
  riversideTenants: { dir: at('sites/riverside-tenants'), dist: at('sites/riverside-tenants/dist') },
  eastsideGarden: { dir: at('sites/eastside-garden'), dist: at('sites/eastside-garden/dist') },
} as const;

/** The co-op site built under a base path, as on a GitHub Pages project site. */
export const SUBPATH = { base: '/opentech-coop/', dir: at('sites/opentech-coop'), dist: at('sites/opentech-coop/dist-subpath') };

export const fixture = (name: string) => at(`tests/fixtures/${name}`);
