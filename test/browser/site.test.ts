// The rendered site (`secrel render site`) in headless Chromium: pages load cleanly, every internal link
// resolves, the register filters and sorts (and is complete without JavaScript), release pages show cut-offs.
// `npm test` runs the page-and-link crawl, the filters and the countdowns; `.ci/run` runs every test here.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, secrel } from '../helpers/cli.js';
import { itFull } from '../helpers/tier.js';

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
// "Today" in the browser, for the countdowns: the day the Panel saw the June 2020 RID v1.1.
const TODAY = new Date('2020-01-17T12:00:00Z');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.ics': 'text/calendar; charset=utf-8' };

/** A tiny static server on 127.0.0.1, as any host would serve the published folder. */
function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
    const file = join(dir, path || 'index.html');
    if (relative(dir, file).startsWith('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) =>
    readdirSync(d, { withFileTypes: true }).forEach((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') && out.push(relative(dir, join(d, e.name)).split(sep).join('/')),
    );
  walk(dir);
  return out.sort();
}

/** Console errors, uncaught exceptions and failed requests of a page, collected as they happen. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

// Chromium shares the machine with the rest of the suite: its page walks get more time than a unit test.
describe.skipIf(!existsSync(CHROMIUM))('the site of fixtures/sec-2020 in Chromium', { timeout: 180_000 }, () => {
  let out: string;
  let site: string;
  let browser: Browser;
  let server: Server;
  let base: string;
  const contexts: BrowserContext[] = [];

  async function open(path: string, options: { javaScriptEnabled?: boolean; url?: string } = {}): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
    contexts.push(context);
    const page = await context.newPage();
    await page.clock.setFixedTime(TODAY);
    const problems = watch(page);
    await page.goto(options.url ?? `${base}${path}`);
    return { page, problems };
  }

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'secrel-site-'));
    const r = await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    site = join(out, 'site');
    ({ server, base } = await serve(site));
    // launch() starts Chromium with a fresh temporary profile (user-data-dir) every time.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    rmSync(out, { recursive: true, force: true });
  });

  it('loads every page with no console errors, and every internal link resolves (page and #anchor)', async () => {
    const files = htmlFiles(site);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'register.html', 'releases/2020-06.html', 'modifications/SECMP0062.html', 'rid/2020-06.html']));
    const reached = new Set<string>(['index.html']);
    const queue = ['index.html'];
    const anchors: { from: string; to: string; id: string }[] = [];
    const { page } = await open('index.html');
    const problems = watch(page);
    while (queue.length > 0) {
      const path = queue.shift()!;
      problems.length = 0;
      await page.goto(`${base}${path}`);
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      for (const href of hrefs) {
        if (/^https?:\/\//.test(href)) continue; // the SEC website
        expect(href, `${path}: links must be relative`).not.toMatch(/^(\/|[a-z]+:)/i);
        const target = new URL(href, `${base}${path}`);
        const file = decodeURIComponent(target.pathname.slice(1));
        if (href.startsWith('#')) anchors.push({ from: path, to: path, id: target.hash.slice(1) });
        else {
          expect(existsSync(join(site, file)), `${path} links to ${href}, which does not exist`).toBe(true);
          if (target.hash) anchors.push({ from: path, to: file, id: target.hash.slice(1) });
        }
        if (file.endsWith('.html') && !reached.has(file)) {
          reached.add(file);
          queue.push(file);
        }
      }
      expect(problems, path).toEqual([]);
    }
    // Every page is reachable from the index, so nothing is published that nobody can find.
    expect([...reached].sort()).toEqual(files);
    for (const a of anchors) {
      const html = readFileSync(join(site, a.to), 'utf8');
      expect(html, `${a.from} links to #${a.id} in ${a.to}`).toContain(`id="${a.id}"`);
    }
  });

  itFull('serves calendar.ics with every milestone as an event', async () => {
    const { page } = await open('index.html');
    const response = await page.request.get(`${base}calendar.ics`);
    expect(response.status()).toBe(200);
    const ics = await response.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('SUMMARY:June 2020 SEC Release: Systems scope cut-off');
    expect(ics).toContain('UID:2020-11.go-live@sec-2020.secrel');
  });

  it('filters the register: each filter narrows the table, and clearing shows every row again', async () => {
    const { page, problems } = await open('register.html');
    const rows = page.locator('#register tbody tr');
    const visible = page.locator('#register tbody tr:visible');
    const total = await rows.count();
    expect(total).toBe(13);
    await expect.poll(() => page.locator('#register-count').textContent()).toBe('All 13 modifications shown');

    await page.getByLabel('Release').selectOption({ label: 'June 2020 SEC Release' });
    expect(await visible.locator('th').allTextContents()).toEqual(['MP079', 'MP084', 'MP088', 'SECMP0053', 'SECMP0062']);
    expect(await page.locator('#register-count').textContent()).toBe('5 of 13 modifications shown');

    await page.getByLabel('System impact').selectOption({ label: 'DCC System-impacting' });
    expect(await visible.locator('th').allTextContents()).toEqual(['SECMP0053', 'SECMP0062']);

    await page.getByLabel('Status').selectOption({ label: 'Approved' });
    expect(await visible.locator('th').allTextContents()).toEqual(['SECMP0053']);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => visible.count()).toBe(total);

    await page.getByLabel('Search').fill('alert storm');
    await expect.poll(() => visible.locator('th').allTextContents()).toEqual(['SECMP0062']);
    await page.getByLabel('Search').fill('no such modification');
    await expect.poll(() => visible.count()).toBe(0);
    expect(await page.locator('#register-count').textContent()).toBe('0 of 13 modifications shown');
    expect(problems).toEqual([]);
  });

  itFull('sorts the register by a column, both ways, with aria-sort saying which', async () => {
    const { page } = await open('register.html');
    const ids = () => page.locator('#register tbody th').allTextContents();
    const release = page.getByRole('columnheader', { name: /Release/ });
    await release.getByRole('button').click();
    expect(await release.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await ids();
    expect(ascending.slice(0, 4).sort()).toEqual(['MP079', 'MP084', 'MP088', 'SECMP0053']); // June 2020
    expect(ascending.slice(-5).sort()).toEqual(['MP078', 'SECMP0007', 'SECMP0015', 'SECMP0024', 'SECMP0056']); // November 2021
    await release.getByRole('button').click();
    expect(await release.getAttribute('aria-sort')).toBe('descending');
    expect((await ids()).slice(0, 5).sort()).toEqual(['MP078', 'SECMP0007', 'SECMP0015', 'SECMP0024', 'SECMP0056']);
  });

  itFull('is still a complete register without JavaScript (no dead filter form)', async () => {
    const { page, problems } = await open('register.html', { javaScriptEnabled: false });
    expect(await page.locator('#register tbody tr:visible').count()).toBe(13);
    expect(await page.locator('#register-filters').isVisible()).toBe(false);
    expect(await page.getByRole('columnheader', { name: 'Governance' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  itFull('shows the cut-off dates on a release page, with how long is left', async () => {
    const { page } = await open('releases/2020-06.html');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('June 2020 SEC Release');
    const cutoffs = page.locator('#cut-off-dates tbody tr');
    expect(await cutoffs.allInnerTexts()).toEqual([
      'DCC or User System-impacting\t25 June 2019 passed 206 days ago\t12 months before go-live',
      'Documentation only\t25 December 2019 passed 23 days ago\t6 months before go-live',
    ]);
    expect(await page.getByRole('link', { name: 'RID for the June 2020 SEC Release, version 1.1' }).getAttribute('href')).toBe('../rid/2020-06.html');
    expect(await page.locator('.lede .countdown').textContent()).toBe('in 160 days');
    const documentation = await open('releases/2021-02.html');
    expect(await documentation.page.locator('#cut-off-dates tbody th').allTextContents()).toEqual(['Documentation only']);
  });

  it('counts down on the index, and moves releases that have gone live to "Past releases"', async () => {
    const { page } = await open('index.html');
    expect(await page.locator('#upcoming tbody th').allTextContents()).toEqual([
      'June 2020 SEC Release',
      'November 2020 SEC Release',
      'February 2021 SEC Release',
      'June 2021 SEC Release',
      'November 2021 SEC Release',
    ]);
    expect(await page.locator('#upcoming .countdown').first().textContent()).toBe('in 160 days');
    expect(await page.locator('#past-section').isVisible()).toBe(false);

    const later = await browser.newContext();
    contexts.push(later);
    const p2 = await later.newPage();
    await p2.clock.setFixedTime(new Date('2020-07-01T09:00:00Z'));
    await p2.goto(`${base}index.html`);
    expect(await p2.locator('#past tbody th').allTextContents()).toEqual(['June 2020 SEC Release']);
    expect(await p2.locator('#past .countdown').textContent()).toBe('went live 6 days ago');
    expect(await p2.locator('#upcoming tbody th').first().textContent()).toBe('November 2020 SEC Release');
  });

  itFull('works from a folder opened straight from disk (file://): links are relative', async () => {
    const { page, problems } = await open('', { url: pathToFileURL(join(site, 'index.html')).href });
    await page.getByRole('link', { name: 'November 2020 SEC Release' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('November 2020 SEC Release');
    await page.getByRole('link', { name: 'SECMP0062 part 2' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('SECMP0062');
    await page.getByRole('link', { name: 'Back to the Modifications Register' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Modifications Register');
    expect(problems).toEqual([]);
  });

  itFull('takes screenshots of the index, a release page and the register, for people to look at', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const [path, name] of [
      ['index.html', 'index'],
      ['releases/2020-06.html', 'release-2020-06'],
      ['register.html', 'register'],
      ['modifications/SECMP0062.html', 'modification-SECMP0062'],
    ] as const) {
      const { page } = await open(path);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SHOTS, `${name}-print.png`), fullPage: true });
      expect(statSync(join(SHOTS, `${name}.png`)).size).toBeGreaterThan(10_000);
    }
  });
});
