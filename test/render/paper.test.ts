// The Panel paper "SEC Releases update" for the Panel meeting of 17 January 2020, dated 10 January 2020,
// from fixtures/sec-2020: golden files (Markdown and HTML, reviewed against the seed paper SECP_76_1701_23)
// and the seed's facts in sections 2 and 3, and its recommendations, checked one by one, in Word too.
// After an intended change: UPDATE_GOLDEN=1 npx vitest run test/render/paper.test.ts, and review the diff.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, ROOT, secrel } from '../helpers/cli.js';
import { paragraphs, readDocx } from '../helpers/docx.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'sec-2020-paper');
const NAME = '2020-01-17-2020-06';
const copy = copyFixture('sec-2020');
afterAll(() => copy.cleanup());
let md = '';
let html = '';

beforeAll(async () => {
  const r = await secrel(['render', 'paper', '--release', '2020-06', '--meeting', '2020-01-17', '--as-of', '2020-01-10', '--repo', copy.dir], {
    cwd: copy.dir,
  });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(
    `wrote   out/papers/${NAME}.docx\nwrote   out/papers/${NAME}.html\nwrote   out/papers/${NAME}.md\n3 files in out: 3 written, 0 unchanged`,
  );
  md = readFileSync(join(copy.dir, 'out/papers', `${NAME}.md`), 'utf8');
  html = readFileSync(join(copy.dir, 'out/papers', `${NAME}.html`), 'utf8');
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(join(GOLDEN, `${NAME}.md`), md);
    writeFileSync(join(GOLDEN, `${NAME}.html`), html);
  }
});

/** The bullet items under the paragraph that starts with `lead`. */
function listAfter(text: string, lead: string): string[] {
  const start = text.indexOf(lead);
  expect(start, lead).toBeGreaterThanOrEqual(0);
  const lines = text.slice(start).split('\n').slice(1);
  const items: string[] = [];
  for (const line of lines.slice(lines[0] === '' ? 1 : 0)) {
    if (!line.startsWith('- ')) break;
    items.push(line.slice(2));
  }
  return items;
}

