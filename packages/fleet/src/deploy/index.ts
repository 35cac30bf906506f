/**
 * `openoutreach-fleet deploy`, `rollback` and `nginx`: the co-op's hosting of many member sites
 * on one nginx, each from release folders under one root, switched atomically.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../build.ts';
import { checkoutSite } from '../checkout.ts';
import { FleetError } from '../fleet-error.ts';
import { readFleetFile, type Fleet, type FleetSite } from '../fleet-file.ts';
import { installLocked } from '../install.ts';
import { deploySite, type BuiltSite, type DeployOutcome } from './deploy-site.ts';
import { nginxConfig } from './nginx-config.ts';
import { currentRelease, previousRelease, releaseSnippet, SNIPPET, switchCurrent } from './releases.ts';
import { withSiteLock } from './site-lock.ts';

export { deploySite, verifyBuild, type BuiltSite, type DeployOutcome, type HostedSite } from './deploy-site.ts';
export { nginxConfig } from './nginx-config.ts';
export { listReleases, currentRelease } from './releases.ts';

type Log = (line: string) => void;

export const DEPLOY_USAGE = `Usage: openoutreach-fleet deploy <fleet.yaml> --root DIR [--site NAME]... [--keep 5] [--from DIR] [--work DIR] [--check] [--reload CMD]

Builds each hosted site of the fleet (its committed state, its locked kit) and makes it live:
copied into <root>/<name>/releases/<time>-<commit>/, then <root>/<name>/current switched to it
at once. A site whose build or checks fail is not deployed; its live release keeps serving.

  --root DIR      where the releases live (what \`openoutreach-fleet nginx\` serves)
  --site NAME     deploy only this site (repeat for more); default: every site with a domain or subpath
  --keep N        releases kept per site, the live one included (default 5, at least 2)
  --from DIR      take the builds from DIR/<name>/dist (and DIR/<name>/${SNIPPET}) instead of building
  --work DIR      where sites are checked out, installed and built (default: <root>/.work)
  --check         run the quality gates (openoutreach-check) before a site goes live
  --reload CMD    run CMD (e.g. 'systemctl reload nginx') when a site's headers or redirects changed

Exit code: 0 when every site is live, 1 when one was not deployed, 2 when deploy cannot run.`;

export const ROLLBACK_USAGE = `Usage: openoutreach-fleet rollback <fleet.yaml> --root DIR --site NAME [--reload CMD]

Points the site's current link back at the release before the live one.`;

export const NGINX_USAGE = `Usage: openoutreach-fleet nginx <fleet.yaml> --root DIR [--certificates DIR] [--listen ADDRESS]... [--out FILE]

Writes one nginx configuration (for the http block, e.g. /etc/nginx/conf.d/openoutreach-fleet.conf)
serving every deployed site: a server per domain, the sub-path sites under the fleet's host.

  --root DIR          where deploy put the releases
  --certificates DIR  serve HTTPS with DIR/<domain>/fullchain.pem and privkey.pem (certbot's
                      /etc/letsencrypt/live); plain HTTP then redirects to HTTPS and answers
                      certbot's challenges from <root>/.acme (certbot certonly --webroot -w <root>/.acme)
  --listen ADDRESS    what each server listens on (repeat for more); default 80 and [::]:80,
                      with --certificates '443 ssl' and '[::]:443 ssl'
  --out FILE          write the configuration to FILE (default: print it)`;

/** The fleet file and the root every command takes, or a one-line FleetError saying what is missing. */
function fleetAndRoot(command: string, positionals: string[], root: string | undefined): { fleet: Fleet; root: string } {
  if (positionals.length !== 1) throw new FleetError(`Name one fleet file, e.g. \`openoutreach-fleet ${command} fleet.yaml --root /srv/sites\`.`);
  if (root === undefined) throw new FleetError('--root is missing: name the folder the releases live in, e.g. --root /srv/sites.');
  return { fleet: readFleetFile(positionals[0]!), root: resolve(root) };
}

/** The fleet's sites that are hosted (have a domain or a subpath), or those `names` picks. */
function hostedSites(fleet: Fleet, names: string[] | undefined): FleetSite[] {
  if (!names?.length) {
    const hosted = fleet.sites.filter((site) => site.domain || site.subpath);
    if (!hosted.length)
      throw new FleetError(`${fleet.file} has no site with a domain or subpath, so none to host: give each site to host a domain: or subpath:.`);
    return hosted;
  }
  return names.map((name) => {
    const site = fleet.sites.find((candidate) => candidate.name === name);
    if (!site) throw new FleetError(`${fleet.file} has no site named ${name}: its sites are ${fleet.sites.map((each) => each.name).join(', ')}.`);
    if (!site.domain && !site.subpath) throw new FleetError(`${fleet.file}: site ${name} has neither domain nor subpath: add one to host it.`);
    return site;
  });
}

