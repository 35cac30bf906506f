#!/usr/bin/env node
// Starts the TypeScript CLI, which Node runs by stripping its types: by default from Node 22.18
// and 23.6, behind --experimental-strip-types from 22.6. Node strips types only outside
// node_modules; workspace packages are symlinked from outside it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `openoutreach-check needs Node.js 22.12 or newer, but this is ${process.version}: install Node.js 24 from https://nodejs.org and run it again.`,
  );
  process.exit(2);
}
if (!process.features.typescript) {
  const flags = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 2);
}
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
