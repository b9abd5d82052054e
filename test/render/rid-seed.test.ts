// The RID secrel renders for the June 2020 SEC Release carries everything the seed's June 2020 RID v1.1
// carries (Appendix A of SECP_76_1701_23): every modification and change request, the ticks of both impact
// matrices, the costs, the timetable dates, the acceptance criteria and the version history.
//
// The facts are transcribed below; each is checked in the rendered RID and, where the seed paper is at hand,
// in the seed's own text too, so a transcription slip cannot hide.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { renderFixture, tableAfter } from './render-fixture.js';

const SEED = join(ROOT, '..', 'shared', 'seeds', '003_d8a91a7f257c1981.txt');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
// The RID is the part of the paper from its 'About this document'; Annex 1 before it words some criteria differently.
const seedRid = existsSync(SEED) ? squash(readFileSync(SEED, 'utf8').split('About this document')[1] ?? '') : '';
const inSeed = it.skipIf(!existsSync(SEED));

const MODIFICATIONS = [
  ['SECMP0053', 'Amend Target Response Times for Service Requests Critical to Installation and Commissioning Processes'],
  ['SECMP0062', 'Northbound Application Traffic Management – Alert Storm Protection'],
  ['MP079', 'Provisions for withdrawing modifications'],
  ['MP084', 'Other User Panel Seating Amendment'],
  ['MP088', 'Power to raise modifications'],
] as const;

// Suppliers, Electricity Networks, Gas Networks, Other SEC Parties, DCC.
const PARTICIPANT_TICKS: Record<string, string> = {
  SECMP0053: '✓...✓',
  SECMP0062: '✓✓✓✓✓',
  MP079: '✓✓✓✓✓',
  MP084: '...✓.',
  MP088: '.....',
};

// Columns: SECMP0053, SECMP0062, MP079, MP084, MP088.
const DOCUMENT_TICKS: Record<string, string> = {
  'Section A': '.✓...',
  'Section C': '...✓.',
  'Section D': '..✓.✓',
  'Section G': '....✓',
  'Section H': '.✓...',
  'Section L': '....✓',
  'Appendix E': '✓....',
  'Appendix AB': '.✓...',
  'Appendix AH': '.✓...',
};

const COSTS: Record<string, string[]> = {
  SECMP0053: ['£53,572', '£26,639', '£5,929', '£5,510'],
  SECMP0062: ['£964,346', '£96,995', '£9,359', '£17,692'],
};

const TIMETABLE = [
  ['11 Oct 19', 'Panel baselines RID for system-impacting modifications'],
  ['17 Jan 20', 'Panel baselines RID for non-system-impacting modifications'],
  ['20 May 20', 'DCC submits UIT Completion Report and evidence against the testing acceptance criteria'],
  ['26 May 20', 'DCC submits evidence against the operational acceptance criteria'],
  ['27 May 20', 'TAG reviews UIT Completion Report and status against the testing acceptance criteria'],
  ['02 Jun 20', 'Operations Group reviews status against the operational acceptance criteria'],
  ['12 Jun 20', 'Panel approves UIT Completion Report'],
  ['12 Jun 20', 'Panel go/no-go decision'],
  ['25 Jun 20', 'Release go-live'],
] as const;

const HISTORY = [
  [
    '0.1',
    '09 May 19',
    'First draft issued to the Technical Architecture and Business Architecture Sub-Committee (TABASC), the Operations Group and SEC Parties for comment.',
  ],
  ['0.2', '12 Sep 19', 'Updated draft issued to the TABASC, the Operations Group and SEC Parties for comment.'],
  ['0.3', '04 Oct 19', 'Updated draft following comments from the TABASC and the Operations Group presented to Panel to be baselined.'],
  ['1.0', '11 Oct 19', 'Version baselined by the Panel to cover the proposed scope of the release on the DCC Systems.'],
  ['1.1', '10 Jan 20', 'Updated draft presented to Panel to be baselined.'],
] as const;

const GLOSSARY = ['CSC', 'DCC', 'PIT', 'RID', 'SEC', 'SECAS', 'SIT', 'TABASC', 'TAD', 'TAG', 'UIT'];

/** The criteria's text in the seed RID, numbered within each group. */
function seedCriteria(heading: string, next: string): string[] {
  const block = seedRid.split(heading)[1]!.split(next)[0]!;
  return block
    .split(/ \d\. /)
    .slice(1)
    .map((c) => c.replace(/ Appendix 1.*$/, '').trim());
}

