// @ts-check

/**
 * Where a member site is published, and everything that follows from it: the starter's files that
 * host needs (the others are left out of the new site), where the site's address comes from, and
 * how editors sign in to the CMS there. One place for these facts; the options, the questions, the
 * deploy step and the next steps read them from here.
 *
 * @typedef {'github' | 'gitlab' | 'codeberg' | 'netlify' | 'cloudflare' | 'coop'} Host
 *
 * @typedef {object} HostFacts
 * @property {string} label the host's name, for people
 * @property {string} gitHost where the site's repository is: GitHub for the hosts that build from it there
 * @property {string[]} files the starter's files the site keeps for this host
 * @property {string | undefined} pagesDomain the domain of its project sites (`OWNER.github.io`),
 *   from which `site` and `base` follow from the repository; undefined where the address is the
 *   member's choice
 * @property {string} [rootRepository] the repository name whose site is at the domain's root,
 *   rather than under `/NAME/` (`OWNER` stands for the owner)
 * @property {(repo: string, branch: string, appId: string | undefined) => Record<string, string>} backend
 *   the CMS backend (`openOutreach({ cms: { backend } })`) for the repository
 * @property {(site: Published) => string[]} publishing what the member does once to publish
 *   there, one step a line
 */

/**
 * What the steps to publish can name.
 * @typedef {object} Published
 * @property {string} repo owner/name, or a placeholder
 * @property {string} branch
 * @property {string | undefined} address the published address, `site` and `base` together
 * @property {string} timeZone
 * @property {boolean} hasAppId
 */

/** The co-op's sign-in broker for GitHub (`@openoutreach/auth`), as Decap's `base_url`: an origin. */
export const AUTH_BROKER = 'https://auth.opentech.coop';

/** The host `--yes` takes. */
export const DEFAULT_HOST = 'github';

/** @type {(repo: string, branch: string) => Record<string, string>} */
const githubThroughBroker = (repo, branch) => ({ name: 'github', repo, branch, base_url: AUTH_BROKER });

