// @ts-check
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { targetPath, templateFiles } from '../template.mjs';

/**
 * Copies the template's files (not its node_modules, dist or .astro) into the new folder.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'projectDir' | 'template' | 'dryRun' | 'log'>} ctx
 */
export function copyTemplate({ cwd, projectDir, template, dryRun, log }) {
  const files = templateFiles(template.dir);
  const shown = relative(cwd, projectDir) || '.';
  if (dryRun) {
    log(`Would copy ${files.length} files of the starter into ${shown}/.`);
    return;
  }
  for (const file of files) {
    const target = join(projectDir, targetPath(file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(template.dir, file), target);
  }
  log(`Copied ${files.length} files of the starter into ${shown}/.`);
}
