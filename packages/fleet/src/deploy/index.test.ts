import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { FleetError } from '../fleet-error.ts';
import { runDeploy, runNginx, runRollback } from './index.ts';

let dir: string;
let fleetFile: string;
let lines: string[];
const log = (line: string) => lines.push(line);

/** A build of `name` in `<dir>/<from>/<name>`, as `--from` takes it, whose home page says `text`. */
function built(from: string, name: string, base: string, text: string): void {
  const site = join(dir, from, name);
  mkdirSync(join(site, 'dist'), { recursive: true });
  writeFileSync(join(site, 'dist/index.html'), `<a href="${base}about/">${text}</a>`);
  writeFileSync(join(site, 'dist/404.html'), 'not found');
  writeFileSync(join(site, 'openoutreach-nginx.conf'), '# headers\n');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oo-deploy-cli-'));
  mkdirSync(join(dir, 'src'));
  fleetFile = join(dir, 'fleet.yaml');
  writeFileSync(
    fleetFile,
    'host: sites.example\nsites:\n  - name: maple\n    path: src\n    domain: maple.example\n  - name: garden\n    path: src\n    subpath: /garden/\n  - name: oak\n    path: src\n',
  );
  lines = [];
  for (const [from, text] of [
    ['one', 'first'],
    ['two', 'second'],
  ]) {
    built(from!, 'maple', '/', text!);
    built(from!, 'garden', '/garden/', text!);
  }
});

const root = () => join(dir, 'root');
const home = (name: string) => readFileSync(join(root(), name, 'current/dist/index.html'), 'utf8');

test('deploy makes every hosted site live, rollback goes back, nginx serves the deployed ones', async () => {
  expect(await runNginx([fleetFile, '--root', root(), '--out', join(dir, 'fleet.conf')], log)).toBe(0);
  expect(readFileSync(join(dir, 'fleet.conf'), 'utf8')).toContain('# maple: not deployed yet, so not served: deploy it, then write this file again.');
  expect(await runDeploy([fleetFile, '--root', root(), '--from', join(dir, 'one')], log)).toBe(0);
  expect(await runDeploy([fleetFile, '--root', root(), '--from', join(dir, 'two'), '--site', 'maple'], log)).toBe(0);
  expect(home('maple')).toContain('second');
  expect(home('garden')).toContain('first');
  expect(lines.filter((line) => line.startsWith('maple: live release'))).toHaveLength(2);
  expect(await runRollback([fleetFile, '--root', root(), '--site', 'maple'], log)).toBe(0);
  expect(lines.at(-1)).toMatch(/^maple: live release \S+-prebuilt again \(was \S+-prebuilt\)\.$/);
  expect(home('maple')).toContain('first');
  lines = [];
  expect(await runNginx([fleetFile, '--root', root(), '--listen', '127.0.0.1:8080'], log)).toBe(0);
  expect(lines.join('\n')).toMatch(/server_name maple\.example;[^]*server_name sites\.example;[^]*location "\/garden\/"/);
  expect(lines.join('\n')).not.toContain('oak');
});

test('a site missing from --from is not deployed, the others are, and the exit code says so', async () => {
  expect(await runDeploy([fleetFile, '--root', root(), '--from', join(dir, 'one'), '--site', 'maple'], log)).toBe(0);
  const code = await runDeploy([fleetFile, '--root', root(), '--from', join(dir, 'nowhere'), '--site', 'maple'], log);
  expect(code).toBe(1);
  expect(lines.at(-1)).toBe(
    `maple: not deployed, ${join(dir, 'nowhere/maple/dist')} is missing: build maple into it, or leave out --from to build it here; the live release ${lines[0]!.split(' ')[3]} stays.`,
  );
});

test.each([
  [['--root', 'r'], 'Name one fleet file, e.g. `openoutreach-fleet deploy fleet.yaml --root /srv/sites`.'],
  [['FLEET'], '--root is missing: name the folder the releases live in, e.g. --root /srv/sites.'],
  [['FLEET', '--root', 'r', '--keep', '1'], '--keep 1: keep at least 2 releases (the live one and the one rollback goes back to), e.g. --keep 5.'],
  [['FLEET', '--root', 'r', '--site', 'oak'], 'FLEET: site oak has neither domain nor subpath: add one to host it.'],
  [['FLEET', '--root', 'r', '--site', 'elm'], 'FLEET has no site named elm: its sites are maple, garden, oak.'],
])('deploy %j is refused in one line', async (args, message) => {
  const argv = args.map((arg) => (arg === 'FLEET' ? fleetFile : arg));
  await expect(runDeploy(argv, log)).rejects.toThrow(new FleetError(message.replaceAll('FLEET', fleetFile)));
});

test('rollback without a release before, or without --site, says what to do', async () => {
  await expect(runRollback([fleetFile, '--root', root()], log)).rejects.toThrow('--site is missing: name the site to roll back, e.g. --site riverside.');
  await runDeploy([fleetFile, '--root', root(), '--from', join(dir, 'one'), '--site', 'maple'], log);
  await expect(runRollback([fleetFile, '--root', root(), '--site', 'maple'], log)).rejects.toThrow(
    /^maple has no release before \S+ to go back to \(releases: \S+\)\.$/,
  );
});