/** @type {Record<Host, HostFacts>} */
export const HOSTS = {
  github: {
    label: 'GitHub Pages',
    gitHost: 'GitHub',
    files: ['.github/workflows/check.yml', '.github/workflows/deploy.yml'],
    pagesDomain: 'github.io',
    rootRepository: 'OWNER.github.io',
    backend: githubThroughBroker,
    publishing: ({ repo, branch, address, timeZone }) => [
      `Make an empty repository ${repo} on GitHub, then: git remote add origin https://github.com/${repo}.git && git push -u origin ${branch}`,
      `On GitHub: Settings → Pages → Source: "GitHub Actions". Each push publishes the site${atAddress(address)}, and it is rebuilt every day at 00:17 (${timeZone}).`,
      brokerStep(address),
    ],
  },
  gitlab: {
    label: 'GitLab Pages',
    gitHost: 'GitLab',
    files: ['.gitlab-ci.yml'],
    pagesDomain: 'gitlab.io',
    rootRepository: 'OWNER.gitlab.io',
    backend: (repo, branch, appId) => ({ name: 'gitlab', repo, branch, auth_type: 'pkce', ...(appId ? { app_id: appId } : {}) }),
    publishing: ({ repo, branch, address, timeZone, hasAppId }) => [
      `Make an empty project ${repo} on GitLab, then: git remote add origin https://gitlab.com/${repo}.git && git push -u origin ${branch}`,
      `On GitLab: Deploy → Pages: untick "Use unique domain", so that the site is${atAddress(address)}. Build → Pipeline schedules → New schedule: "17 0 * * *", Cron timezone ${timeZone}.`,
      ...(hasAppId
        ? []
        : [
            `For CMS sign-in: Settings → Applications → Add new application (scope "api", not confidential, redirect URI ${adminAddress(address)}); put its Application ID as app_id in astro.config.mjs.`,
          ]),
    ],
  },
  codeberg: {
    label: 'Codeberg Pages',
    gitHost: 'Codeberg',
    files: ['.forgejo/workflows/check.yml', '.forgejo/workflows/deploy.yml'],
    pagesDomain: 'codeberg.page',
    rootRepository: 'pages',
    backend: (repo, branch, appId) => ({ name: 'forgejo', repo, branch, api_root: 'https://codeberg.org/api/v1', ...(appId ? { app_id: appId } : {}) }),
    publishing: ({ repo, branch, address, timeZone, hasAppId }) => [
      `Make an empty repository ${repo} on Codeberg, then: git remote add origin https://codeberg.org/${repo}.git && git push -u origin ${branch}`,
      `On Codeberg: Settings → Units → turn on Actions. Each push publishes the site on the pages branch${atAddress(address)}, and it is rebuilt every day shortly after midnight (${timeZone}).`,
      ...(hasAppId
        ? []
        : [
            `For CMS sign-in: Settings → Applications → Create a new OAuth2 application ("Confidential client" unticked, redirect URI ${adminAddress(address)}); put its Client ID as app_id in astro.config.mjs.`,
          ]),
    ],
  },
  netlify: {
    label: 'Netlify',
    gitHost: 'GitHub',
    files: ['netlify.toml', '.github/workflows/check.yml', '.github/workflows/rebuild.yml'],
    pagesDomain: undefined,
    // Netlify's own GitHub sign-in, which needs no broker on a site Netlify hosts.
    backend: (repo, branch) => ({ name: 'github', repo, branch }),
    publishing: ({ repo, branch, timeZone }) => [
      `Make an empty repository ${repo} on GitHub, then: git remote add origin https://github.com/${repo}.git && git push -u origin ${branch}`,
      'On Netlify: Add new project → Import an existing project → GitHub → this repository (netlify.toml sets the build).',
      `For the daily rebuild at 00:17 (${timeZone}): Netlify → Build hooks → Add build hook; save its address on GitHub as the secret BUILD_HOOK_URL.`,
      'For CMS sign-in: Netlify → Access & security → OAuth → Install provider: GitHub (with a GitHub OAuth app whose callback is https://api.netlify.com/auth/done).',
    ],
  },
  cloudflare: {
    label: 'Cloudflare Pages',
    gitHost: 'GitHub',
    // Cloudflare's build image reads the Node version from .node-version.
    files: ['.github/workflows/check.yml', '.github/workflows/rebuild.yml', '.node-version'],
    pagesDomain: undefined,
    backend: githubThroughBroker,
    publishing: ({ repo, branch, address, timeZone }) => [
      `Make an empty repository ${repo} on GitHub, then: git remote add origin https://github.com/${repo}.git && git push -u origin ${branch}`,
      'On Cloudflare: Workers & Pages → Create → Pages → Connect to Git → this repository; build command "npm run build", build output directory "dist".',
      `For the daily rebuild at 00:17 (${timeZone}): the project's Settings → Builds → Deploy hooks → Add; save its address on GitHub as the secret BUILD_HOOK_URL.`,
      brokerStep(address),
    ],
  },
  coop: {
    label: "the co-op's own server",
    gitHost: 'GitHub',
    files: ['.github/workflows/check.yml'],
    pagesDomain: undefined,
    backend: githubThroughBroker,
    publishing: ({ repo, branch, address }) => [
      `Make an empty repository ${repo} on GitHub, then: git remote add origin https://github.com/${repo}.git && git push -u origin ${branch}`,
      `Tell the co-op the repository${address ? ` and the address, ${address}` : ''}: it builds, publishes and rebuilds the site every night, and lets its editors sign in to the CMS.`,
    ],
  },
};

/** @param {string | undefined} address */
const atAddress = (address) => (address ? ` at ${address}` : '');

/** @param {string | undefined} address */
const adminAddress = (address) => (address ? `${address}admin/` : "the site's address followed by admin/");

/** @param {string | undefined} address */
const brokerStep = (address) =>
  `For CMS sign-in: ask the co-op to add ${address ? new URL(address).origin : "your site's address"} to its sign-in service (${AUTH_BROKER}).`;

/** @type {Host[]} */
export const HOST_NAMES = /** @type {Host[]} */ (Object.keys(HOSTS));

/** Every starter file that belongs to some host: a new site keeps only its own host's. */
export const HOST_FILES = [...new Set(Object.values(HOSTS).flatMap((host) => host.files))].sort();

/**
 * The address a project site gets from its repository on a host with project sites:
 * `maple/website` on GitHub is https://maple.github.io under /website/; `maple/maple.github.io`
 * is at the root. Undefined on hosts where the address is the member's choice.
 * @param {Host} host
 * @param {string} repo owner/name
 * @returns {{ site: string, base: string | undefined } | undefined}
 */
export function projectSiteAddress(host, repo) {
  const { pagesDomain, rootRepository } = HOSTS[host];
  if (!pagesDomain) return undefined;
  const [owner = '', name = ''] = repo.split('/');
  // Host names are lower case; a repository's name keeps its case in the path.
  const atRoot = name.toLowerCase() === rootRepository?.replace('OWNER', owner.toLowerCase());
  return { site: `https://${owner.toLowerCase()}.${pagesDomain}`, base: atRoot ? undefined : `/${name}/` };
}
