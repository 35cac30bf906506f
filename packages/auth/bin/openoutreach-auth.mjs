#!/usr/bin/env node
// Runs the co-op's sign-in broker for Decap CMS: `openoutreach-auth --help`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`The sign-in broker needs Node.js 22.12 or newer, but this is ${process.version}.`);
  process.exit(1);
}
const { runCli } = await import('../dist/cli.js');
const { code } = await runCli(process.argv.slice(2));
if (code) process.exitCode = code;
