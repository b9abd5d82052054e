// The site's notices pages, the Register's implementation dates and its CSV and JSON downloads, and the
// DCC Release Notes link, through `secrel render site` as a user runs it.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, secrel } from '../helpers/cli.js';

const copy = fixtureCopies();

async function site(repo: string): Promise<(path: string) => string> {
  const r = await secrel(['render', 'site', '--repo', repo]);
  expect(r.exitCode, r.stderr).toBe(0);
  return (path) => readFileSync(join(repo, 'out', 'site', path), 'utf8');
}

/** The text of an HTML fragment, tags dropped and spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the site: notices, the register as data, DCC Release Notes', () => {
  it('has a notices page per release, linked from the release page, with due and issue dates or a draft mark', async () => {
    const repo = copy();
    appendFileSync(join(repo, 'releases', '2020-06.yaml'), 'notices:\n  twelveMonth: 2019-06-25\n');
    const read = await site(repo);
    const release = read('releases/2020-06.html');
    expect(text(release)).toContain('Notices Notices of the June 2020 SEC Release (1 of 4 issued)');
    expect(release).toContain('<a href="../notices/2020-06.html">');
    const page = read('notices/2020-06.html');
    const rows = [...page.matchAll(/<tr>\n<th scope="row">([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!));
    expect(rows).toEqual([
      'SECMP0053 approved for the June 2020 SEC Release Approval and implementation date (COM-1) When the decision is recorded Draft not issued',
      'June 2020 SEC Release: 12-month notice 12-month notice (COM-2) 25 June 2019 25 June 2019',
      'June 2020 SEC Release: 6-month notice 6-month notice (COM-2) 25 December 2019 Draft not issued',
      'June 2020 SEC Release: go-live in one month One-month notice (COM-3) 25 May 2020 Draft not issued',
    ]);
    // Each notice's own text follows, as `secrel render notices` writes it.
    expect(page).toContain('<h2 id="6-month">June 2020 SEC Release: 6-month notice</h2>');
    expect(text(page)).toContain('Any modification added from now on needs the Panel&#39;s agreement as an exception.');
    expect(text(page)).toContain(
      'Approval and implementation date (COM-1). Due 1 Working Day after the decision is final; no decision is recorded yet. Draft No issue is recorded',
    );
  });

  it('gives the register an implementation date column, and CSV and JSON downloads with the same rows', async () => {
    const read = await site(copy());
    const register = read('register.html');
    expect(register).toContain('<th scope="col">Implementation date</th>');
    expect(register).toContain('<a href="register.csv" download>CSV (spreadsheets)</a>');
    expect(register).toContain('<a href="register.json" download>JSON (programs)</a>');
    const row = register.slice(register.indexOf('<a href="modifications/SECMP0062.html">'));
    expect(text(row.slice(0, row.indexOf('</tr>')))).toBe(
      'SECMP0062 Northbound Application Traffic Management – Alert Storm Protection Not recorded June 2020 SEC Release (part 1) November 2020 SEC Release (part 2) 25 June 2020 (targeted) 29 November 2020 (targeted) Not recorded DCC System-impacting',
    );

    const csv = read('register.csv').split('\r\n');
    // After the UTF-8 byte-order mark the file starts with (see the next test).
    expect(csv[0]).toBe('\uFEFFModification,Title,Status,Release,Implementation date,Governance,System impact,SEC website');
    expect(csv.find((l) => l.startsWith('SECMP0053,'))).toMatch(
      /^SECMP0053,Amend Target Response Times for Service Requests Critical to Installation and Commissioning Processes,Approved,June 2020 SEC Release,2020-06-25,Not recorded,DCC System-impacting,https:/,
    );
    expect(csv.find((l) => l.startsWith('SECMP0062,'))).toContain(
      ',June 2020 SEC Release (part 1); November 2020 SEC Release (part 2),2020-06-25 (targeted); 2020-11-29 (targeted),',
    );
    expect(csv).toHaveLength(13 + 2); // header, 13 modifications, and the empty string after the last CRLF

    const json = JSON.parse(read('register.json')) as {
      modifications: { id: string; implementation: { date: string; part: number | null; approved: boolean }[]; status: string | null }[];
    };
    expect(json.modifications.map((m) => m.id)).toEqual(csv.slice(1, -1).map((l) => l.split(',')[0]));
    expect(read('register.json').startsWith('{')).toBe(true); // JSON has no byte-order mark
    expect(json.modifications.find((m) => m.id === 'SECMP0053')).toMatchObject({
      status: 'approved',
      implementation: [{ date: '2020-06-25', part: null, approved: true }],
    });
  });

  it('starts register.csv with the UTF-8 byte-order mark, once, so Excel reads Môn, Dŵr and «» as written; render --check agrees', async () => {
    const repo = copy();
    writeTitle(join(repo, 'modifications', 'MP079.yaml'), 'Ynys Môn and Dŵr Cymru «guidance»');
    await site(repo);
    const bytes = readFileSync(join(repo, 'out', 'site', 'register.csv'));
    expect([...bytes.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'M'.charCodeAt(0)]);
    const csv = bytes.toString('utf8');
    expect(csv.split('\uFEFF')).toHaveLength(2);
    expect(csv).toContain('\r\nMP079,Ynys Môn and Dŵr Cymru «guidance»,');
    const check = await secrel(['render', 'site', '--check', '--repo', repo]);
    expect(check).toMatchObject({ exitCode: 0 });
    // A register.csv written before, without the mark, is out of date: render --check says so, render rewrites it.
    writeFileSync(join(repo, 'out', 'site', 'register.csv'), bytes.subarray(3));
    const stale = await secrel(['render', 'site', '--check', '--repo', repo]);
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout).toContain('register.csv');
    await site(repo);
    expect(readFileSync(join(repo, 'out', 'site', 'register.csv'))).toEqual(bytes);
  });

  it('quotes CSV fields that need it and defuses ones a spreadsheet would run as a formula', async () => {
    const repo = copy();
    const file = join(repo, 'modifications', 'MP079.yaml');
    writeTitle(file, '=HYPERLINK("x"), "quoted"');
    const csv = (await site(repo))('register.csv');
    expect(csv).toContain('\r\nMP079,"\'=HYPERLINK(""x""), ""quoted""",');
  });

  it('links the DCC Release Notes from the release page when they are recorded, and says when they are not', async () => {
    const repo = copy();
    appendFileSync(
      join(repo, 'releases', '2020-06.yaml'),
      'releaseNotes:\n  url: https://www.smartdcc.co.uk/release-notes/june-2020.pdf\n  title: DCC Release Notes R2.1\n  published: 2020-06-18\n',
    );
    const read = await site(repo);
    expect(text(read('releases/2020-06.html'))).toContain('DCC Release Notes DCC Release Notes R2.1 , published 18 June 2020');
    expect(read('releases/2020-06.html')).toContain('<a href="https://www.smartdcc.co.uk/release-notes/june-2020.pdf">DCC Release Notes R2.1</a>');
    expect(text(read('releases/2020-11.html'))).toContain('DCC Release Notes Not published yet');
    const v = await secrel(['validate', '--repo', repo]);
    expect(v.exitCode, v.stdout).toBe(0);
  });

  it('refuses Release Notes without a URL, naming the field', async () => {
    const repo = copy();
    appendFileSync(join(repo, 'releases', '2020-06.yaml'), 'releaseNotes:\n  title: DCC Release Notes R2.1\n');
    const v = await secrel(['validate', '--repo', repo]);
    expect(v.exitCode).toBe(1);
    expect(v.stdout).toMatch(/releases\/2020-06\.yaml:209:1 error SCHEMA\n {4}`releaseNotes` is missing the required key `url`/);
  });
});

function writeTitle(file: string, title: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: '${title.replace(/'/g, "''")}'`));
}
