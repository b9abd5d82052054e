// `secrel render rid --docx` as a user runs it: the June 2020 RID as a Word document, read back from the
// zip: heading styles (which build the table of contents), the six cost figures, the version history,
// the glossary, page header and footer, explicit table widths, and the same bytes on every run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, secrel } from '../helpers/cli.js';
import { paragraphs, readDocx, tables } from '../helpers/docx.js';

const copy = copyFixture('sec-2020');
const repo = copy.dir;
afterAll(() => copy.cleanup());
let parts: Record<string, string>;
let md: string;

beforeAll(async () => {
  const r = await secrel(['render', 'rid', '--repo', repo, '--release', '2020-06', '--docx'], { cwd: repo });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('wrote   out/rid/2020-06.docx\nwrote   out/rid/2020-06.html\nwrote   out/rid/2020-06.md\n3 files in out: 3 written, 0 unchanged');
  parts = readDocx(join(repo, 'out/rid/2020-06.docx'));
  md = readFileSync(join(repo, 'out/rid/2020-06.md'), 'utf8');
});

describe('the June 2020 RID as a Word document', () => {
  it('is a Word document with the RID title and the seed sections as Heading 1, and a table of contents', () => {
    expect(parts['[Content_Types].xml']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    const body = paragraphs(parts['word/document.xml']!);
    expect(body[0]).toEqual({ style: 'Title', text: 'SEC Release Implementation Document — June 2020 SEC Release' });
    expect(body.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'About this document',
      '1. Scope',
      '2. Impacts',
      '3. Implementation timeline',
      '4. Test strategy',
      '5. Costs',
      '6. Acceptance criteria',
      'Appendix 1: Version control',
      'Appendix 2: Glossary',
    ]);
    expect(body.filter((p) => p.style === 'Heading2').map((p) => p.text)).toContain('Targeted Modification Proposals');
    expect(parts['word/document.xml']).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(body.filter((p) => p.style === 'TOC1').map((p) => p.text.split('\t')[0])).toContain('Appendix 2: Glossary');
  });

  it('carries the six cost figures: the four phase totals, the breakdown total and the quoted total', () => {
    const costs = tables(parts['word/document.xml']!).find((t) => t[0]?.[1] === 'Design, Build & PIT')!;
    expect(costs.at(-1)).toEqual(['Total', '£1,017,918', '£123,634', '£15,288', '£23,202', '£1,180,042']);
    expect(costs[1]).toEqual(['SECMP0053', '£53,572', '£26,639', '£5,929', '£5,510', '£91,650']);
    const text = paragraphs(parts['word/document.xml']!)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('The total DCC implementation costs of this release are currently quoted as £1,120,042. The breakdown below sums to £1,180,042.');
  });

  it('has the version history and the glossary as tables', () => {
    const all = tables(parts['word/document.xml']!);
    const history = all.find((t) => t[0]?.join('|') === 'Version|Date|Changes')!;
    expect(history.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual(['0.1 09 May 19', '0.2 12 Sep 19', '0.3 04 Oct 19', '1.0 11 Oct 19', '1.1 10 Jan 20']);
    const glossary = all.find((t) => t[0]?.join('|') === 'Acronym|Full term')!;
    expect(glossary).toContainEqual(['TABASC', 'Technical Architecture and Business Architecture Sub-Committee']);
    expect(glossary).toContainEqual(['SECAS', 'Smart Energy Code Administrator and Secretariat']);
  });

  it('says in Word what the Markdown says: every table cell and list item of the Markdown is in it', () => {
    const text = paragraphs(parts['word/document.xml']!)
      .map((p) => p.text)
      .join('\n');
    const plain = (s: string) =>
      s
        .replace(/\*\*/g, '')
        .replace(/\\(.)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .trim();
    const cells = md
      .split('\n')
      .filter((l) => l.startsWith('|') && !/^\|[\s:|-]+\|$/.test(l))
      .flatMap((l) =>
        l
          .split(/(?<!\\)\|/)
          .slice(1, -1)
          .map(plain),
      );
    const items = md
      .split('\n')
      .filter((l) => /^(\d+\.|-) /.test(l) && !l.includes('](#'))
      .map((l) => plain(l.replace(/^(\d+\.|-) /, '')));
    expect(cells.length + items.length).toBeGreaterThan(150);
    for (const fact of [...cells, ...items].filter((f) => f !== '')) expect(text).toContain(fact);
  });

  it('has page headers with the document name and version, footers with the classification and page numbers', () => {
    const header = Object.entries(parts).find(([p]) => /^word\/header\d*\.xml$/.test(p))![1];
    expect(paragraphs(header).map((p) => p.text)).toEqual(['June 2020 SEC Release Implementation Document\tVersion 1.1']);
    const footer = Object.entries(parts).find(([p]) => /^word\/footer\d*\.xml$/.test(p))![1];
    expect(paragraphs(footer)[0]!.text).toBe('This document is classified as Clear in accordance with the Panel Information Policy.');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(parts['word/document.xml']).toContain('<w:pgSz w:w="11906" w:h="16838"'); // A4
  });

  it('gives every table explicit, fixed column widths across the text width', () => {
    for (const t of parts['word/document.xml']!.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      const widths = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(9638);
      expect(Math.min(...widths)).toBeGreaterThan(600);
    }
  });

  it('is dated from the data and the same bytes on every run, in any TZ, so render --check compares it', { timeout: 120_000 }, async () => {
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-10T00:00:00Z</dcterms:created>');
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-10T00:00:00Z</dcterms:modified>');
    expect(parts['docProps/core.xml']).toContain('<dc:title>June 2020 SEC Release Implementation Document</dc:title>');
    const again = await secrel(['render', 'rid', '--repo', repo, '--release', '2020-06', '--docx', '--check'], {
      cwd: repo,
      env: { TZ: 'Pacific/Kiritimati' },
    });
    expect(again.stdout).toBe('3 files in out up to date');
    expect(again.exitCode).toBe(0);
    const notices = await secrel(['render', 'notices', '--repo', repo, '--release', '2020-06', '--docx', '--check'], {
      cwd: repo,
      env: { TZ: 'America/Adak' },
    });
    expect(notices.stdout).toMatch(/missing out\/notices\/2020-06\/6-month\.docx/);
  });
});
