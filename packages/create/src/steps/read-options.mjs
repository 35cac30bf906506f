// @ts-check
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateError } from '../create-error.mjs';
import { DEFAULT_HOST, HOST_NAMES, HOSTS, projectSiteAddress } from '../hosts.mjs';
import { isTimeZone } from '../schedule.mjs';

/** The folder `--yes` takes when none is named. */
export const DEFAULT_FOLDER = 'my-group-site';

export const USAGE =
  'Usage: npm create openoutreach@latest <folder> -- --name "<group name>" [--host github|gitlab|codeberg|netlify|cloudflare|coop] [--repo owner/name] [--branch main] [--app-id …] [--time-zone Area/City] [--site https://…] [--base /repo/] [--languages en,es] [--no-git] [--no-install] [--dry-run], e.g. npm create openoutreach@latest my-group-site -- --name "Riverside Tenants" --repo riverside/website';

export const HELP = `Creates an Open Outreach member site in a new folder, from the kit's starter.

${USAGE}

In a terminal, it asks for what the options leave out. Elsewhere (a script, CI) give the folder
and --name, or --yes for the defaults.

  <folder>             the new folder; its name also names the site's package
  --name "<name>"      the group's name, shown on every page (change it later in the CMS)
  --host github        where the site is published: ${HOST_NAMES.join(', ')}
                       (${DEFAULT_HOST} unless given); the site keeps only that host's files
  --repo owner/name    the site's repository on that host (on GitHub for netlify, cloudflare
                       and coop): where the CMS saves edits, and on GitHub, GitLab and Codeberg
                       Pages the site's address (https://owner.github.io/name/)
  --branch main        the branch that is published and that the CMS saves to (main)
  --app-id …           gitlab and codeberg: the ID of the site's OAuth application, for CMS
                       sign-in (add it later in astro.config.mjs if you have none yet)
  --time-zone Area/City  where the group is (this computer's time zone unless given): dates on
                       the site, and the daily rebuild shortly after its midnight
  --site https://…     the address where the site will be published
  --base /repo/        the sub-path it is served from, as on a GitHub Pages project site
  --languages en,es    the site's languages, the main one first (en, fr, es); the starter's
                       content becomes the main language's, and each other one gets a home page
  --no-git             do not create a git repository (local editing needs one)
  --no-install         do not run npm install
  --dry-run            print what would be done, and write nothing
  --yes, -y            ask nothing; take the defaults for what is not given: the folder
                       ${DEFAULT_FOLDER}, the name made from the folder, English only,
                       ${DEFAULT_HOST}, this computer's time zone

With npm, options go after "--" (npm keeps the ones before it for itself).`;

/**
 * @typedef {object} Options
 * @property {string} projectDir the new site's folder, absolute
 * @property {string} name the group's name
 * @property {string | undefined} site the published address, as an origin (no trailing slash)
 * @property {string | undefined} base the sub-path, with a slash at each end
 * @property {string[]} languages the site's languages, the main one first
 * @property {import('../hosts.mjs').Host} host where the site is published
 * @property {string | undefined} repo the site's repository, owner/name
 * @property {string} branch the published branch, which the CMS saves to
 * @property {string | undefined} appId the OAuth application's ID, for GitLab and Codeberg sign-in
 * @property {string} timeZone the group's IANA time zone
 * @property {boolean} git
 * @property {boolean} install
 * @property {boolean} dryRun
 */

/**
 * The arguments as given, before any check: what the prompts may fill in.
 * @typedef {object} Arguments
 * @property {string | undefined} folder
 * @property {string | undefined} name
 * @property {string | undefined} site
 * @property {string | undefined} base
 * @property {string | undefined} languages
 * @property {string | undefined} host
 * @property {string | undefined} repo
 * @property {string | undefined} branch
 * @property {string | undefined} appId
 * @property {string | undefined} timeZone
 * @property {boolean} git
 * @property {boolean} install
 * @property {boolean} dryRun
 * @property {boolean} yes
 * @property {boolean} help
 */

/**
 * The options of `argv` (the arguments after the command), checked, for a run without prompts.
 * A mistake throws a `CreateError` with exit code 2 that says what is wrong and how to write it.
 * @param {string[]} argv
 * @param {{ cwd: string }} context
 * @returns {Options | 'help'} `'help'` for --help
 */
export function readOptions(argv, { cwd }) {
  const args = parseArguments(argv);
  return args.help ? 'help' : checkOptions(args, { cwd });
}

