// @ts-check
import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { CreateError } from '../create-error.mjs';

/** What may already be in the folder: an empty cloned repository, and files an OS leaves. */
const HARMLESS = new Set(['.git', '.DS_Store', 'Thumbs.db']);

/**
 * Refuses a target that is a file or a folder with something in it, so that nothing of the
 * person's is overwritten.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'projectDir'>} ctx
 */
export function checkTarget({ cwd, projectDir }) {
  const shown = relative(cwd, projectDir) || '.';
  if (!existsSync(projectDir)) return;
  if (!statSync(projectDir).isDirectory()) {
    throw new CreateError(`${shown} is a file, not a folder. Nothing was written.\n  Fix: choose another name for the site's folder.`, { exitCode: 2 });
  }
  const entries = readdirSync(projectDir).filter((entry) => !HARMLESS.has(entry));
  if (entries.length) {
    const listed = entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, and ${entries.length - 5} more` : '');
    throw new CreateError(
      `The folder ${shown} already exists and is not empty (it holds ${listed}). Nothing was written.\n  Fix: choose a new folder, e.g. ${shown === '.' ? 'my-group-site' : `${shown}-2`}, or move those files out of ${shown} first.`,
      { exitCode: 2 },
    );
  }
}
