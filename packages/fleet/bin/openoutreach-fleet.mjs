#!/usr/bin/env node
// Starts the co-op's fleet tool: `openoutreach-fleet check fleet.yaml --candidate ../kit`. Runs the
// compiled package (dist/), so Node never strips types from node_modules; in the repository,
// `npm run build` makes dist/.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `openoutreach-fleet needs Node.js 22.12 or newer, but this is ${process.version}: install Node.js 24 from https://nodejs.org and run it again.`,
  );
  process.exit(2);
}
const { runCli } = await import('../dist/cli.js');
process.exitCode = await runCli(process.argv.slice(2));