/**
 * @param {string[]} argv
 * @returns {Arguments}
 */
export function parseArguments(argv) {
  const { values, positionals } = parse(argv);
  if (positionals.length > 1) throw usageError(`Expected one folder, got ${positionals.length}: ${positionals.join(' ')}.`);
  return {
    folder: positionals[0],
    name: values.name,
    site: values.site,
    base: values.base,
    languages: values.languages,
    host: values.host,
    repo: values.repo,
    branch: values.branch,
    appId: values['app-id'],
    timeZone: values['time-zone'],
    git: values.git,
    install: values.install,
    dryRun: values['dry-run'],
    yes: values.yes,
    help: values.help,
  };
}

/**
 * Checks the arguments (given, answered or defaulted) and turns them into options. Without
 * `--yes`, a missing folder or name stops with one line naming what to add.
 * @param {Arguments} args
 * @param {{ cwd: string }} context
 * @returns {Options}
 */
export function checkOptions(args, { cwd }) {
  const folder = args.folder ?? (args.yes ? DEFAULT_FOLDER : undefined);
  if (folder === undefined) {
    throw new CreateError(
      `Name the folder for the new site, e.g. npm create openoutreach@latest ${DEFAULT_FOLDER} -- --name "Riverside Tenants" (--help lists the options).`,
      { exitCode: 2 },
    );
  }
  const projectDir = resolve(cwd, folder);
  const name = (args.name ?? (args.yes ? nameFromFolder(basename(projectDir)) : '')).trim();
  if (!name)
    throw new CreateError('Give the group\'s name with --name, e.g. --name "Riverside Tenants" (or --yes to name it after the folder).', { exitCode: 2 });
  const host = hostName(args.host ?? DEFAULT_HOST);
  const repo = args.repo === undefined || args.repo === '' ? undefined : repository(args.repo);
  const appId = args.appId === undefined || args.appId === '' ? undefined : applicationId(args.appId, host);
  const site = args.site === undefined || args.site === '' ? undefined : siteAddress(args.site);
  const base = args.base === undefined ? undefined : basePath(args.base);
  // A project site's address follows from its repository, unless given.
  const derived = site === undefined && base === undefined && repo ? projectSiteAddress(host, repo) : undefined;
  return {
    projectDir,
    name: groupName(name),
    site: derived?.site ?? site,
    base: derived ? derived.base : base,
    languages: args.languages === undefined ? ['en'] : languageList(args.languages),
    host,
    repo,
    branch: args.branch === undefined || args.branch === '' ? 'main' : branchName(args.branch),
    appId,
    timeZone: args.timeZone === undefined || args.timeZone === '' ? localTimeZone() : timeZoneName(args.timeZone),
    git: args.git,
    install: args.install,
    dryRun: args.dryRun,
  };
}

/**
 * The group's name, on one line.
 * @param {string} value
 */
export function groupName(value) {
  const name = value.trim();
  if (/[\r\n]/.test(name)) throw new CreateError('The --name must be on one line.', { exitCode: 2 });
  return name;
}

