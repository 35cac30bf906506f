import { spawnSync } from 'node:child_process';
import { astroBuild } from './build.ts';
import { browserMissing, findBrowser } from './browser.ts';
import { fixture, REPO_ROOT, SITE_BUILDS } from './sites.ts';
import { buildArgs, SECOND_THEME, themedBuild, writeThemeConfig } from './themes.ts';

interface Job {
  name: string;
  dir: string;
  args?: string[];
}

const JOBS: Job[] = [
  ...SITE_BUILDS.map((build) => ({ name: build.name, dir: build.dir, args: buildArgs(build) })),
  { name: 'fixture minimal', dir: fixture('minimal') },
  { name: 'fixture override', dir: fixture('override') },
  { name: 'fixture own-page-type', dir: fixture('own-page-type') },
  ...SITE_BUILDS.map((build) => themedBuild(build, SECOND_THEME)).map((build) => ({ name: build.name, dir: build.dir, args: buildArgs(build) })),
];

/**
 * Builds every site the browser tests visit, two at a time (the machines have two cores), never
 * two in one folder at once: builds of a folder share its .astro/ and node_modules/.astro/.
 */
export default async function setup() {
  if (!findBrowser()) throw new Error(browserMissing());
  if (process.env.OPENOUTREACH_SKIP_BUILD === '1') return;
  // The sites load the kit's packages from their dist/: rebuild what changed (turbo's cache makes it instant otherwise),
  // so an e2e file run on its own never tests stale packages.
  const packages = spawnSync('npm', ['run', 'build:packages'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (packages.status !== 0) throw new Error(`Building the kit's packages failed:\n${(packages.stdout + packages.stderr).slice(-4000)}`);
  for (const build of SITE_BUILDS) writeThemeConfig(build.dir, SECOND_THEME);
  const failures = await runBuilds(JOBS, 2);
  if (failures.length) throw new Error(failures.join('\n\n'));
}

/** Runs the jobs `parallel` at a time, in order except that a job waits while its folder is building. */
async function runBuilds(jobs: Job[], parallel: number): Promise<string[]> {
  const queue = [...jobs];
  const running = new Map<Job, Promise<void>>();
  const failures: string[] = [];
  while (queue.length || running.size) {
    const next = running.size < parallel ? queue.find((job) => ![...running.keys()].some((other) => other.dir === job.dir)) : undefined;
    if (!next) {
      await Promise.race(running.values());
      continue;
    }
    queue.splice(queue.indexOf(next), 1);
    running.set(
      next,
      astroBuild(next.dir, next.args).then((result) => {
        if (result.code !== 0) failures.push(`Building ${next.name} failed:\n${result.output.slice(-4000)}`);
        running.delete(next);
      }),
    );
  }
  return failures;
}
