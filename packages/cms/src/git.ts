import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';

/** The site's folder relative to its git repository ('' when the site is the repository). */
export function siteDirInRepository(root: string): string {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return relative(top, root).split('\\').join('/');
  } catch {
    return '';
  }
}

/** The checked-out branch, which local edits are committed to. */
export function currentBranch(root: string): string | undefined {
  try {
    const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return branch && branch !== 'HEAD' ? branch : undefined;
  } catch {
    return undefined;
  }
}
