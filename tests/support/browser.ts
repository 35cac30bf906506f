import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for headless Chromium as root in a sandbox with no network but loopback. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium to test with: `CHROMIUM_PATH` (or `CHROME_PATH`) if set, Playwright's own
 * download if present, else the system's. Undefined when there is none.
 */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    const playwrights = chromium.executablePath();
    if (playwrights && existsSync(playwrights)) return playwrights;
  } catch {
    // Playwright has no browser of its own here; fall back to the system's.
  }
  return SYSTEM_BROWSERS.find((path) => existsSync(path));
}

export const BROWSER_MISSING =
  'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install chromium`; or `npx playwright install chromium`) or set CHROMIUM_PATH=/path/to/chrome.';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(BROWSER_MISSING);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
