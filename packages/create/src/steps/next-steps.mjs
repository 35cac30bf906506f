// @ts-check
import { relative } from 'node:path';
import { HOSTS } from '../hosts.mjs';

/** Where `npm run edit` serves the CMS. */
export const EDITOR_URL = 'http://127.0.0.1:4321/admin/';

/** Where to read on; the package's README covers editing, settings and publishing. */
export const DOCS = {
  'This kit': 'https://www.npmjs.com/package/create-openoutreach',
  'Astro (for developers)': 'https://docs.astro.build',
  'Decap CMS (the editor at /admin/)': 'https://decapcms.org/docs/',
};

/**
 * Tells what to do now: go to the folder, install if that was skipped, start editing. The lines
 * after "Next steps:" are commands exactly as typed, two spaces in, up to an empty line; tests
 * and scripts run them as they are.
 * Then, how to publish on the site's host.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'projectDir' | 'name' | 'site' | 'base' | 'host' | 'repo' | 'branch' | 'appId' | 'timeZone' | 'install' | 'packageManager' | 'dryRun' | 'log'>} ctx
 */
export function nextSteps({ cwd, projectDir, name, site, base, host, repo, branch, appId, timeZone, install, packageManager, dryRun, log }) {
  const folder = relative(cwd, projectDir) || '.';
  const steps = [
    ...(folder === '.' ? [] : [`cd ${/[\s"'$`\\]/.test(folder) ? JSON.stringify(folder) : folder}`]),
    ...(install ? [] : [`${packageManager} install`]),
    `${packageManager} run edit`,
  ];
  log(
    [
      '',
      dryRun ? `Dry run: nothing was written. The site of ${name} would be in ${folder}/.` : `The site of ${name} is ready in ${folder}/.`,
      '',
      'Next steps:',
      ...steps.map((step) => `  ${step}`),
      '',
      `Then open ${EDITOR_URL} and click Login. Each save is a commit; push them to publish.`,
      '',
      `To publish on ${HOSTS[host].label}:`,
      ...HOSTS[host]
        .publishing({ repo: repo ?? 'OWNER/REPOSITORY', branch, address: site && `${site}${base ?? '/'}`, timeZone, hasAppId: Boolean(appId) })
        .map((step, index) => `  ${index + 1}. ${step}`),
      ...(site ? [] : [`  Before you publish, set \`site\` in astro.config.mjs to the site's address.`]),
      ...(repo ? [] : ['  Then set the repository in astro.config.mjs (the `cms` line), so that editors can sign in on the published site.']),
      '',
      'Docs:',
      ...Object.entries(DOCS).map(([what, url]) => `  ${what}: ${url}`),
    ].join('\n'),
  );
}
