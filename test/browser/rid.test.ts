// The HTML RID in a real browser (headless Chromium): the tables and the timeline chart are visible, the
// page is self-contained and logs no errors, and it prints to PDF. Skipped only where Chromium is missing;
// the chart and PDF tests run in the full tier (`.ci/run`).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, secrel } from '../helpers/cli.js';
import { FULL } from '../helpers/tier.js';

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

describe('the HTML RID in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let fixture: { dir: string; cleanup: () => void };
  const problems: string[] = [];
  const requests: string[] = [];
  let url = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) return;
    fixture = copyFixture('sec-2020');
    const r = await secrel(['render', 'rid', '--release', '2020-06', '--repo', fixture.dir]);
    expect(r.exitCode).toBe(0);
    url = pathToFileURL(join(fixture.dir, 'out', 'rid', '2020-06.html')).href;
    profile = mkdtempSync(join(tmpdir(), 'secrel-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (req) => requests.push(req.url()));
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    fixture?.cleanup();
  });

  it.skipIf(!existsSync(CHROMIUM))('shows every table', async () => {
    for (const id of ['participant-impact-matrix', 'document-impact-matrix', 'timetable', 'dcc-costs', 'secas-costs', 'history', 'glossary-table']) {
      expect([id, await page.locator(`#${id}`).isVisible()]).toEqual([id, true]);
    }
    expect(await page.locator('#participant-impact-matrix td.tick', { hasText: '✓' }).count()).toBe(13);
    expect(await page.locator('#document-impact-matrix td.tick', { hasText: '✓' }).count()).toBe(10);
    expect(await page.locator('#dcc-costs tfoot td').last().innerText()).toBe('£1,180,042');
    expect(await page.locator('#timetable tbody tr').count()).toBe(23);
  });

  it.skipIf(!existsSync(CHROMIUM) || !FULL)('draws the timeline chart', async () => {
    const chart = page.locator('svg.gantt');
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(200);
    expect(await chart.locator('path.milestone').count()).toBe(9);
    expect(await chart.locator('text.go-live-label').textContent()).toBe('Go-live 25 Jun 20');
    await page.screenshot({ path: join(tmpdir(), 'secrel-rid-2020-06.png'), fullPage: true });
  });

  it.skipIf(!existsSync(CHROMIUM))('logs no errors and loads nothing but itself', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it.skipIf(!existsSync(CHROMIUM) || !FULL)('prints to PDF with the print styles', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#participant-impact-matrix').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });
});
