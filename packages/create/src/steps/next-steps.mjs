// @ts-check
import { relative } from 'node:path';

/** Where to read on; the package's README covers editing, settings and publishing. */
export const DOCS = {
  'This kit': 'https://www.npmjs.com/package/create-openoutreach',
  'Astro (for developers)': 'https://docs.astro.build',
  'Decap CMS (the editor at /admin/)': 'https://decapcms.org/docs/',
};

/**
 * Tells what to do now: go to the folder, install if that was skipped, start editing.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'projectDir' | 'name' | 'site' | 'install' | 'packageManager' | 'dryRun' | 'log'>} ctx
 */
export function nextSteps({ cwd, projectDir, name, site, install, packageManager, dryRun, log }) {
  const folder = relative(cwd, projectDir) || '.';
  const steps = [
    ...(folder === '.' ? [] : [`cd ${/[\s"'$`\\]/.test(folder) ? JSON.stringify(folder) : folder}`]),
    ...(install ? [] : [`${packageManager} install`]),
    `${packageManager} run edit    then open http://127.0.0.1:4321/admin/ and click Login`,
  ];
  const later = site ? [] : ['', `Before you publish, set \`site\` in astro.config.mjs to the site's address.`];
  log(
    [
      '',
      dryRun ? `Dry run: nothing was written. The site of ${name} would be in ${folder}/.` : `The site of ${name} is ready in ${folder}/.`,
      '',
      'Next steps:',
      ...steps.map((step) => `  ${step}`),
      ...later,
      '',
      'Docs:',
      ...Object.entries(DOCS).map(([what, url]) => `  ${what}: ${url}`),
    ].join('\n'),
  );
}
