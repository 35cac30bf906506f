import type { Browser } from 'playwright-core';
import { browserMissing, findBrowser, launchBrowser as launchChromium } from '../../packages/check/src/browser.ts';

export { browserMissing, findBrowser };

/** The tests' Chromium, found the way `openoutreach-check` finds it (CHROMIUM_PATH, Playwright's, the system's). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(browserMissing());
  return launchChromium(executablePath);
}
