/**
 * What each published package ships, as a member's `npm install` gets it: `npm pack` (which
 * builds dist/ through prepack), then publint and Are the Types Wrong on the tarball, and every
 * export imported by Node from a node_modules folder holding the unpacked tarballs. A package
 * shipping TypeScript source (Node refuses to strip types under node_modules), a test, an export
 * or bin pointing at a file not in the tarball, or types that do not resolve fails here. publint
 * and attw alone pass a package whose exports are TypeScript source.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repository = join(dirname(fileURLToPath(import.meta.url)), '..');
const PUBLISHED = ['core', 'markdown', 'astro', 'cms', 'check', 'auth', 'import-drupal', 'fleet'];
const packs = mkdtempSync(join(tmpdir(), 'openoutreach-packs-'));
afterAll(() => rmSync(packs, { recursive: true, force: true }));

interface Manifest {
  name: string;
  files?: string[];
  scripts?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
}
interface Packed {
  filename: string;
  files: { path: string }[];
}

/** A command's output, or its output and exit code as the error when it fails. */
async function output(command: string, args: string[], cwd: string): Promise<{ ok: boolean; text: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { ok: true, text: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, text: `${message}\n${stdout}${stderr}` };
  }
}

// One pack per package, shared by the tests below; packed one after another, since each
// package's prepack builds it and the integration's build reads the others' types.
const packed = new Map<string, { manifest: Manifest; tarball: string; files: string[] }>();
const packing = (async () => {
  for (const name of PUBLISHED) {
    const dir = join(repository, 'packages', name);
    const result = await output('npm', ['pack', '--json', '--pack-destination', packs], dir);
    if (!result.ok) throw new Error(`npm pack failed in packages/${name}:\n${result.text}`);
    const [info] = JSON.parse(result.text.slice(result.text.search(/^\[/m), result.text.search(/^\]/m) + 1)) as Packed[];
    packed.set(name, {
      manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest,
      tarball: join(packs, info!.filename),
      files: info!.files.map((file) => file.path),
    });
  }
})();

/** Exports that import Astro's virtual modules (`astro:content`): only Vite, in a site, loads them. */
const VITE_ONLY = ['@openoutreach/astro/runtime'];

/**
 * A folder whose node_modules holds the unpacked tarballs as real folders, as a member's install
 * does, and the repository's other dependencies (linked, to resolve theirs).
 */
const installed = (async () => {
  await packing;
  const site = join(packs, 'site');
  const modules = join(site, 'node_modules');
  mkdirSync(join(modules, '@openoutreach'), { recursive: true });
  for (const entry of readdirSync(join(repository, 'node_modules'))) {
    if (entry !== '@openoutreach') symlinkSync(join(repository, 'node_modules', entry), join(modules, entry));
  }
  for (const [name, { tarball }] of packed) {
    const dir = join(modules, '@openoutreach', name);
    mkdirSync(dir);
    const result = await output('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], site);
    if (!result.ok) throw new Error(`could not unpack ${tarball}:\n${result.text}`);
  }
  return site;
})();

/** Every file an export or bin names (a `*` pattern: its folder must ship). */
function targets(manifest: Manifest): string[] {
  const named = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  return [...named, ...Object.values(manifest.bin ?? {})].map((path) => path.replace(/^\.\//, ''));
}

describe.each(PUBLISHED)('the published package %s', (name) => {
  const get = async () => {
    await packing;
    return packed.get(name)!;
  };

  it('builds on pack and ships dist/ (JavaScript and .d.ts), its bins, README and CHANGELOG, nothing else', { timeout: 180_000 }, async () => {
    const { manifest, files } = await get();
    expect(manifest.scripts?.prepack).toBe('npm run build');
    expect(manifest.files).toEqual(manifest.bin ? ['dist', 'bin', 'CHANGELOG.md'] : ['dist', 'CHANGELOG.md']);
    const source = files.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file) && !/\.d\.ts$/.test(file));
    const tests = files.filter((file) => /\.test\.|__snapshots__|(^|\/)test\//.test(file));
    const outside = files.filter((file) => !/^(dist\/|bin\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE)/.test(file));
    expect({ source, tests, outside }).toEqual({ source: [], tests: [], outside: [] });
    for (const target of targets(manifest)) {
      const present = target.includes('*') ? files.some((file) => file.startsWith(target.slice(0, target.indexOf('*')))) : files.includes(target);
      expect(present, `${manifest.name}: "${target}" (named in exports or bin) is not in the package`).toBe(true);
    }
  });

  it('passes publint with no error, warning or suggestion', { timeout: 180_000 }, async () => {
    const { tarball } = await get();
    const result = await output('npx', ['publint', 'run', tarball, '--strict', '--level', 'suggestion'], repository);
    expect(result.ok, result.text).toBe(true);
    expect(result.text).toContain('All good!');
  });

  it('loads in Node from node_modules: every export, and its bin', { timeout: 180_000 }, async () => {
    const { manifest } = await get();
    const site = await installed;
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const specifier = manifest.name + subpath.slice(1);
      if (typeof target === 'string' || !target.default || VITE_ONLY.includes(specifier)) continue;
      const result = await output(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(specifier)})`], site);
      expect(result.ok, `${specifier} does not load in Node:\n${result.text}`).toBe(true);
    }
    // The co-op's and members' command-line tools start and print their usage.
    const tool = { '@openoutreach/check': 'openoutreach-check', '@openoutreach/fleet': 'openoutreach-fleet' }[manifest.name];
    if (tool) {
      const result = await output(process.execPath, [join(site, 'node_modules', manifest.name, 'bin', `${tool}.mjs`), '--help'], site);
      expect(result.ok, result.text).toBe(true);
      expect(result.text).toContain(`Usage: ${tool}`);
    }
  });

  it('has types that resolve for ESM consumers (attw, esm-only profile)', { timeout: 180_000 }, async () => {
    const { tarball } = await get();
    const result = await output('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'json'], repository);
    const report = JSON.parse(result.text.slice(result.text.indexOf('{'))) as { analysis: { problems: { resolutionKind?: string }[] } };
    // The esm-only profile leaves out CommonJS and node10 resolution (the kit is ESM only, Node >= 22.12).
    const problems = report.analysis.problems.filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''));
    expect(problems).toEqual([]);
    expect(result.ok, result.text).toBe(true);
  });
});