/** @param {string[]} argv */
function parse(argv) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        name: { type: 'string' },
        site: { type: 'string' },
        base: { type: 'string' },
        languages: { type: 'string' },
        host: { type: 'string' },
        repo: { type: 'string' },
        branch: { type: 'string' },
        'app-id': { type: 'string' },
        'time-zone': { type: 'string' },
        git: { type: 'boolean', default: true },
        install: { type: 'boolean', default: true },
        'dry-run': { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's message goes on to explain '--' for positionals, which is no help here.
    throw usageError(/** @type {Error} */ (error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
}

/** @param {string} problem */
const usageError = (problem) => new CreateError(`${problem}\n${USAGE}`, { exitCode: 2 });

/**
 * "riverside-tenants" → "Riverside Tenants".
 * @param {string} folder
 */
export function nameFromFolder(folder) {
  return folder
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The origin of `value`, which must be a whole http(s) address without a path.
 * @param {string} value
 */
export function siteAddress(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    const example = /^[\w.-]+\.[a-z]{2,}\/?$/i.test(value) ? `https://${value.replace(/\/$/, '')}` : 'https://riverside-tenants.org';
    throw new CreateError(`--site "${value}" is not a whole web address.\n  Fix: write it with https:// in front, e.g. --site ${example}`, { exitCode: 2 });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CreateError(`--site "${value}" must start with https:// (or http://).\n  Fix: e.g. --site https://riverside-tenants.org`, { exitCode: 2 });
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new CreateError(
      `--site "${value}" has a path; --site takes only the address of the host.\n  Fix: put the path in --base, e.g. --site ${url.origin} --base ${basePath(url.pathname)}`,
      { exitCode: 2 },
    );
  }
  return url.origin;
}

/**
 * `value` with a slash at each end: "repo" → "/repo/".
 * @param {string} value
 */
export function basePath(value) {
  if (value.includes('://') || /[\s?#]/.test(value)) {
    throw new CreateError(`--base "${value}" is not a path.\n  Fix: give only the sub-path the site is served from, e.g. --base /riverside-tenants/`, {
      exitCode: 2,
    });
  }
  return `/${value.split('/').filter(Boolean).join('/')}/`.replace('//', '/');
}

/** The languages the kit has interface words for (`SUPPORTED_LOCALES` in @openoutreach/core). */
export const LANGUAGES = ['en', 'fr', 'es'];

/**
 * "en, es" → ['en', 'es']: known languages, each once.
 * @param {string} value
 */
export function languageList(value) {
  const languages = value
    .split(',')
    .map((language) => language.trim().toLowerCase())
    .filter(Boolean);
  const unknown = languages.filter((language) => !LANGUAGES.includes(language));
  if (!languages.length || unknown.length) {
    throw new CreateError(
      `--languages "${value}": ${unknown.length ? `the kit does not speak ${unknown.join(', ')}` : 'no language given'}.\n  Fix: list codes from ${LANGUAGES.join(', ')}, the main language first, e.g. --languages en,es`,
      { exitCode: 2 },
    );
  }
  if (new Set(languages).size !== languages.length) {
    throw new CreateError(`--languages "${value}" names a language twice.\n  Fix: name each once, e.g. --languages en,es`, { exitCode: 2 });
  }
  return languages;
}

/**
 * One of the hosts the starter has files for.
 * @param {string} value
 * @returns {import('../hosts.mjs').Host}
 */
export function hostName(value) {
  const host = value.trim().toLowerCase();
  if (!Object.hasOwn(HOSTS, host)) {
    throw new CreateError(`--host "${value}" is not a host the kit publishes to.\n  Fix: choose one of ${HOST_NAMES.join(', ')}, e.g. --host ${DEFAULT_HOST}`, {
      exitCode: 2,
    });
  }
  return /** @type {import('../hosts.mjs').Host} */ (host);
}

/**
 * "owner/name", as the git host writes it (from a whole address too:
 * https://github.com/riverside/website.git → riverside/website).
 * @param {string} value
 */
export function repository(value) {
  const repo = value
    .trim()
    .replace(/^https?:\/\/[^/]+\//, '')
    .replace(/\.git$|\/$/g, '');
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new CreateError(`--repo "${value}" is not a repository.\n  Fix: write its owner and name with a slash, e.g. --repo riverside-tenants/website`, {
      exitCode: 2,
    });
  }
  return repo;
}

/**
 * A branch name git accepts (the common kind: letters, digits, `.`, `_`, `-`, `/`).
 * @param {string} value
 */
export function branchName(value) {
  const branch = value.trim();
  if (!/^[\w-][\w./-]*$/.test(branch) || /\.\.|\/\/|[./]$|\.lock$/.test(branch)) {
    throw new CreateError(`--branch "${value}" is not a branch name.\n  Fix: e.g. --branch main`, { exitCode: 2 });
  }
  return branch;
}

/**
 * @param {string} value
 * @param {import('../hosts.mjs').Host} host
 */
function applicationId(value, host) {
  if (host !== 'gitlab' && host !== 'codeberg') {
    throw new CreateError(
      `--app-id is for CMS sign-in on GitLab or Codeberg; on ${HOSTS[host].label} editors sign in through GitHub.\n  Fix: leave --app-id out, or give --host gitlab or --host codeberg`,
      { exitCode: 2 },
    );
  }
  return value.trim();
}

/**
 * An IANA time zone: "Europe/Paris".
 * @param {string} value
 */
export function timeZoneName(value) {
  const zone = value.trim();
  if (!isTimeZone(zone)) {
    throw new CreateError(
      `--time-zone "${value}" is not a time zone.\n  Fix: write the zone's name, e.g. --time-zone Europe/Paris or --time-zone America/Toronto`,
      { exitCode: 2 },
    );
  }
  return zone;
}

/** This computer's time zone, or UTC when it has none the kit knows. */
export function localTimeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}
