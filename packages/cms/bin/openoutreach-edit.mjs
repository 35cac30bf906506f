#!/usr/bin/env node
// Starts local editing for the site in the current folder: `npm run edit`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Open Outreach needs Node.js 22.12 or newer, but this is ${process.version}. Use "npm run edit" (it brings the right Node), or install Node 24.`,
  );
  process.exit(1);
}
const { edit } = await import('../dist/edit/cli.mjs');
process.exitCode = await edit({ siteDir: process.cwd() });
