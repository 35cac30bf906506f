// Stops with one line when npm runs a script on a Node.js older than Astro 7 needs. The root
// devDependency on `node` puts Node 24 first on npm's PATH; calling a binary from
// node_modules/.bin directly from a shell bypasses it and falls back to the system's Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Open Outreach needs Node.js 22.12 or newer, but this is ${process.version}. Run "npm install" at the repository root, then use "npm run …" (it brings Node 24), or install Node 24 from nodejs.org.`,
  );
  process.exit(1);
}
