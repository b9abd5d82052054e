// `secrel render --pdf` with Debian's Chromium (full tier): the June 2020 RID, its notices and the Panel
// paper as A4 PDFs beside their HTML, tagged and with an outline; PDFs stay out of the manifest and of
// `render --check`. A screenshot of the RID's first printed page goes to test-results/pdf/ for review.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { copyFixture, ROOT, secrel } from '../helpers/cli.js';
import { itFull, FULL } from '../helpers/tier.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'pdf');
const env = { SECREL_CHROMIUM: CHROMIUM };

describe.skipIf(!existsSync(CHROMIUM) || !FULL)('render --pdf in Chromium', { timeout: 180_000 }, () => {
  let fixture: { dir: string; cleanup: () => void };
  let out: string;
  let browser: Browser;

  beforeAll(async () => {
    fixture = copyFixture('sec-2020');
    out = join(fixture.dir, 'out');
    const r = await secrel(['render', 'rid', '--release', '2020-06', '--pdf', '--repo', fixture.dir], { cwd: fixture.dir, env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('wrote   out/rid/2020-06.html\nwrote   out/rid/2020-06.md\nwrote   out/rid/2020-06.pdf\n3 files in out: 3 written, 0 unchanged');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    fixture?.cleanup();
  });

  itFull('prints the RID as a tagged PDF with an outline of its headings', () => {
    const pdf = readFileSync(join(out, 'rid', '2020-06.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toContain('/Outlines');
    expect(text).toContain('/StructTreeRoot'); // tagged
    expect(text).toMatch(/\/MediaBox \[0 0 59[56]\.\d+ 84[12]\.\d+\]/); // A4: 595 × 842 points
    expect(text.match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(8);
  });

  itFull('leaves PDFs out of the manifest, so `render --check` neither compares nor removes them', async () => {
    expect(readFileSync(join(out, '.secrel-outputs.json'), 'utf8')).not.toContain('.pdf');
    const check = await secrel(['render', 'rid', '--release', '2020-06', '--check', '--repo', fixture.dir], { cwd: fixture.dir });
    expect(check.stdout).toBe('2 files in out up to date');
    expect(check.exitCode).toBe(0);
  });

  itFull('prints each notice (Markdown only) and the Panel paper too', async () => {
    const n = await secrel(['render', 'notices', '--release', '2020-06', '--pdf', '--repo', fixture.dir], { cwd: fixture.dir, env });
    expect(n.exitCode, n.stderr).toBe(0);
    expect(
      readdirSync(join(out, 'notices', '2020-06'))
        .filter((f) => f.endsWith('.pdf'))
        .sort(),
    ).toEqual(['1-month.pdf', '12-month.pdf', '6-month.pdf', 'approval-SECMP0053.pdf']);
    expect(readFileSync(join(out, 'notices', '2020-06', '6-month.pdf')).toString('latin1')).toContain('/Outlines');
    const p = await secrel(['render', 'paper', '--release', '2020-06', '--meeting', '2020-01-17', '--as-of', '2020-01-10', '--pdf', '--repo', fixture.dir], {
      cwd: fixture.dir,
      env,
    });
    expect(p.exitCode, p.stderr).toBe(0);
    expect(p.stdout).toContain('wrote   out/papers/2020-01-17-2020-06.pdf');
  });

  itFull('paper print styles: the paper’s sections run on; only the appendix RID’s sections start a page', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, 'papers', '2020-01-17-2020-06.html')}`);
    await page.emulateMedia({ media: 'print' });
    // (The test compiles without the DOM library: the browser's getComputedStyle, typed by hand.)
    const breaks = await page.$$eval('h2, h3', (hs) =>
      hs.map((h) => {
        const style = (globalThis as unknown as { getComputedStyle(e: unknown): { breakBefore: string } }).getComputedStyle(h);
        return `${h.tagName} ${style.breakBefore} ${h.textContent!.trim()}`;
      }),
    );
    expect(breaks.filter((b) => b.startsWith('H2 page'))).toEqual([]);
    expect(breaks.filter((b) => b.startsWith('H3 page')).map((b) => b.slice('H3 page '.length))).toEqual([
      '1. Scope',
      '2. Impacts',
      '3. Implementation timeline',
      '4. Test strategy',
      '5. Costs',
      '6. Acceptance criteria',
      'Appendix 1: Version control',
      'Appendix 2: Glossary',
    ]);
    await page.close();
  });

  itFull('takes a screenshot of the RID’s first printed page for review', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } }); // A4 at 96 dpi
    await page.goto(`file://${join(out, 'rid', '2020-06.html')}`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'rid-2020-06-page-1.png') });
    expect(statSync(join(SHOTS, 'rid-2020-06-page-1.png')).size).toBeGreaterThan(10_000);
    await page.close();
  });
});
