import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { childEnvironment, lastWords, runCommand } from './command.ts';
import { FleetError } from './fleet-error.ts';

const KIT_SCOPE = '@openoutreach/';

/** The kit a run checks the sites against. */
export type Candidate =
  | {
      kind: 'workspace';
      /** The workspace folder (absolute). */
      folder: string;
      /** Each packed kit package: its name, the tarball (absolute) and the names of the kit packages it depends on. */
      packages: Map<string, { tarball: string; kitDependencies: string[] }>;
      /** What the cache keys on: the tarballs' content hashes. */
      identity: string;
      label: string;
    }
  | { kind: 'version'; version: string; registry?: string; identity: string; label: string };

const VERSION = /^\d+\.\d+\.\d+(-[0-9a-z.-]+)?(\+[0-9a-z.-]+)?$/i;

/** The kit packages a workspace holds: `packages/*` and `themes/*` named `@openoutreach/…`, not private. */
function workspacePackages(folder: string): { dir: string; name: string; kitDependencies: string[] }[] {
  const found = [];
  for (const group of ['packages', 'themes']) {
    const groupDir = join(folder, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      const manifestFile = join(groupDir, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifestFile)) continue;
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
        name?: string;
        private?: boolean;
        dependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
      };
      if (!manifest.name?.startsWith(KIT_SCOPE) || manifest.private) continue;
      const kitDependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter((name) => name.startsWith(KIT_SCOPE));
      found.push({ dir: join(group, entry.name), name: manifest.name, kitDependencies });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Makes the candidate ready: a workspace folder is packed (`npm pack` of each kit package, which
 * builds it) into `<workDir>/candidate/`; a version is taken as it is, installed later from the
 * registry. Throws a FleetError when it is neither, or the packing fails.
 */
export async function prepareCandidate(
  spec: string,
  { workDir, registry, log }: { workDir: string; registry?: string; log: (line: string) => void },
): Promise<Candidate> {
  const folder = resolve(spec);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    const kit = workspacePackages(folder);
    if (!kit.length) {
      throw new FleetError(
        `--candidate ${spec}: the folder holds no kit package (packages/*/package.json or themes/*/package.json named ${KIT_SCOPE}…): name the kit's workspace folder, or give a version such as 0.2.0.`,
      );
    }
    const out = join(workDir, 'candidate');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    log(`Packing the candidate in ${folder}: ${kit.map((entry) => entry.name).join(', ')}…`);
    const packed = await runCommand('npm', ['pack', '--json', '--pack-destination', out, ...kit.flatMap((entry) => ['-w', entry.dir])], {
      cwd: folder,
      env: childEnvironment(),
    });
    if (packed.code !== 0)
      throw new FleetError(
        `--candidate ${spec}: \`npm pack\` failed in ${folder}: ${lastWords(packed.output)} — fix the workspace's build (\`npm run build:packages\` there) and run again.`,
      );
    const files = readdirSync(out).filter((file) => file.endsWith('.tgz'));
    const packages = new Map<string, { tarball: string; kitDependencies: string[] }>();
    const hash = createHash('sha256');
    for (const entry of kit) {
      const prefix = entry.name.replace(/^@/, '').replace('/', '-') + '-';
      const file = files.find((name) => name.startsWith(prefix) && /^\d/.test(name.slice(prefix.length)));
      if (!file)
        throw new FleetError(
          `--candidate ${spec}: \`npm pack\` wrote no tarball for ${entry.name} into ${out}; run \`npm pack -w ${entry.dir}\` in ${folder} to see why.`,
        );
      const tarball = join(out, file);
      packages.set(entry.name, { tarball, kitDependencies: entry.kitDependencies });
      hash.update(`${file}\0${createHash('sha256').update(readFileSync(tarball)).digest('hex')}\n`);
    }
    return { kind: 'workspace', folder, packages, identity: `workspace ${hash.digest('hex')}`, label: `workspace ${folder}` };
  }
  if (VERSION.test(spec)) {
    return {
      kind: 'version',
      version: spec,
      ...(registry ? { registry } : {}),
      identity: `version ${spec}`,
      label: `${spec}${registry ? ` from ${registry}` : ''}`,
    };
  }
  throw new FleetError(
    `--candidate ${spec}: there is no such folder, and it is not a version: give the kit's workspace folder (e.g. ../openoutreach) or a published version (e.g. 0.2.0, with --registry for the co-op's registry).`,
  );
}

/** The kit packages a site's lockfile installs (at any depth), by name. */
export function lockedKitPackages(lock: { packages?: Record<string, unknown> }): string[] {
  const names = new Set<string>();
  for (const key of Object.keys(lock.packages ?? {})) {
    const match = /(?:^|\/)node_modules\/(@openoutreach\/[^/]+)$/.exec(key);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

/**
 * What `npm install` is given to put the candidate over a site's locked install: a version of
 * each kit package the site has, or the tarball of each (and of the kit packages those depend
 * on, so a package new in the candidate comes from it too).
 */
export function candidateInstallSpecs(candidate: Candidate, kitPackages: string[]): string[] {
  if (candidate.kind === 'version') return kitPackages.map((name) => `${name}@${candidate.version}`);
  const wanted = new Set<string>();
  const add = (name: string) => {
    const entry = candidate.packages.get(name);
    if (!entry || wanted.has(name)) return;
    wanted.add(name);
    entry.kitDependencies.forEach(add);
  };
  kitPackages.forEach(add);
  return [...wanted].sort().map((name) => candidate.packages.get(name)!.tarball);
}
