import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidateIdentity, candidateInstallSpecs, lockedKitPackages, type Candidate } from './candidate.ts';
import { childEnvironment, lastWords, runCommand, type CommandResult } from './command.ts';
import { SiteError } from './fleet-error.ts';

export interface InstallOptions {
  /** The run's work folder: shared installs go to `<workDir>/installs/<key>`. */
  workDir: string;
  /** The registry npm installs from, when not the one npm is configured with. */
  registry?: string;
}

/** The files an install depends on; sites whose files are byte for byte the same share one install. */
const INSTALL_FILES = ['package.json', 'package-lock.json', '.npmrc'];
const DONE = '.openoutreach-fleet-installed';

/** Installs in progress in this process, by key: two sites with the same lockfile wait for one install. */
const inProgress = new Map<string, Promise<string>>();

/** A short hash of the site's package.json, package-lock.json and .npmrc. */
export function installKey(siteDir: string): string {
  if (!existsSync(join(siteDir, 'package-lock.json'))) {
    throw new SiteError(`${siteDir} has no package-lock.json: run \`npm install\` in the site and commit package-lock.json, so its kit versions are pinned.`);
  }
  const hash = createHash('sha256');
  for (const file of INSTALL_FILES) hash.update(`${file}\0${existsSync(join(siteDir, file)) ? readFileSync(join(siteDir, file)) : ''}\0`);
  return hash.digest('hex').slice(0, 20);
}

/**
 * Gives the site the install for `key`, making it first if no site of this run or an earlier
 * one in the same work folder did: `make` runs in `<workDir>/installs/<key>` (holding the site's
 * install files), and the site's node_modules becomes a hard-linked copy of the result.
 */
export async function sharedInstall(siteDir: string, key: string, workDir: string, make: (dir: string) => Promise<void>): Promise<void> {
  const dir = join(workDir, 'installs', key);
  let ready = inProgress.get(key);
  if (!ready) {
    ready = (async () => {
      if (existsSync(join(dir, DONE))) return dir;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const file of INSTALL_FILES) if (existsSync(join(siteDir, file))) copyFileSync(join(siteDir, file), join(dir, file));
      await make(dir);
      writeFileSync(join(dir, DONE), `${new Date().toISOString()}\n`);
      return dir;
    })();
    inProgress.set(key, ready);
    ready.catch(() => inProgress.delete(key));
  }
  await linkInstall(await ready, siteDir);
}

/**
 * Replaces the site's node_modules with a hard-linked copy of the shared one (`cp -al`), or a
 * plain copy where links cannot be made. The site's optimised images (Astro's
 * `node_modules/.astro/assets/`, named after each image and its transform) are kept, so the
 * candidate's build does not encode again what the locked build encoded; the rest of that folder
 * (the kit's caches, keyed on its version, which a candidate from a workspace shares) is not.
 */
async function linkInstall(installDir: string, siteDir: string): Promise<void> {
  const target = join(siteDir, 'node_modules');
  const images = join(target, '.astro', 'assets');
  const keptImages = join(siteDir, '.openoutreach-fleet-images');
  rmSync(keptImages, { recursive: true, force: true });
  if (existsSync(images)) renameSync(images, keptImages);
  rmSync(target, { recursive: true, force: true });
  const linked = await runCommand('cp', ['-al', join(installDir, 'node_modules'), target], { cwd: siteDir });
  if (linked.code !== 0) {
    rmSync(target, { recursive: true, force: true });
    cpSync(join(installDir, 'node_modules'), target, { recursive: true, verbatimSymlinks: true });
  }
  if (existsSync(keptImages)) {
    mkdirSync(join(target, '.astro'), { recursive: true });
    renameSync(keptImages, images);
  }
}

async function npm(args: string[], dir: string, doing: string, registry: string | undefined): Promise<CommandResult> {
  const result = await runCommand('npm', [...args, '--no-audit', '--no-fund', ...(registry ? ['--registry', registry] : [])], {
    cwd: dir,
    env: childEnvironment(),
  });
  if (result.code !== 0) throw new SiteError(`${doing} failed: ${lastWords(result.output)}`, result.output);
  return result;
}

/** npm's refusal of a lockfile that misses an entry package.json needs (e.g. an optional dependency the registry lacks). */
const OUT_OF_SYNC = /can only install packages when your package\.json and package-lock\.json[\s\S]*are in sync/;

/** The kit packages the site's lockfile installs. Throws a SiteError when it has no lockfile. */
export function siteKitPackages(siteDir: string): string[] {
  installKey(siteDir);
  try {
    return lockedKitPackages(JSON.parse(readFileSync(join(siteDir, 'package-lock.json'), 'utf8')) as { packages?: Record<string, unknown> });
  } catch (error) {
    throw new SiteError(
      `${siteDir}/package-lock.json is not valid JSON (${(error as Error).message}): run \`npm install\` in the site and commit the lockfile it writes.`,
    );
  }
}

/**
 * Installs exactly what the site's lockfile pins (`npm ci`; `npm install --no-save` from the same
 * lockfile when npm ci finds it out of sync), shared by every site with the same install files.
 * Throws a SiteError.
 */
export async function installLocked(siteDir: string, { workDir, registry }: InstallOptions): Promise<void> {
  const key = `locked-${installKey(siteDir)}`;
  await sharedInstall(siteDir, key, workDir, async (dir) => {
    try {
      await npm(['ci', '--prefer-offline'], dir, '`npm ci` (the site’s locked versions)', registry);
    } catch (error) {
      if (!(error instanceof SiteError && OUT_OF_SYNC.test(error.log ?? ''))) throw error;
      // `npm install` starts from the same lockfile and only adds what it lacks: the locked
      // versions still, where `npm ci` refuses the whole install.
      const result = await npm(['install', '--no-save', '--prefer-offline'], dir, '`npm install` (the site’s locked versions)', registry);
      writeFileSync(
        join(dir, 'install-note.txt'),
        `npm ci refused the lockfile (out of sync with package.json); installed with npm install --no-save.\n\n${error.log}\n\n${result.output}`,
      );
    }
  });
}

/**
 * Installs the candidate over the site's locked install: every kit package the lockfile has is
 * replaced by the candidate's (its tarball, or its version from the registry); the rest stays
 * as locked. Shared by every site with the same install files. Throws a SiteError.
 */
export async function installCandidate(siteDir: string, candidate: Candidate, { workDir, registry }: InstallOptions): Promise<void> {
  const lockedKey = installKey(siteDir);
  const kitPackages = siteKitPackages(siteDir);
  const key = `candidate-${createHash('sha256')
    .update(`${lockedKey}\0${candidateIdentity(candidate, kitPackages)}`)
    .digest('hex')
    .slice(0, 20)}`;
  const specs = candidateInstallSpecs(candidate, kitPackages);
  if (!specs.length)
    throw new SiteError(
      `${siteDir}/package-lock.json installs no @openoutreach/ package, so there is nothing of the candidate to try: is it an Open Outreach site?`,
    );
  await sharedInstall(siteDir, key, workDir, async (dir) => {
    await npm(
      ['install', ...specs],
      dir,
      `Installing the candidate (${candidate.label})`,
      registry ?? (candidate.kind === 'version' ? candidate.registry : undefined),
    );
  });
}
