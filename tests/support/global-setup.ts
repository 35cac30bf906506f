import { spawnSync } from 'node:child_process';
import { astroBuild } from './build.ts';
import { browserMissing, findBrowser } from './browser.ts';
import { fixture, REPO_ROOT, SITES, SUBPATH } from './sites.ts';

interface Job {
  name: string;
  dir: string;
  args?: string[];
}

const JOBS: Job[] = [
  { name: 'starter', dir: SITES.starter.dir },
  { name: 'opentech-coop', dir: SITES.opentechCoop.dir },
  { name: 'riverside-tenants', dir: SITES.riversideTenants.dir },
  { name: 'eastside-garden', dir: SITES.eastsideGarden.dir },
  { name: 'opentech-coop under /opentech-coop/', dir: SUBPATH.dir, args: ['--base', SUBPATH.base, '--outDir', 'dist-subpath'] },
  { name: 'fixture minimal', dir: fixture('minimal') },
  { name: 'fixture override', dir: fixture('override') },
  { name: 'fixture own-page-type', dir: fixture('own-page-type') },
];

/** Builds every site the browser tests visit, two at a time (the machines have two cores). */
export default async function setup() {
  if (!findBrowser()) throw new Error(browserMissing());
  if (process.env.OPENOUTREACH_SKIP_BUILD === '1') return;
  // The sites load the kit's packages from their dist/: rebuild what changed (turbo's cache makes it instant otherwise),
  // so an e2e file run on its own never tests stale packages.
  const packages = spawnSync('npm', ['run', 'build:packages'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (packages.status !== 0) throw new Error(`Building the kit's packages failed:\n${(packages.stdout + packages.stderr).slice(-4000)}`);
  const queue = [...JOBS];
  const failures: string[] = [];
  await Promise.all(
    [0, 1].map(async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const result = await astroBuild(job.dir, job.args);
        if (result.code !== 0) failures.push(`Building ${job.name} failed:\n${result.output.slice(-4000)}`);
      }
    }),
  );
  if (failures.length) throw new Error(failures.join('\n\n'));
}
