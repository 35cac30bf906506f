// Checks how the kit's parts import each other:
// - no import cycle among the source modules of packages/*/src and themes/*/src (relative imports
//   and imports of a workspace package, resolved through its package.json "exports");
// - no cycle among the workspace packages' dependencies and peerDependencies;
// - a theme imports nothing of the integration (@openoutreach/astro) but the types of
//   @openoutreach/astro/contract, so a theme needs the contract only.
//
//   npm run check:imports        prints every finding; exits 1 if there is one
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImports } from './find-imports.mjs';

const SOURCE = /\.(ts|mts|mjs|js|astro)$/;
const INTEGRATION = '@openoutreach/astro';
const CONTRACT = '@openoutreach/astro/contract';

/** The workspace packages named by the root package.json "workspaces", by name. */
export function workspacePackages(root) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const packages = new Map();
  for (const pattern of workspaces) {
    const dirs = pattern.endsWith('/*') ? subfolders(join(root, pattern.slice(0, -2))) : [join(root, pattern)];
    for (const dir of dirs) {
      if (!existsSync(join(dir, 'package.json'))) continue;
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      packages.set(manifest.name, { name: manifest.name, dir, manifest });
    }
  }
  return packages;
}

const subfolders = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .map((name) => join(dir, name))
        .filter((path) => statSync(path).isDirectory())
    : [];

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => SOURCE.test(path) && !path.split(sep).includes('node_modules') && statSync(path).isFile());
}

/** The file a workspace package's subpath ("." or "./runtime") names through its "exports". */
function exportedFile(pkg, subpath) {
  const { exports, main } = pkg.manifest;
  const target = (value) => (typeof value === 'string' ? value : value && (value.import ?? value.default ?? value.types));
  if (!exports) return subpath === '.' ? join(pkg.dir, main ?? 'index.js') : join(pkg.dir, subpath);
  const map = typeof exports === 'string' || !Object.keys(exports).some((key) => key.startsWith('.')) ? { '.': exports } : exports;
  if (map[subpath]) return join(pkg.dir, target(map[subpath]));
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star === -1 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue;
    const matched = subpath.slice(star, subpath.length - (key.length - star - 1));
    return join(pkg.dir, target(value).replace('*', matched));
  }
  return null;
}

/** The source file an import names, or null when it is outside the workspace (npm, virtual:, astro:…). */
function resolveImport(specifier, from, packages) {
  const bare = specifier.replace(/[?#].*$/, '');
  let path = null;
  if (bare.startsWith('.')) path = join(dirname(from), bare);
  else {
    const name = bare.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : bare.split('/')[0];
    const pkg = packages.get(name);
    if (!pkg) return null;
    path = exportedFile(pkg, `.${bare.slice(name.length)}`);
  }
  if (!path) return null;
  // TypeScript lets `./x.js` name x.ts; an import without extension may name x.ts or x/index.ts.
  const candidates = [path, path.replace(/\.js$/, '.ts'), ...['.ts', '.mjs', '.js', '.astro', '/index.ts', '/index.mjs', '/index.js'].map((ext) => path + ext)];
  return candidates.find((candidate) => SOURCE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** The strongly connected components with more than one member (or a member importing itself). */
export function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Every finding, as lines a person can read and a test can list.
 * @returns {{ moduleCycles: string[], packageCycles: string[], themeImports: string[], errors: string[], scanned: number }}
 */
export function checkImports(root) {
  const packages = workspacePackages(root);
  const rel = (path) => relative(root, path).split(sep).join('/');
  const kit = [...packages.values()].filter((pkg) => /^(packages|themes)\//.test(rel(pkg.dir)));
  const modules = new Map();
  const themeImports = [];
  const errors = [];
  for (const pkg of kit) {
    for (const file of sourceFiles(join(pkg.dir, 'src'))) {
      const { imports, errors: problems } = findImports(file, readFileSync(file, 'utf8'));
      errors.push(...problems.map((problem) => problem.replace(file, rel(file))));
      const targets = new Set();
      for (const { specifier, typeOnly, line } of imports) {
        const target = resolveImport(specifier, file, packages);
        if (target) targets.add(rel(target));
        if (!rel(file).startsWith('themes/')) continue;
        const integration = packages.get(INTEGRATION);
        const intoIntegration =
          specifier === INTEGRATION ||
          specifier.startsWith(`${INTEGRATION}/`) ||
          (integration && target && !relative(integration.dir, target).startsWith('..'));
        if (!intoIntegration) continue;
        if (specifier !== CONTRACT) themeImports.push(`${rel(file)} imports ${specifier} (line ${line})`);
        else if (!typeOnly) themeImports.push(`${rel(file)} imports ${specifier} as values, not only types (line ${line})`);
      }
      modules.set(rel(file), targets);
    }
  }
  const packageGraph = new Map(
    [...packages.values()].map((pkg) => {
      const { dependencies = {}, peerDependencies = {}, optionalDependencies = {} } = pkg.manifest;
      const names = Object.keys({ ...dependencies, ...peerDependencies, ...optionalDependencies }).filter((name) => packages.has(name));
      return [pkg.name, new Set(names)];
    }),
  );
  return {
    moduleCycles: cycles(modules).map((component) => component.join(' ↔ ')),
    packageCycles: cycles(packageGraph).map((component) => component.join(' ↔ ')),
    // Without line numbers: a test lists these, and an edit above an import must not change them.
    themeImports: themeImports.sort(),
    errors,
    scanned: modules.size,
  };
}

/** Findings without line numbers, for a list kept in a test. */
export const withoutLine = (finding) => finding.replace(/ \(line \d+\)$/, '');

function main() {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
  const { moduleCycles, packageCycles, themeImports, errors } = checkImports(root);
  const sections = [
    ['Import cycles among source modules', moduleCycles],
    ['Dependency cycles among workspace packages', packageCycles],
    [`Theme files importing the integration beyond the types of ${CONTRACT}`, themeImports],
    ['Files that could not be parsed', errors],
  ];
  let count = 0;
  for (const [title, findings] of sections) {
    if (!findings.length) continue;
    count += findings.length;
    console.log(`${title} (${findings.length}):`);
    for (const finding of findings) console.log(`  ${finding}`);
  }
  console.log(count ? `\n${count} finding${count === 1 ? '' : 's'}.` : 'Imports: no cycles, and themes import only the contract.');
  process.exitCode = count ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
