// Chromium for `render --pdf`, through playwright-core, which is an optional dependency: loaded only when a
// PDF is asked for. Which browser: SECREL_CHROMIUM when set, else the one playwright installed
// (`npx playwright install chromium`), else the system's Chromium or Chrome. Missing either is bad usage
// of this machine (exit 2) with what to install, never a stack trace.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { UsageError } from '../../repo/errors.js';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const INSTALL =
  'install Chromium (Debian/Ubuntu: `apt-get install chromium`; or `npx playwright install chromium`) or set SECREL_CHROMIUM=path to a Chromium or Chrome executable';

type Playwright = typeof import('./playwright.js');

async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('./playwright.js');
  } catch {
    throw new UsageError(
      'PDF needs Chromium through the playwright-core package, which is not installed (it is an optional dependency of secrel)',
      `run \`npm install playwright-core\` where secrel is installed, then ${INSTALL}`,
    );
  }
}

/** The browser executable to print with, or a UsageError saying how to get one. */
function executable(playwright: Playwright, env: Readonly<Record<string, string | undefined>>): string {
  const chosen = env.SECREL_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen))
      throw new UsageError(
        `PDF needs Chromium: SECREL_CHROMIUM names ${chosen}, which does not exist`,
        `set SECREL_CHROMIUM to the path of a Chromium or Chrome executable, or unset it to use the system's`,
      );
    return chosen;
  }
  let own: string | undefined;
  try {
    own = playwright.chromium.executablePath();
  } catch {
    own = undefined;
  }
  const found = [own, ...SYSTEM_BROWSERS].find((p): p is string => p !== undefined && existsSync(p));
  if (found === undefined) throw new UsageError('PDF needs Chromium, and none was found', INSTALL);
  return found;
}

/** A headless Chromium, for as long as `use` runs; closed afterwards whatever happens. */
export async function withChromium<T>(env: Readonly<Record<string, string | undefined>>, use: (browser: Browser) => Promise<T>): Promise<T> {
  const playwright = await loadPlaywright();
  const path = executable(playwright, env);
  let browser: Browser;
  try {
    browser = await playwright.chromium.launch({
      executablePath: path,
      headless: true,
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    throw new UsageError(`PDF needs Chromium: ${path} did not start (${String((err as Error).message).split('\n')[0]})`, INSTALL);
  }
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}
