import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { REPO_ROOT } from '../support/sites.ts';

const OUTPUT = join(REPO_ROOT, 'tests/.output');
const SITE = join(OUTPUT, 'created-site');
const BIN = join(REPO_ROOT, 'packages/create/bin/create-openoutreach.mjs');

/**
 * `npm create openoutreach` as a newcomer runs it, then the build. The site sits inside the
 * monorepo's ignored tests/.output/ so that it resolves the kit's packages from node_modules.
 */
test('a site made with create-openoutreach builds, under its name, site and base', async () => {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const output = execFileSync(
    process.execPath,
    [BIN, 'created-site', '--name', 'Riverside Tenants Union', '--site', 'https://riverside.example', '--base', '/riverside/', '--no-install'],
    { cwd: OUTPUT, encoding: 'utf8' },
  );
  expect(output).toContain('The site of Riverside Tenants Union is ready in created-site/.');
  expect(execFileSync('git', ['log', '--format=%s'], { cwd: SITE, encoding: 'utf8' }).trim()).toBe('Create the site from the Open Outreach starter');

  const build = await astroBuild(SITE);
  expect(build.code, build.output.slice(-4000)).toBe(0);
  const home = readFileSync(join(SITE, 'dist/index.html'), 'utf8');
  expect(home).toContain('Riverside Tenants Union');
  expect(home).toContain('href="https://riverside.example/riverside/"');
  expect(home).toMatch(/href="\/riverside\/news\/"/);
});

test('a site made in two languages builds both, with the starter’s content as the main language’s', async () => {
  const site = join(OUTPUT, 'created-bilingual-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  execFileSync(process.execPath, [BIN, 'created-bilingual-site', '--name', 'Unión de Inquilinos', '--languages', 'es,en', '--no-install'], {
    cwd: OUTPUT,
    encoding: 'utf8',
  });
  expect(execFileSync('git', ['status', '--porcelain'], { cwd: site, encoding: 'utf8' })).toBe('');

  const build = await astroBuild(site);
  expect(build.code, build.output.slice(-4000)).toBe(0);
  expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toContain('<html lang="es"');
  const english = readFileSync(join(site, 'dist/en/index.html'), 'utf8');
  expect(english).toContain('<html lang="en"');
  expect(english).toContain('hreflang="es"');
});

/**
 * Runs `command` in a real pseudo-terminal (util-linux `script`), typing each answer once its
 * question is on the screen. Resolves with the screen and the exit code.
 */
function inTerminal(command: string[], cwd: string, answers: [question: string, answer: string][]): Promise<{ code: number | null; screen: string }> {
  const quoted = command.map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let next = 0;
  child.stdout.on('data', (chunk) => {
    screen += chunk;
    const [question, answer] = answers[next] ?? [];
    if (question !== undefined && screen.includes(question)) {
      next++;
      setTimeout(() => child.stdin.write(`${answer}\r`), 50);
    }
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, screen })));
}

const hasScript = spawnSync('script', ['--version']).status === 0;

test.skipIf(!hasScript)(
  'in a terminal, it asks for the folder, the name, the languages, the host, the repository, the time zone and the address, and makes the site of the answers',
  async () => {
    const site = join(OUTPUT, 'created-in-a-terminal');
    rmSync(site, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    const { code, screen } = await inTerminal([process.execPath, BIN, '--no-install'], OUTPUT, [
      ['Folder for the site (my-group-site): ', 'created-in-a-terminal'],
      ["Your group's name (Created In A Terminal): ", 'Maple Street Co-op'],
      ['Languages, the main one first', 'fr'],
      ['Where it will be published', 'gitlab'],
      ['Its repository on GitLab', 'maple/site'],
      ['Time zone of the group', 'Europe/Paris'],
      ["The site's address (https://maple.gitlab.io/site/): ", 'https://us.github.io/maple/'],
    ]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('The site of Maple Street Co-op is ready in created-in-a-terminal/.');
    expect(readFileSync(join(site, 'src/settings/site.yaml'), 'utf8')).toMatch(/^name: Maple Street Co-op$/m);
    expect(readFileSync(join(site, 'src/settings/site.yaml'), 'utf8')).toMatch(/^defaultLocale: fr$/m);
    expect(readFileSync(join(site, 'astro.config.mjs'), 'utf8')).toContain("site: 'https://us.github.io',\n  base: '/maple/',");
    expect(readFileSync(join(site, 'astro.config.mjs'), 'utf8')).toContain(
      "cms: { backend: { name: 'gitlab', repo: 'maple/site', branch: 'main', auth_type: 'pkce' } },",
    );
    expect(readFileSync(join(site, 'src/settings/site.yaml'), 'utf8')).toMatch(/^timeZone: Europe\/Paris$/m);
    expect(existsSync(join(site, '.gitlab-ci.yml'))).toBe(true);
    expect(existsSync(join(site, '.github'))).toBe(false);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: site, encoding: 'utf8' })).toBe('');
  },
);

test.skipIf(!hasScript)('in a terminal, --yes asks nothing and takes the defaults', async () => {
  const site = join(OUTPUT, 'created-with-yes');
  rmSync(site, { recursive: true, force: true });
  const { code, screen } = await inTerminal([process.execPath, BIN, 'created-with-yes', '--yes', '--no-install', '--no-git'], OUTPUT, []);
  expect(code, screen).toBe(0);
  expect(screen).not.toContain("Your group's name");
  expect(readFileSync(join(site, 'src/settings/site.yaml'), 'utf8')).toMatch(/^name: Created With Yes$/m);
});