let md = '';
let html = '';
beforeAll(async () => {
  const files = await renderFixture('sec-2020', ['2020-06']);
  md = files.get('rid/2020-06.md')!;
  html = files.get('rid/2020-06.html')!;
});

const ticks = (cells: string[]) => cells.map((c) => (c === '✓' ? '✓' : '.')).join('');

describe('June 2020 RID v1.1, fact by fact', () => {
  it('title, version and date', () => {
    expect(md.split('\n')[0]).toBe('# SEC Release Implementation Document — June 2020 SEC Release');
    expect(tableAfter(md, '# SEC Release Implementation Document — June 2020 SEC Release').slice(1, 3)).toEqual([
      ['Version', '1.1'],
      ['Date', '10 January 2020'],
    ]);
    expect(md).toContain('due to be implemented on 25 June 2020');
  });

  it.each(MODIFICATIONS)('scope: %s ‘%s’', (id, title) => {
    expect(md).toMatch(new RegExp(`^- \\*\\*${id}( part 1)?\\*\\* \\[‘${title}’\\]`, 'm'));
  });

  it('scope: SECMP0053 approved, the rest targeted, SECMP0062 in two parts', () => {
    const approved = md.split('### Approved Modification Proposals')[1]!.split('### Targeted')[0]!;
    expect(approved).toContain('One Modification Proposal has been approved');
    expect(approved).toContain('**SECMP0053**');
    expect(md).toContain('SECMP0062 is being implemented in two parts:');
    expect(md).toContain('- Part 1, in this release: The mechanism for throttling Alerts.');
  });

  it('DCC Change Request CR1088 alongside', () => {
    expect(md).toContain('- **CR1088** ‘DCC Production Proving’');
    expect(md).toContain('DCC Change Requests do not form part of a SEC Release');
  });

  it('participant impact matrix: the same ticks', () => {
    const rows = tableAfter(md, '#### Participant impact matrix');
    expect(rows[0]).toEqual(['Modification', 'Suppliers', 'Electricity Networks', 'Gas Networks', 'Other SEC Parties', 'DCC']);
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[0], ticks(r.slice(1))]))).toEqual(PARTICIPANT_TICKS);
  });

  it('SEC document impact matrix: the same ticks, documents in the same order', () => {
    const rows = tableAfter(md, '#### SEC document impact matrix');
    expect(rows[0]).toEqual(['Document', 'SECMP0053', 'SECMP0062', 'MP079', 'MP084', 'MP088']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Object.keys(DOCUMENT_TICKS));
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[0], ticks(r.slice(1))]))).toEqual(DOCUMENT_TICKS);
    expect(md).toContain('- Appendix AB ‘Service Request Processing Document’');
  });

  it('Party and DCC impact summaries, and no other Code impacts', () => {
    expect(md).toContain('- SECMP0062: Gas Network Parties may be subject to the throttling of Alerts from Devices that exceed defined thresholds.');
    expect(md).toContain('- MP084: Other Users will have a seat on the Panel to be filled by a representative for this sub-group of Other SEC Parties.');
    expect(md).toContain('**Communications Service Providers**');
    expect(md).toContain(
      '- SECMP0062: The Data Service Provider will throttle Alerts issued by Devices when the number of a specific Alert exceeds the set thresholds.',
    );
    expect(md).toContain('No other Codes are impacted as a result of this SEC Release.');
  });

  it('cost table values, the quoted total and the total secrel computes', () => {
    const rows = tableAfter(md, '#### Breakdown of DCC implementation costs');
    expect(rows[0]).toEqual(['Modification', 'Design, Build & PIT', 'SIT', 'UIT', 'Implement to Live', 'Total']);
    for (const [id, values] of Object.entries(COSTS)) expect(rows.find((r) => r[0] === id)!.slice(1, 5)).toEqual(values);
    expect(rows.at(-1)).toEqual(['**Total**', '**£1,017,918**', '**£123,634**', '**£15,288**', '**£23,202**', '**£1,180,042**']);
    expect(md).toContain('currently quoted as £1,120,042. The breakdown below sums to £1,180,042.');
    expect(md).toContain('No impact on operational costs has been identified.');
    expect(tableAfter(md, '### SECAS costs').map((r) => r[2])).toEqual(['Cost', '£1,200', '£12,000', '**£13,200**']);
  });

  it('timetable dates', () => {
    const rows = tableAfter(md, '### Release implementation timetable');
    const dated = rows
      .slice(1)
      .filter((r) => r[0] !== '')
      .map((r) => [r[0], r[1]]);
    expect(dated).toEqual(TIMETABLE.map((t) => [...t]));
    expect(rows.length - 1).toBe(23);
    expect(md).toContain('```mermaid\ngantt\n');
  });

  it('acceptance criteria: the RID text of every operational and testing criterion', () => {
    const criteria = (heading: string) =>
      md
        .split(heading)[1]!
        .split('###')[0]!
        .split('\n')
        .filter((l) => /^\d+\. /.test(l))
        .map((l) => l.replace(/^\d+\. /, ''));
    const operational = criteria('### Operational acceptance criteria');
    const testing = criteria('### Testing acceptance criteria');
    expect(operational).toHaveLength(9);
    expect(testing).toHaveLength(6);
    expect(testing[3]).toBe('The DCC has confirmed that there are no Severity 1 or 2 defects outstanding that would be deployed to the live environment.');
    if (seedRid) {
      expect(operational).toEqual(seedCriteria('Operational acceptance criteria', 'Testing acceptance criteria'));
      expect(testing).toEqual(seedCriteria('Testing acceptance criteria', 'Appendix 1: Version control'));
    }
  });

  it('version history', () => {
    expect(tableAfter(md, '### Document history').slice(1)).toEqual(HISTORY.map((h) => [...h]));
  });

  it('glossary: every acronym the seed lists (and only acronyms the document uses)', () => {
    const acronyms = tableAfter(md, '## Appendix 2: Glossary')
      .slice(1)
      .map((r) => r[0]!);
    for (const a of GLOSSARY) expect(acronyms).toContain(a);
    const body = md.split('## Appendix 2: Glossary')[0]!;
    for (const a of acronyms) expect(body).toMatch(new RegExp(`(?<![A-Za-z0-9])${a}(?![A-Za-z0-9])`));
  });

  it('the HTML RID carries the same facts', () => {
    for (const value of [...Object.values(COSTS).flat(), '£1,120,042', '£1,180,042']) expect(html).toContain(value);
    for (const [, title] of MODIFICATIONS) expect(html).toContain(`‘${title}’`);
    for (const [date] of TIMETABLE) expect(html).toContain(`<td class="date">${date}</td>`);
    expect(html.match(/<td class="tick">✓<\/td>/g)).toHaveLength(
      [...Object.values(PARTICIPANT_TICKS), ...Object.values(DOCUMENT_TICKS)].join('').replace(/\./g, '').length,
    );
  });
});

