import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { FleetError } from '../fleet-error.ts';

const LOCK = '.deploy-lock';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding the site's lock file, so two deploys (or a deploy and a rollback) of
 * one site never interleave. A lock left by a process that no longer runs is taken over.
 */
export async function withSiteLock<T>(siteRoot: string, work: () => Promise<T> | T): Promise<T> {
  const file = join(siteRoot, LOCK);
  mkdirSync(siteRoot, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (attempt > 0 || (holder && running(holder))) {
        throw new FleetError(
          `Another deploy or rollback of this site is running (process ${holder}, ${file}): wait for it to end, or remove the file if no such process runs.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
