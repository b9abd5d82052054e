// `render --pdf`: a PDF beside each document that says what it is (OutputFile.document), printed by Chromium
// from its self-contained HTML (rid/2020-06.html → rid/2020-06.pdf); a notice, which has only Markdown,
// from that Markdown made HTML (templates/notices/notice.html.hbs). A4, tagged (accessible), with an
// outline from the headings, and a running header (name, version) and footer (classification, page
// numbers) on every page. A PDF carries the time it was printed, so PDFs are never compared (`--check`).
import { marked } from 'marked';
import type { Browser } from 'playwright-core';
import { classificationLine, versionLabel, type DocumentMeta } from '../document-meta.js';
import type { Engine } from '../engine.js';
import { Trusted } from '../escape.js';
import type { OutputFile } from '../targets.js';
import { withChromium } from './chromium.js';

/** One document to print: where its PDF goes, its HTML, and what the running header and footer say. */
export interface PdfJob {
  path: string;
  html: string;
  title: string;
  meta: DocumentMeta;
}

const base = (path: string) => path.slice(0, path.lastIndexOf('.'));

/** The documents among `files` to print, each with its HTML (the rendered one, or made from its Markdown). */
export function pdfJobs(files: readonly OutputFile[], engine: Engine): PdfJob[] {
  const html = new Map(files.filter((f) => f.path.endsWith('.html') && typeof f.content === 'string').map((f) => [base(f.path), f.content as string]));
  const jobs: PdfJob[] = [];
  for (const f of files) {
    if (f.document === undefined || typeof f.content !== 'string' || !f.path.endsWith('.md')) continue;
    const heading = /^# (.+)$/m.exec(f.content)?.[1]?.replace(/\\(.)/g, '$1');
    const title = f.document.title ?? heading ?? 'SEC document';
    const page = html.get(base(f.path)) ?? engine.render('notices/notice.html', { title, body: new Trusted(marked.parse(f.content, { async: false })) });
    jobs.push({ path: `${base(f.path)}.pdf`, html: page, title, meta: f.document });
  }
  return jobs;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Chromium draws these in the page margins, in their own document: inline styles only, and its font size
// starts tiny, so it is set. `pageNumber` and `totalPages` are filled in by Chromium.
const BAND =
  'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #444; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between; gap: 8mm;';

function header(job: PdfJob): string {
  return `<div style="${BAND}"><span>${escapeHtml(job.title)}</span><span>${escapeHtml(versionLabel(job.meta))}</span></div>`;
}

function footer(job: PdfJob): string {
  return `<div style="${BAND}"><span>${escapeHtml(classificationLine(job.meta.classification))}</span><span style="white-space: nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

async function print(browser: Browser, job: PdfJob): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    // The HTML is self-contained: nothing to fetch, so nothing is allowed to be fetched.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(job.html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4',
      tagged: true,
      outline: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: header(job),
      footerTemplate: footer(job),
      margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
    });
  } finally {
    await page.close();
  }
}

/** Prints every job with one Chromium; `env` says which Chromium (SECREL_CHROMIUM). */
export async function pdfOutputs(jobs: readonly PdfJob[], env: Readonly<Record<string, string | undefined>>): Promise<OutputFile[]> {
  if (jobs.length === 0) return [];
  return withChromium(env, async (browser) => {
    const out: OutputFile[] = [];
    for (const job of jobs) out.push({ path: job.path, content: await print(browser, job) });
    return out;
  });
}
