// What the notices and the RID say about a release as a Party reads them: a late notice does not claim to be on
// time, a User Systems change is not "documentation only", a targeted modification's own decision-by date, the
// Change Requests recorded as riding along, and each modification's own SECAS effort.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const copy = fixtureCopies();

/** The example, with MP097 (User Systems, 6-month lead time, its own SECAS effort) targeted at November 2020 and CR9000 riding along. */
function november(): string {
  const dir = copy();
  writeFileSync(
    join(dir, 'modifications/MP097.yaml'),
    'id: MP097\ntitle: Install failure reports\nstatus: development\nsystemImpact: user\nleadTime: 6m\n' +
      'implementation:\n  release: 2020-11\n  addedToScope: 2019-10-01\ncosts:\n  secas: { days: 4, amount: 2400 }\n',
  );
  writeFileSync(join(dir, 'change-requests/CR9000.yaml'), 'id: CR9000\ntitle: Reporting endpoint\nstatus: planned\nreleases: [2020-11]\n');
  return dir;
}

describe('the notices and the RID of November 2020', () => {
  it('a targeted modification shows its own decision-by date and its User Systems impact; the RID lists the recorded Change Request and the SECAS effort', async () => {
    const dir = november();
    expect((await secrel(['render', '--release', '2020-11', '--repo', dir, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    const twelve = readFileSync(join(dir, 'out/notices/2020-11/12-month.md'), 'utf8');
    expect(twelve).toContain('Targeted at this release, subject to a decision to approve in time:');
    expect(twelve).toContain('- **MP097** ‘Install failure reports’ (User System-impacting): decision by 29 May 2020');
    expect(twelve).toContain('- **CR9000** ‘Reporting endpoint’');
    const rid = readFileSync(join(dir, 'out/rid/2020-11.md'), 'utf8');
    expect(rid).toContain('- **CR9000** ‘Reporting endpoint’');
    expect(rid).not.toContain('No DCC Change Requests are planned alongside this SEC Release.');
    expect(rid).toContain('| Implementing MP097 | 4 days | £2,400 |');
  });

  it('an approval notice of a User Systems change does not call it documentation only', async () => {
    const dir = november();
    const file = join(dir, 'modifications/MP097.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: development', 'status: approved\ndecision:\n  date: 2020-01-06'));
    expect((await secrel(['render', 'notices', '--release', '2020-11', '--repo', dir, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out/notices/2020-11/approval-MP097.md'), 'utf8')).toContain('| DCC System impact | No (User Systems only) |');
  });

  it('a 6-month notice issued late does not say it went out on the cut-off day or six months before go-live', async () => {
    const dir = copy();
    appendFileSync(join(dir, 'releases/2020-11.yaml'), 'notices:\n  sixMonth: 2020-06-02\n');
    expect((await secrel(['render', 'notices', '--release', '2020-11', '--repo', dir, '--as-of', '2020-06-10'])).exitCode).toBe(0);
    const six = readFileSync(join(dir, 'out/notices/2020-11/6-month.md'), 'utf8');
    expect(six).toContain('Issued on Tuesday 2 June 2020.');
    expect(six).toContain('is scheduled to go live on Sunday 29 November 2020.');
    expect(six).toContain('the scope was set on 29 May 2020, six months before go-live.');
    expect(six).not.toContain('this notice');
  });

  it('a notice issued before a cut-off says the scope will be set on it, and one issued after, that it was (found in a new-user trial)', async () => {
    const dir = copy();
    appendFileSync(join(dir, 'releases/2020-11.yaml'), 'notices:\n  twelveMonth: 2019-12-10\n  sixMonth: 2020-05-04\n');
    expect((await secrel(['render', 'notices', '--release', '2020-11', '--repo', dir, '--as-of', '2020-06-10'])).exitCode).toBe(0);
    const six = readFileSync(join(dir, 'out/notices/2020-11/6-month.md'), 'utf8');
    expect(six).toContain('Issued on Monday 4 May 2020.');
    expect(six).toContain('- Modifications that change the SEC documentation only: the scope will be set on 29 May 2020, six months before go-live.');
    expect(six).toContain('- Modifications that impact DCC or User Systems: the scope was set on 29 November 2019.');
    expect(six).toContain("A modification added after its cut-off needs the Panel's agreement as an exception.");
    expect(six).not.toContain('from now on');
    const twelve = readFileSync(join(dir, 'out/notices/2020-11/12-month.md'), 'utf8');
    expect(twelve).toContain('- Modifications that impact DCC or User Systems: the scope was set on 29 November 2019, 12 months before go-live.');
    expect(twelve).toContain('- Modifications that change the SEC documentation only: the scope will be set on 29 May 2020, six months before go-live.');
  });

  it('a draft counts from the day the notice is due, not from "this notice"; one issued on the day counts from itself', async () => {
    const dir = copy();
    expect((await secrel(['render', 'notices', '--release', '2020-11', '--repo', dir, '--as-of', '2020-06-10'])).exitCode).toBe(0);
    const draft = readFileSync(join(dir, 'out/notices/2020-11/6-month.md'), 'utf8');
    expect(draft).toContain('# DRAFT — not yet issued:');
    // Rendered after its due day, a draft that said "six months after this notice" would be wrong the day it went out.
    expect(draft).toContain('is scheduled to go live on Sunday 29 November 2020, six months after the day this notice is due (29 May 2020).');
    expect(draft).toContain('the scope is set on 29 May 2020, the day this notice is due.');
    expect(draft).not.toContain('after this notice');
    appendFileSync(join(dir, 'releases/2020-11.yaml'), 'notices:\n  sixMonth: 2020-05-29\n');
    expect((await secrel(['render', 'notices', '--release', '2020-11', '--repo', dir, '--as-of', '2020-06-10'])).exitCode).toBe(0);
    const issued = readFileSync(join(dir, 'out/notices/2020-11/6-month.md'), 'utf8');
    expect(issued).toContain('is scheduled to go live on Sunday 29 November 2020, six months after this notice.');
    expect(issued).toContain('the scope is set on 29 May 2020, the date of this notice.');
  });
});

describe('the 1-month notice of a release listing Technical Specification versions (SCP-5)', () => {
  it('says which version each one replaces, in a whole sentence (found in a new-user trial: "valid from 29 June 2028; version 5.0")', async () => {
    const dir = copy();
    appendFileSync(
      join(dir, 'releases/2020-11.yaml'),
      'techSpecs:\n  - { document: GBCS, version: "5.1", validFrom: 2020-11-29, previousVersion: "5.0" }\n' +
        '  - { document: DUIS, version: "4.1", validFrom: 2020-11-29, previousVersion: "4.0", previousValidTo: 2020-11-28 }\n',
    );
    expect((await secrel(['render', 'notices', '--release', '2020-11', '--repo', dir, '--as-of', '2020-06-10'])).exitCode).toBe(0);
    const one = readFileSync(join(dir, 'out/notices/2020-11/1-month.md'), 'utf8');
    expect(one).toContain('- GBCS version 5.1, valid from 29 November 2020, replacing version 5.0\n');
    expect(one).toContain('- DUIS version 4.1, valid from 29 November 2020, replacing version 4.0, which is valid to 28 November 2020\n');
  });
});

describe('a Documentation Release holding a change to User Systems', () => {
  it('shows the 12-month cut-off of that change in its RID, its notices, the calendar and the plan (found in a fresh-data trial)', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'modifications/MP200.yaml'),
      'id: MP200\ntitle: User report format\nstatus: development\nsystemImpact: user\nimplementation:\n  release: 2021-02\n  addedToScope: 2019-12-01\n',
    );
    expect((await secrel(['render', '--release', '2021-02', '--repo', dir, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    const cutoffs =
      'The scope cut-off for modifications that impact DCC or User Systems is 25 February 2020 (12 months before go-live); for documentation-only modifications, 25 August 2020 (six months before go-live).';
    expect(readFileSync(join(dir, 'out/rid/2021-02.md'), 'utf8')).toContain(cutoffs);
    expect(readFileSync(join(dir, 'out/notices/2021-02/12-month.md'), 'utf8')).toContain(
      '- Modifications that impact DCC or User Systems: the scope is set on 25 February 2020, 12 months before go-live.',
    );
    const calendar = await secrel(['calendar', '2021', '--repo', dir]);
    expect(calendar.stdout).toMatch(/^2021-02 +Docs +Thu 25 Feb 2021 +25 Feb 2020 +25 Aug 2020/m);
    const plan = await secrel(['plan', '--release', '2021-02', '--repo', dir, '--as-of', '2020-01-17']);
    expect(plan.stdout).toMatch(/25 Feb 2020 +Systems scope cut-off/);
    // Without such a change, a Documentation Release has only the six-month cut-off.
    const plain = await secrel(['calendar', '2021', '--repo', copy()]);
    expect(plain.stdout).toMatch(/^2021-02 +Docs +Thu 25 Feb 2021 +- +25 Aug 2020/m);
  });
});

describe('an ad-hoc release the Panel agreed after its 12-month point', () => {
  it('sets its systems scope on the day it was agreed, in the RID and notices, and calls an addition that day no exception (found in a fresh-data trial)', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'releases/2020-09.yaml'), 'id: 2020-09\nadhoc: true\ndate: 2020-09-17\ntype: system\nagreed: 2019-11-01\n');
    writeFileSync(
      join(dir, 'modifications/MP300.yaml'),
      'id: MP300\ntitle: Urgent fix\nstatus: development\nsystemImpact: true\nimplementation:\n  release: 2020-09\n  addedToScope: 2019-11-01\n  exception: Agreed with the release.\n',
    );
    expect((await secrel(['render', '--release', '2020-09', '--repo', dir, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    const rid = readFileSync(join(dir, 'out/rid/2020-09.md'), 'utf8');
    expect(rid).toContain(
      'The scope cut-off for modifications that impact DCC or User Systems is 1 November 2019 (the day the Panel agreed to create this release, after its 12-month point); for documentation-only modifications, 17 March 2020 (six months before go-live).',
    );
    expect(rid).not.toContain('after the cut-off');
    expect(readFileSync(join(dir, 'out/notices/2020-09/6-month.md'), 'utf8')).toContain(
      '- Modifications that impact DCC or User Systems: the scope was set on 1 November 2019, when the Panel agreed to create the release.',
    );
    expect(readFileSync(join(dir, 'out/site/releases/2020-09.html'), 'utf8')).not.toContain('by exception');
    // Added later than that day, it was late, and the exception says why.
    writeFileSync(
      join(dir, 'modifications/MP300.yaml'),
      readFileSync(join(dir, 'modifications/MP300.yaml'), 'utf8').replace('addedToScope: 2019-11-01', 'addedToScope: 2019-12-02'),
    );
    expect((await secrel(['render', 'rid', '--release', '2020-09', '--repo', dir, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out/rid/2020-09.md'), 'utf8')).toContain(
      'Added to the scope after the cut-off (on 2 December 2019), as an exception the Panel agreed: Agreed with the release.',
    );
    // plan lists the RID's first baseline and the cost forecast on the day check wants them, not as "n/a".
    const plan = await secrel(['plan', '--release', '2020-09', '--repo', dir, '--as-of', '2020-01-17']);
    expect(plan.stdout).toMatch(/17 Mar 2020 +RID baseline \(systems scope\)/);
    expect(plan.stdout).toMatch(/17 Mar 2020 +Forecast Release Cost due/);
  });
});
