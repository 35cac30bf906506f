#!/usr/bin/env node
// Creates a member site: `npm create openoutreach@latest my-group-site -- --name "Group name"`.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Open Outreach needs Node.js 22.12 or newer, but this is ${process.version}. Install Node.js 24 from https://nodejs.org and run the command again.`,
  );
  process.exit(1);
}
const { create } = await import('../src/create.mjs');
process.exitCode = await create(process.argv.slice(2));
