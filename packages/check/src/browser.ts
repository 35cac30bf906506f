import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CheckError } from './check-error.ts';

/** Flags for headless Chromium that may run as root, in a sandbox, with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // CI containers (GitLab's Docker runners among them) give /dev/shm 64 MB, too little for Chromium.
  '--disable-dev-shm-usage',
];

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const BROWSER_MISSING =
  'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install chromium`, or `npx playwright install chromium`) or set CHROMIUM_PATH=/path/to/chrome.';

/** Why findBrowser() found nothing, in one line: a wrong CHROMIUM_PATH or CHROME_PATH, or no browser at all. */
export function browserMissing(): string {
  const name = process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : process.env.CHROME_PATH ? 'CHROME_PATH' : undefined;
  return name ? `${name} is ${process.env[name]}, but there is no file there: point it at a Chrome or Chromium, or unset it.` : BROWSER_MISSING;
}

/**
 * The Chromium to check with: `CHROMIUM_PATH` (or `CHROME_PATH`) if set, Playwright's own
 * download if present, else the system's. Undefined when there is none.
 */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    const playwrights = chromium.executablePath();
    if (playwrights && existsSync(playwrights)) return playwrights;
  } catch {
    // Playwright has downloaded no browser of its own; fall back to the system's.
  }
  return SYSTEM_BROWSERS.find((path) => existsSync(path));
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new CheckError(`Chromium at ${executablePath} did not start (${reason}): set CHROMIUM_PATH to a working Chrome or Chromium.`);
  }
}