function gitCommit(dir: string): string | undefined {
  if (!existsSync(join(dir, '.git'))) return undefined;
  const result = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** A site already built into `<from>/<name>/dist`. */
function prebuilt(from: string, site: FleetSite): BuiltSite {
  const dir = join(from, site.name);
  const dist = join(dir, 'dist');
  if (!existsSync(dist)) throw new FleetError(`${dist} is missing: build ${site.name} into it, or leave out --from to build it here`);
  return { dist, snippet: join(dir, SNIPPET), commit: gitCommit(dir) ?? 'prebuilt' };
}

/** Checks the site out, installs its locked kit and builds it, as the fleet check does. */
async function built(site: FleetSite, work: string): Promise<BuiltSite> {
  const { dir, commit } = await checkoutSite(site, work);
  await installLocked(dir, { workDir: work });
  const { dist } = await buildSite(dir, site, {});
  return { dist, snippet: join(dirname(dist), SNIPPET), commit };
}

async function gates(dist: string, base: string): Promise<string | undefined> {
  const { runCheck } = await import('@openoutreach/check');
  const report = await runCheck({ dist, base, progress: () => {} });
  if (report.passed) return undefined;
  return report.gates
    .filter((gate) => !gate.passed)
    .map((gate) => `${gate.title} (${gate.summary})`)
    .join(', ');
}

/** Runs the operator's reload command; says in one line what to do if it fails or is not given. */
function reload(command: string | undefined, names: string[], log: Log): boolean {
  if (!names.length) return true;
  if (!command) {
    log(`Reload nginx to apply the new headers or redirects of ${names.join(', ')} (e.g. \`nginx -s reload\`, or pass --reload 'systemctl reload nginx').`);
    return true;
  }
  const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
  if (result.status === 0) return true;
  const said = `${result.stderr ?? ''}`.trim().split('\n').pop() || `exit code ${result.status}`;
  log(`The sites are live, but \`${command}\` failed (${said}): their new headers or redirects apply once nginx reloads; fix it and run it again.`);
  return false;
}

/** `openoutreach-fleet deploy`: returns the exit code. */
export async function runDeploy(argv: string[], log: Log = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      site: { type: 'string', multiple: true },
      keep: { type: 'string', default: '5' },
      from: { type: 'string' },
      work: { type: 'string' },
      check: { type: 'boolean', default: false },
      reload: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return (log(DEPLOY_USAGE), 0);
  const { fleet, root } = fleetAndRoot('deploy', positionals, values.root);
  const keep = Number(values.keep);
  if (!Number.isInteger(keep) || keep < 2) {
    throw new FleetError(`--keep ${values.keep}: keep at least 2 releases (the live one and the one rollback goes back to), e.g. --keep 5.`);
  }
  const work = resolve(values.work ?? join(root, '.work'));
  const from = values.from === undefined ? undefined : resolve(values.from);
  mkdirSync(root, { recursive: true });
  const outcomes: DeployOutcome[] = [];
  for (const site of hostedSites(fleet, values.site)) {
    const outcome = await deploySite(site, {
      root,
      keep,
      obtain: async () => (from ? prebuilt(from, site) : built(site, work)),
      gates: values.check ? gates : undefined,
    });
    log(outcome.message);
    outcomes.push(outcome);
  }
  const reloaded = reload(
    values.reload,
    outcomes.filter((outcome) => outcome.deployed && outcome.reload).map((outcome) => outcome.name),
    log,
  );
  return outcomes.every((outcome) => outcome.deployed) && reloaded ? 0 : 1;
}

/** `openoutreach-fleet rollback`: returns the exit code. */
export async function runRollback(argv: string[], log: Log = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { root: { type: 'string' }, site: { type: 'string' }, reload: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) return (log(ROLLBACK_USAGE), 0);
  const { fleet, root } = fleetAndRoot('rollback', positionals, values.root);
  if (!values.site) throw new FleetError('--site is missing: name the site to roll back, e.g. --site riverside.');
  const [site] = hostedSites(fleet, [values.site]);
  const siteRoot = join(root, site!.name);
  const { live, previous } = await withSiteLock(siteRoot, () => {
    const releases = previousRelease(siteRoot);
    switchCurrent(siteRoot, releases.previous);
    return releases;
  });
  log(`${site!.name}: live release ${previous} again (was ${live}).`);
  const changed = releaseSnippet(siteRoot, live) !== releaseSnippet(siteRoot, previous);
  return reload(values.reload, changed ? [site!.name] : [], log) ? 0 : 1;
}

/** `openoutreach-fleet nginx`: returns the exit code. */
export async function runNginx(argv: string[], log: Log = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      listen: { type: 'string', multiple: true },
      certificates: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return (log(NGINX_USAGE), 0);
  const { fleet, root } = fleetAndRoot('nginx', positionals, values.root);
  const hosted = hostedSites(fleet, undefined);
  // nginx refuses a configuration whose include is missing: a site is served once deployed.
  const live = hosted.filter((site) => currentRelease(join(root, site.name)));
  const waiting = hosted
    .filter((site) => !live.includes(site))
    .map((site) => `# ${site.name}: not deployed yet, so not served: deploy it, then write this file again.`);
  const config = [
    nginxConfig(live, {
      root,
      host: fleet.host,
      listen: values.listen ?? (values.certificates ? ['443 ssl', '[::]:443 ssl'] : ['80', '[::]:80']),
      fleetFile: fleet.file,
      ...(values.certificates ? { certificates: resolve(values.certificates) } : {}),
    }),
    ...(waiting.length ? ['', ...waiting, ''] : []),
  ].join('\n');
  if (!values.out) {
    log(config);
    return 0;
  }
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, config);
  renameSync(`${out}.tmp`, out);
  log(
    `Wrote ${out}: ${live.length} site${live.length === 1 ? '' : 's'} served${waiting.length ? `, ${waiting.length} not deployed yet` : ''}. Test it with \`nginx -t\`, then reload nginx.`,
  );
  return 0;
}
