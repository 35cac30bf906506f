import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
      /** Each packed kit package: its name, the tarball (absolute), its content hash and the names of the kit packages it depends on. */
      packages: Map<string, { tarball: string; kitDependencies: string[]; hash: string }>;
      label: string;
    }
  | { kind: 'version'; version: string; registry?: string; label: string };

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

const PACKED = '.openoutreach-fleet-packed';
/** What the build leaves in a package folder, and what never ships: not part of its sources. */
const NOT_SOURCE = /^(node_modules|dist|dist-.*|\.turbo|\.astro|coverage|.*\.tgz)$/;

/** A hash of every source file of the given package folders (paths and contents) and of the workspace's build setup, for reusing their tarballs. */
function sourceHash(folder: string, dirs: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(folder, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (NOT_SOURCE.test(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        hash.update(
          `${path}\0${createHash('sha256')
            .update(readFileSync(join(folder, path)))
            .digest('hex')}\n`,
        );
    }
  };
  for (const dir of [...dirs].sort()) walk(dir);
  // What the packages are built with: the workspace's pinned tools and shared build settings.
  for (const file of ['package-lock.json', 'tsconfig.base.json', 'scripts/build-package.mjs']) {
    if (existsSync(join(folder, file)))
      hash.update(
        `${file}\0${createHash('sha256')
          .update(readFileSync(join(folder, file)))
          .digest('hex')}\n`,
      );
  }
  return hash.digest('hex').slice(0, 20);
}

/** The names in `wanted` and the kit packages they depend on, in the workspace, recursively. */
function withDependencies(kit: { name: string; kitDependencies: string[] }[], wanted: readonly string[]): Set<string> {
  const byName = new Map(kit.map((entry) => [entry.name, entry]));
  const closure = new Set<string>();
  const add = (name: string) => {
    const entry = byName.get(name);
    if (!entry || closure.has(name)) return;
    closure.add(name);
    entry.kitDependencies.forEach(add);
  };
  wanted.forEach(add);
  return closure;
}

export interface PrepareOptions {
  workDir: string;
  registry?: string;
  /** The kit packages the sites install (from their lockfiles): only these, and what they need, are packed. Every kit package when omitted. */
  needed?: readonly string[];
  log: (line: string) => void;
}

/**
 * Makes the candidate ready: from a workspace folder, the kit packages the sites need are packed
 * (`npm pack`, which builds each) into `<workDir>/candidate/`; a version is taken as it is,
 * installed later from the registry. Throws a FleetError when it is neither, or packing fails.
 */
export async function prepareCandidate(spec: string, { workDir, registry, needed, log }: PrepareOptions): Promise<Candidate> {
  const folder = resolve(spec);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    const all = workspacePackages(folder);
    if (!all.length) {
      throw new FleetError(
        `--candidate ${spec}: the folder holds no kit package (packages/*/package.json or themes/*/package.json named ${KIT_SCOPE}…): name the kit's workspace folder, or give a version such as 0.2.0.`,
      );
    }
    const packed = needed ? withDependencies(all, needed) : new Set(all.map((entry) => entry.name));
    const kit = all.filter((entry) => packed.has(entry.name));
    if (!kit.length) {
      throw new FleetError(
        `--candidate ${spec}: the workspace has none of the kit packages the sites install (${needed!.join(', ')}): is it the right workspace?`,
      );
    }
    // Packing builds every package (tens of seconds): the tarballs of the same sources are reused.
    const out = join(
      workDir,
      'candidate',
      sourceHash(
        folder,
        kit.map((entry) => entry.dir),
      ),
    );
    if (existsSync(join(out, PACKED))) {
      log(`The candidate's packages are unchanged since an earlier run: reusing ${out}.`);
    } else {
      rmSync(join(workDir, 'candidate'), { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      log(`Packing the candidate in ${folder}: ${kit.map((entry) => entry.name).join(', ')}…`);
      const packing = await runCommand('npm', ['pack', '--json', '--pack-destination', out, ...kit.flatMap((entry) => ['-w', entry.dir])], {
        cwd: folder,
        env: childEnvironment(),
      });
      if (packing.code !== 0) {
        throw new FleetError(
          `--candidate ${spec}: \`npm pack\` failed in ${folder}: ${lastWords(packing.output)} — fix the workspace's build (\`npm run build:packages\` there) and run again.`,
        );
      }
      writeFileSync(join(out, PACKED), `${new Date().toISOString()}\n`);
    }
    const files = readdirSync(out).filter((file) => file.endsWith('.tgz'));
    const packages = new Map<string, { tarball: string; kitDependencies: string[]; hash: string }>();
    for (const entry of kit) {
      const prefix = entry.name.replace(/^@/, '').replace('/', '-') + '-';
      const file = files.find((name) => name.startsWith(prefix) && /^\d/.test(name.slice(prefix.length)));
      if (!file)
        throw new FleetError(
          `--candidate ${spec}: \`npm pack\` wrote no tarball for ${entry.name} into ${out}; run \`npm pack -w ${entry.dir}\` in ${folder} to see why.`,
        );
      const tarball = join(out, file);
      packages.set(entry.name, { tarball, kitDependencies: entry.kitDependencies, hash: createHash('sha256').update(readFileSync(tarball)).digest('hex') });
    }
    return { kind: 'workspace', folder, packages, label: candidateLabel(spec) };
  }
  if (VERSION.test(spec)) {
    return {
      kind: 'version',
      version: spec,
      ...(registry ? { registry } : {}),
      label: candidateLabel(spec, registry),
    };
  }
  throw new FleetError(
    `--candidate ${spec}: there is no such folder, and it is not a version: give the kit's workspace folder (e.g. ../openoutreach) or a published version (e.g. 0.2.0, with --registry for the co-op's registry).`,
  );
}

/** How the report names the candidate: `workspace <folder>`, or the version and its registry. */
export function candidateLabel(spec: string, registry?: string): string {
  const folder = resolve(spec);
  return existsSync(folder) && statSync(folder).isDirectory() ? `workspace ${folder}` : `${spec}${registry ? ` from ${registry}` : ''}`;
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
export function candidateInstallSpecs(candidate: Candidate, kitPackages: readonly string[]): string[] {
  if (candidate.kind === 'version') return kitPackages.map((name) => `${name}@${candidate.version}`);
  return [...candidatePackagesFor(candidate, kitPackages)].map((name) => candidate.packages.get(name)!.tarball);
}

/** The packed packages a site with these kit packages installs, sorted. */
function candidatePackagesFor(candidate: Extract<Candidate, { kind: 'workspace' }>, kitPackages: readonly string[]): string[] {
  const kit = [...candidate.packages].map(([name, entry]) => ({ name, kitDependencies: entry.kitDependencies }));
  return [...withDependencies(kit, kitPackages)].sort();
}

/**
 * What a site's result depends on of the candidate, for the cache: the version, or the content
 * hashes of the tarballs the site installs (a change to a package it does not use keeps its result).
 */
export function candidateIdentity(candidate: Candidate, kitPackages: readonly string[]): string {
  if (candidate.kind === 'version') return `version ${candidate.version}`;
  const hash = createHash('sha256');
  for (const name of candidatePackagesFor(candidate, kitPackages)) hash.update(`${name}\0${candidate.packages.get(name)!.hash}\n`);
  return `workspace ${hash.digest('hex')}`;
}
