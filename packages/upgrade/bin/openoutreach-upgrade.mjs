#!/usr/bin/env node
// Moves a member site to a newer kit: `npx @openoutreach/upgrade@latest [--to <version>] [--dry-run]`.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Open Outreach needs Node.js 22.12 or newer, but this is ${process.version}. Install Node.js 24 from https://nodejs.org and run the command again.`,
  );
  process.exit(1);
}
const { upgrade } = await import('../src/upgrade.mjs');
try {
  process.exitCode = await upgrade(process.argv.slice(2));
} catch (error) {
  // A fault of the upgrade itself: one line, and where to report it, rather than a stack trace.
  console.error(
    `The upgrade stopped on an unexpected error: ${error instanceof Error ? error.message : error}\n  Fix: this is a fault of @openoutreach/upgrade; report it to the co-op with this message. Nothing is committed; \`git status\` shows what changed.`,
  );
  process.exitCode = 1;
}