describe('the transcribed facts are the seed’s', () => {
  inSeed.each(MODIFICATIONS)('%s ‘%s’', (id, title) => {
    expect(seedRid).toContain(`${id} ‘${title}’`);
  });
  inSeed('matrix rows have as many ticks as the seed’s', () => {
    const matrices = [
      [PARTICIPANT_TICKS, seedRid.split('Participant impact matrix')[1]!],
      [DOCUMENT_TICKS, seedRid.split('SEC document impact matrix')[1]!],
    ] as const;
    for (const [row, expected, text] of matrices.flatMap(([t, text]) => Object.entries(t).map(([r, e]) => [r, e, text] as const))) {
      const line = new RegExp(`${row} ((?:✓ *)*)`).exec(text)?.[1] ?? '';
      expect([row, (line.match(/✓/g) ?? []).length]).toEqual([row, expected.replace(/\./g, '').length]);
    }
  });
  inSeed('costs, timetable, history and glossary', () => {
    for (const [id, values] of Object.entries(COSTS)) expect(seedRid).toContain(`${id} ${values.join(' ')}`);
    expect(seedRid).toContain('£1,120,042');
    for (const [date, event] of TIMETABLE) expect(seedRid).toContain(`${date} ${event.split(' ').slice(0, 3).join(' ')}`);
    for (const [version, date, changes] of HISTORY) expect(seedRid).toContain(`${version} ${date} ${changes.split(' ').slice(0, 4).join(' ')}`);
    for (const a of GLOSSARY) expect(seedRid).toMatch(new RegExp(`Glossary.* ${a} `));
  });
});
