// The site's pages against WCAG 2.1 AA with axe-core, and at phone width (390 px) with nothing wider than
// the screen: in Debian's Chromium. Screenshots at 390 px go to test-results/site/ for people to review.
import axeCore from 'axe-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, secrel } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SHOTS = join(ROOT, 'test-results', 'site');
/** axe-core's own script, to inject into each page. */
const AXE = axeCore.source;
/** The pages of each kind: the index, a release, a modification, the register, a release's notices. */
const PAGES = ['index.html', 'releases/2020-06.html', 'modifications/SECMP0062.html', 'register.html', 'notices/2020-06.html'];

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const g = globalThis as unknown as { axe: { run(o: unknown): Promise<AxeResult> } };
    return g.axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!existsSync(CHROMIUM))('the site against WCAG 2.1 AA and at 390 px', { timeout: 180_000 }, () => {
  let out: string;
  let browser: Browser;
  const url = (path: string) => pathToFileURL(join(out, 'site', path)).href;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'secrel-site-a11y-'));
    const r = await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('has no axe-core violation of WCAG 2.1 A or AA on any kind of page, with its scripts run', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(url(path));
      expect(await axe(page), path).toEqual([]);
    }
    await context.close();
  });

  it('fits 390 px: no page is wider than the screen; wide tables scroll in their own box', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(url(path));
      const width = await page.evaluate(
        () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
      );
      expect([path, width]).toEqual([path, 390]);
      expect(await axe(page), `${path} at 390 px`).toEqual([]);
      const name = path.replace(/\.html$/, '').replace(/\//g, '-');
      await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true });
      expect(statSync(join(SHOTS, `${name}-390.png`)).size).toBeGreaterThan(10_000);
    }
    // The register's table is wider than the phone: it scrolls inside its box, which a keyboard can reach.
    await page.goto(url('register.html'));
    const box = page.locator('.table-scroll:has(#register)');
    expect(
      await box.evaluate((el) => {
        const e = el as unknown as { scrollWidth: number; clientWidth: number };
        return e.scrollWidth > e.clientWidth;
      }),
    ).toBe(true);
    expect(await box.getAttribute('tabindex')).toBe('0');
    await context.close();
  });
});
