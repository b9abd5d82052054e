// The notice of the Authority's revised implementation date (IMP-6: "The Panel will inform Parties of the
// Authority's decision as soon as reasonably practical"), through the built CLI in a real git repository: a
// modification approved and noticed for one release is revised to another. The approval notice stays as issued
// with the first release (COM-5); the new release gets a draft revision notice, not a second approval notice;
// once implementation.revisions[].notified records it, it is an issued record that later edits do not rewrite.
// A modification re-targeted before its approval has no revision notice. (Found in a new-user trial: the new
// release had a permanent draft approval notice saying the 2027 approval was for the November release.)
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const SUMMARY = 'Faster switching data for Suppliers.';
const REVISED = (o: { notified?: string; summary?: string } = {}) =>
  'id: SECMP0053\ntitle: Switching data\n' +
  `summary: ${o.summary ?? SUMMARY}\nstatus: approved\ngovernance: authority\nsystemImpact: true\nleadTime: 12m\n` +
  'decision:\n  date: 2019-06-03\nimplementation:\n  release: 2020-11\n  addedToScope: 2019-05-01\n  revisions:\n' +
  `    - date: 2019-09-02\n      from: 2020-06\n      to: 2020-11\n      reason: The DCC's revised delivery plan.\n` +
  (o.notified ? `      notified: ${o.notified}\n` : '') +
  'notices:\n  approval: 2019-06-04\n';
const ORIGINAL = REVISED()
  .replace('release: 2020-11', 'release: 2020-06')
  .replace(/ {2}revisions:\n[^]*?(?=notices:)/, '');
// Re-targeted before its approval: no Authority revision, and its approval notice is the only one it needs.
const RETARGETED =
  'id: SECMP0054\ntitle: Retargeted before approval\nstatus: approved\ngovernance: authority\nsystemImpact: true\nleadTime: 12m\n' +
  'decision:\n  date: 2019-09-04\nimplementation:\n  release: 2020-11\n  addedToScope: 2019-05-01\n' +
  '  retargets:\n    - { date: 2019-08-01, from: 2020-06, to: 2020-11 }\nnotices:\n  approval: 2019-09-05\n';