describe('the Panel paper of 10 January 2020', () => {
  it('matches the golden Markdown and HTML byte for byte', () => {
    expect(md).toBe(readFileSync(join(GOLDEN, `${NAME}.md`), 'utf8'));
    expect(html).toBe(readFileSync(join(GOLDEN, `${NAME}.html`), 'utf8'));
  });

  it('--docx asks for the Word document the paper always has: the same three files, not an internal error', async () => {
    const args = ['render', 'paper', '--release', '2020-06', '--meeting', '2020-01-17', '--as-of', '2020-01-10', '--repo', copy.dir, '--docx'];
    const again = await secrel(args, { cwd: copy.dir });
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe('3 files in out: 0 written, 3 unchanged');
    expect((await secrel([...args, '--check'], { cwd: copy.dir })).exitCode).toBe(0);
  });

  it('has the seed’s purpose: the releases in 2020 and 2021, re-baselining the June 2020 RID', () => {
    expect(md).toContain(
      'This paper provides an update on the scope of the SEC Releases in 2020 and 2021 and asks the Panel to re-baseline the Release Implementation Document (RID) for the June 2020 SEC Release.',
    );
  });

  it('section 2: the two baselined DCC System-impacting modifications, and the three documentation-only ones proposed', () => {
    expect(md).toContain('## 2. June 2020 SEC Release');
    expect(
      listAfter(md, 'The Panel previously approved two modifications that impact DCC Systems for inclusion in the June 2020 SEC Release on 25 June 2020'),
    ).toEqual([
      'SECMP0053 ‘Amend Target Response Times for Service Requests Critical to Installation and Commissioning Processes’',
      'SECMP0062 ‘Northbound Application Traffic Management – Alert Storm Protection’ part 1',
    ]);
    expect(listAfter(md, 'We are proposing that the following modifications that don’t impact DCC Systems are also included in scope:')).toEqual([
      'MP079 ‘Provisions for withdrawing modifications’',
      'MP084 ‘Other User Panel Seating Amendment’',
      'MP088 ‘Power to raise modifications’',
    ]);
    expect(md).toContain(
      'The DCC has also provided the list of DCC Change Requests that it plans to implement alongside this SEC Release, and these can be found in the RID.',
    );
    expect(md).toContain('can be found in Appendix A. We are asking the Panel to re-baseline this document for this updated scope.');
    expect(md).toContain(
      'should be set six months before go-live. We would therefore not expect any further modifications to be added to the scope after this meeting.',
    );
    expect(md).toContain('The DCC In-Life Change Team is investigating multiple Test Approach options for the delivery of this SEC Release.');
  });

  it('section 3: the four modifications still in the November 2020 release, and the five moved to 2021', () => {
    expect(md).toContain('## 3. November 2020 SEC Release');
    expect(listAfter(md, 'We currently understand that only the following modifications could be included:')).toEqual([
      'SECMP0046 ‘Allow DNOs to control Electric Vehicle chargers connected to Smart Meter infrastructure’',
      'SECMP0062 ‘Northbound Application Traffic Management – Alert Storm Protection’ part 2',
      'SECMP0067 ‘Service Request Traffic Management’',
      'MP093 ‘Implementing IRP511 and CRP535 to support GBCS v3.2 devices’',
    ]);
    expect(
      listAfter(md, 'previously targeted for the November 2020 SEC Release are now expected to be implemented in the November 2021 SEC Release:').map(
        (l) => l.split(' ')[0],
      ),
    ).toEqual(['SECMP0007', 'SECMP0015', 'SECMP0024', 'SECMP0056', 'MP078']);
    expect(md).toContain('SECAS will update the November 2020 SEC RID to reflect the reduced scope on the DCC Systems');
  });

  it('section 3 with an approved modification among those still in November 2020: listed as approved, not as one that "could be included" (found in a fresh-data trial)', async () => {
    const other = copyFixture('sec-2020');
    try {
      const file = join(other.dir, 'modifications/SECMP0067.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^systemImpact: true$/m, 'status: approved\ndecision:\n  date: 2020-01-06\nsystemImpact: true'));
      const args = ['render', 'paper', '--release', '2020-06', '--meeting', '2020-01-17', '--as-of', '2020-01-10', '--repo', other.dir];
      expect((await secrel(args, { cwd: other.dir })).exitCode).toBe(0);
      const paper = readFileSync(join(other.dir, 'out/papers', `${NAME}.md`), 'utf8');
      expect(listAfter(paper, 'The following modification has been approved for implementation in it:')).toEqual([
        'SECMP0067 ‘Service Request Traffic Management’',
      ]);
      expect(
        listAfter(paper, 'We currently understand that only the following modifications targeted at it could also be included:').map((l) => l.split(' ')[0]),
      ).toEqual(['SECMP0046', 'SECMP0062', 'MP093']);
    } finally {
      other.cleanup();
    }
  });

  it('asks the Panel for the seed’s decisions, and attaches the RID v1.1 as Appendix A', () => {
    expect(listAfter(md, 'The Panel is requested to:')).toEqual([
      '**AGREE** the targeted scope for the June 2020 SEC Release on the SEC documentation;',
      '**BASELINE** the June 2020 SEC Release Implementation Document; and',
      '**AGREE** the proposed scopes for subsequent SEC Releases on the DCC Systems.',
    ]);
    expect(listAfter(md, 'Attachments:')).toEqual(['Appendix A: June 2020 SEC Release Implementation Document v1.1']);
    expect(md).toContain('\n## SEC Release Implementation Document — June 2020 SEC Release\n');
    expect(md).toContain('\n### 5. Costs\n');
    expect(html).toContain('<table id="dcc-costs">');
    expect(html.match(/<h1\b/g)).toHaveLength(1);
  });

  it('is a Word document with the paper’s sections and the RID’s below them', () => {
    const body = paragraphs(readDocx(join(copy.dir, 'out/papers', `${NAME}.docx`))['word/document.xml']!);
    const h1 = body.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual([
      '1. Purpose',
      '2. June 2020 SEC Release',
      '3. November 2020 SEC Release',
      '4. November 2021 SEC Release',
      '5. Recommendations',
      'SEC Release Implementation Document — June 2020 SEC Release',
    ]);
    expect(body.filter((p) => p.style === 'Heading2').map((p) => p.text)).toContain('5. Costs');
  });

  it('says that a baselined modification withdrawn since has left the scope, rather than dropping it from the list', async () => {
    const other = copyFixture('sec-2020');
    try {
      const file = join(other.dir, 'modifications/SECMP0053.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: approved', 'status: withdrawn'));
      const r = await secrel(['render', 'paper', '--release', '2020-06', '--meeting', '2020-01-17', '--as-of', '2020-01-10', '--repo', other.dir]);
      expect(r.exitCode).toBe(0);
      const text = readFileSync(join(other.dir, 'out/papers', `${NAME}.md`), 'utf8');
      const baselined = listAfter(text, 'The Panel previously approved two modifications that impact DCC Systems');
      expect(baselined.map((l) => l.split(' ')[0])).toContain('SECMP0053');
      expect(listAfter(text, 'Since that baseline, this modification has left the scope:')).toEqual([
        'SECMP0053 ‘Amend Target Response Times for Service Requests Critical to Installation and Commissioning Processes’: withdrawn',
      ]);
    } finally {
      other.cleanup();
    }
  });

  it('needs --release and --meeting, and says how', async () => {
    const r = await secrel(['render', 'paper', '--repo', copy.dir, '--release', '2020-06']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('`secrel render paper` needs the release whose RID the Panel is asked to baseline and the meeting date');
    expect(r.stderr).toContain('secrel render paper --release 2020-06 --meeting 2020-01-17 --as-of 2020-01-10');
  });
});
