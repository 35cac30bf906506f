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

/** One build of a site: its folder, where the build goes, and the base path it is built for. */
export interface SiteBuild {
  name: string;
  dir: string;
  /** The output folder, relative to `dir` (`astro build --outDir`). */
  outDir: string;
  /** Its absolute path. */
  dist: string;
  /** The base path (`astro build --base`), when not the root. */
  base?: string;
}

/** Every build of the monorepo's sites, as their own configs make them (with the commons theme). */
export const SITE_BUILDS: SiteBuild[] = [
  { name: 'starter', dir: SITES.starter.dir, outDir: 'dist', dist: SITES.starter.dist },
  { name: 'opentech-coop', dir: SITES.opentechCoop.dir, outDir: 'dist', dist: SITES.opentechCoop.dist },
  { name: 'riverside-tenants', dir: SITES.riversideTenants.dir, outDir: 'dist', dist: SITES.riversideTenants.dist },
  { name: 'eastside-garden', dir: SITES.eastsideGarden.dir, outDir: 'dist', dist: SITES.eastsideGarden.dist },
  { name: 'opentech-coop under /opentech-coop/', dir: SUBPATH.dir, outDir: 'dist-subpath', dist: SUBPATH.dist, base: SUBPATH.base },
];

export const fixture = (name: string) => at(`tests/fixtures/${name}`);