describe('the notice of an Authority revision of the implementation date', () => {
  let repo: TempRepo;
  const run = (...args: string[]) => secrel([...args, '--as-of', '2019-09-10'], { cwd: repo.dir });
  const path = (file: string) => join(repo.dir, 'out', 'notices', file);
  const read = (file: string) => readFileSync(path(file), 'utf8');
  let approval: string;

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', 'id: 2020-06\ntype: system\n');
    repo.write('modifications/SECMP0053.yaml', ORIGINAL);
    await repo.commit('SECMP0053 approved for June 2020, its notice issued', '2019-06-04T17:00:00+01:00');
    expect((await run('render', 'notices')).exitCode).toBe(0);
    approval = read('2020-06/approval-SECMP0053.md');
    await repo.commit('notices rendered', '2019-06-05T09:00:00+01:00');
    repo.write('modifications/SECMP0053.yaml', REVISED());
    repo.write('modifications/SECMP0054.yaml', RETARGETED);
    await repo.commit('the Authority revises SECMP0053 to November 2020; SECMP0054 approved', '2019-09-05T09:00:00+01:00');
  });
  afterAll(() => repo.cleanup());

  it('was approved and noticed for the June 2020 release', () => {
    expect(approval).toContain('# SECMP0053 approved for the June 2020 SEC Release\n\nIssued on Tuesday 4 June 2019.');
  });

  it('renders a draft revision notice in the new release, instead of a draft approval notice; the issued one is unchanged', async () => {
    expect((await run('render', 'notices')).exitCode).toBe(0);
    expect(read('2020-06/approval-SECMP0053.md')).toBe(approval);
    expect(existsSync(path('2020-11/approval-SECMP0053.md'))).toBe(false);
    expect(read('2020-11/revision-SECMP0053.md')).toBe(
      [
        '# DRAFT — not yet issued: SECMP0053 implementation date revised to the November 2020 SEC Release',
        '',
        'On 2 September 2019, the Authority agreed a new implementation date for SECMP0053 ‘Switching data’: 5 November 2020, as part of the November 2020 SEC Release. It supersedes the implementation date approved on 3 June 2019: 25 June 2020, as part of the June 2020 SEC Release.',
        '',
        SUMMARY,
        '',
        '| | |',
        '| --- | --- |',
        '| Modification | SECMP0053 ‘Switching data’ |',
        '| Decision date | 3 June 2019 |',
        '| Revised implementation date agreed | 2 September 2019, by the Authority |',
        '| Implementation date | Thursday 5 November 2020 |',
        '| SEC Release | November 2020 SEC Release (System Release) |',
        '| Superseded implementation date | Thursday 25 June 2020 (June 2020 SEC Release) |',
        "| Reason | The DCC's revised delivery plan. |",
        '| DCC System impact | Yes |',
        '',
        'SECMP0053 will be implemented on 5 November 2020 as part of the November 2020 SEC Release, not on 25 June 2020 as part of the June 2020 SEC Release. The Release Implementation Document for the November 2020 SEC Release sets out its scope, impacts, timetable and costs.',
        '',
      ].join('\n'),
    );
    // Re-targeted before its approval: its approval notice, in the release it was approved for, and no revision notice.
    expect(read('2020-11/approval-SECMP0054.md')).toContain('# SECMP0054 approved for the November 2020 SEC Release\n\nIssued on Thursday 5 September 2019.');
    expect(existsSync(path('2020-11/revision-SECMP0054.md'))).toBe(false);
  });

  it('check asks for the notice until notified is recorded', async () => {
    const check = await run('check', '--format', 'json');
    const imp6 = (JSON.parse(check.stdout) as { findings: { rule: string; severity: string; file: string; line: number; message: string }[] }).findings.filter(
      (f) => f.rule === 'IMP-6',
    );
    expect(imp6).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'modifications/SECMP0053.yaml',
        line: 14,
        message: expect.stringContaining('implementation.revisions[0].notified'),
      }),
    ]);
  });

  it('once notified is recorded: issued, and later edits do not rewrite it nor make render --check call it stale', async () => {
    repo.write('modifications/SECMP0053.yaml', REVISED({ notified: '2019-09-06' }));
    await repo.commit('revision notice issued', '2019-09-06T17:00:00+01:00');
    expect((await run('render', 'notices')).exitCode).toBe(0);
    const issued = read('2020-11/revision-SECMP0053.md');
    expect(issued).toMatch(
      /^# SECMP0053 implementation date revised to the November 2020 SEC Release\n\nIssued on Friday 6 September 2019\.\n\nOn 2 September 2019, /,
    );
    expect(issued).toContain(SUMMARY);
    const check = await run('check', '--format', 'json');
    expect((JSON.parse(check.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'IMP-6')).toEqual([]);
    await repo.commit('notices rendered', '2019-09-06T18:00:00+01:00');

    repo.write('modifications/SECMP0053.yaml', REVISED({ notified: '2019-09-06', summary: 'Rewritten after the notice went out.' }));
    await repo.commit('summary reworded', '2019-09-09T09:00:00+01:00');
    const stale = await run('render', 'notices', '--check');
    expect(stale.stdout).not.toContain('revision-SECMP0053');
    expect(stale.stdout).not.toMatch(/approval-SECMP005[34]/);
    expect((await run('render', 'notices')).exitCode).toBe(0);
    expect(read('2020-11/revision-SECMP0053.md')).toBe(issued);
    expect(read('2020-06/approval-SECMP0053.md')).toBe(approval);
  });

  it('is on the new release’s notices page of the site, issued', async () => {
    expect((await run('render', 'site')).exitCode).toBe(0);
    const page = readFileSync(join(repo.dir, 'out', 'site', 'notices', '2020-11.html'), 'utf8');
    expect(page).toContain('SECMP0053 implementation date revised to the November 2020 SEC Release');
    expect(page).toContain('Revised implementation date, agreed by the Authority (IMP-6). Due <time datetime="2019-09-02">2 September 2019</time>');
    expect(page).toMatch(/Issued on <time datetime="2019-09-06">6 September 2019<\/time>/);
  });
});
