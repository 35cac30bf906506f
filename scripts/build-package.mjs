// Builds the package in the current folder for publishing: `npm run build` in packages/<name>.
// TypeScript compiles src/ to dist/ (JavaScript and .d.ts, relative `.ts` imports rewritten to
// `.js`) with the package's tsconfig.build.json; the files TypeScript does not emit (the kit's
// .astro routes, .mjs, hand-written .d.ts, .css) are copied beside them, their relative `.ts`
// imports rewritten the same way. Tests never ship. The new dist/ is made beside the old one and
// swapped in at the end, so a site or test using the package meanwhile never finds it half-built.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const packageDir = process.cwd();
const src = join(packageDir, 'src');
const dist = join(packageDir, 'dist');
const next = join(packageDir, `dist-next-${process.pid}`);
const old = join(packageDir, `dist-old-${process.pid}`);
const name = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).name;

// `npm run release` builds the kit once with turbo and then publishes: each package's prepack
// would otherwise rebuild a dist/ that another package's pack may be reading.
if (process.env.OPENOUTREACH_PREBUILT === '1' && existsSync(join(dist, 'index.js'))) process.exit(0);

rmSync(next, { recursive: true, force: true });

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', next], { cwd: packageDir, stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error(`${name}: TypeScript found the errors above; fix them and build again.`);
  process.exit(1);
}

/** A relative import or `import()` type ending in `.ts` (not `.d.ts`): './x.ts' -> './x.js'. */
const RELATIVE_TS = /(['"])(\.{1,2}\/[^'"\n]*?)(?<!\.d)\.ts\1/g;
const COPIED = ['.astro', '.mjs', '.d.ts', '.css'];
const REWRITTEN = ['.astro', '.d.ts'];
const isTest = (file) => /\.test\.[mc]?[jt]s$/.test(file) || file.includes('__snapshots__');

for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const file = join(entry.parentPath, entry.name);
  if (isTest(file) || !COPIED.some((ending) => entry.name.endsWith(ending))) continue;
  const target = join(next, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  if (REWRITTEN.some((ending) => entry.name.endsWith(ending))) {
    writeFileSync(target, readFileSync(file, 'utf8').replace(RELATIVE_TS, '$1$2.js$1'));
  } else {
    copyFileSync(file, target);
  }
}

rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
