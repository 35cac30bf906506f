import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { childEnvironment, lastWords, runCommand } from './command.ts';
import { SiteError } from './fleet-error.ts';
import type { FleetSite } from './fleet-file.ts';

export interface Checkout {
  /** The site's working copy: `<work>/sites/<name>`. */
  dir: string;
  /** The commit checked out (40 hex digits). */
  commit: string;
}

/** A remote address git can clone shallowly (a local path cannot be: git ignores --depth there). */
const isRemote = (source: string) => /^([a-z][a-z0-9+.-]*:\/\/|[^/\s]+@[^/\s]+:)/i.test(source) && !source.startsWith('file://');

/**
 * Clones the site into `<workDir>/sites/<name>`, or fetches into the clone a previous run left,
 * and checks out the branch's newest commit with nothing else in the folder (no build output,
 * no edits; `node_modules` is kept for the install to replace). A `path:` site is cloned from
 * its folder, so only what is committed there is checked. Throws a SiteError.
 */
export async function checkoutSite(site: FleetSite, workDir: string): Promise<Checkout> {
  const source = site.git ?? site.path!;
  const dir = join(workDir, 'sites', site.name);
  const env = childEnvironment({ GIT_TERMINAL_PROMPT: '0' });
  const git = async (args: string[], cwd: string, doing: string) => {
    const result = await runCommand('git', args, { cwd, env });
    if (result.code !== 0) throw new SiteError(`${doing} failed: ${lastWords(result.output)}`, result.output);
    return result.output.trim();
  };
  const shallow = isRemote(source) ? ['--depth', '1'] : [];
  if (!existsSync(join(dir, '.git'))) {
    mkdirSync(join(workDir, 'sites'), { recursive: true });
    await git(['clone', '--quiet', '--no-tags', ...shallow, ...(site.branch ? ['--branch', site.branch] : []), source, dir], workDir, `Cloning ${source}`);
  } else {
    await git(['remote', 'set-url', 'origin', source], dir, `Pointing ${dir} at ${source}`);
    await git(
      ['fetch', '--quiet', '--no-tags', ...shallow, 'origin', site.branch ?? 'HEAD'],
      dir,
      `Fetching ${site.branch ?? 'the default branch'} of ${source}`,
    );
    await git(['checkout', '--quiet', '--force', '--detach', 'FETCH_HEAD'], dir, `Checking out ${source}`);
  }
  await git(['clean', '-ffdqx', '--exclude=/node_modules'], dir, `Cleaning ${dir}`);
  const commit = await git(['rev-parse', 'HEAD'], dir, `Reading the commit of ${dir}`);
  return { dir, commit };
}
