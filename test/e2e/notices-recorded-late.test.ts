// COM-5 when the data is typed in after the notices went out (a team that records the week's work on Friday):
// the commit of a notice's issue day does not know the approval (or the release) yet, so the notice is read as
// the commit that recorded its issue date had it. Edits made since to the modification's text do not rewrite
// it, in notices/ nor on the site's notices pages. (Found in a fresh-data trial: `render --check` called the
// issued notices stale after a summary was edited, and `render` rewrote them.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const AS_OF = ['--as-of', '2019-12-10'];
const release = (notices: string) => `id: 2020-06\ntype: system\nstatus: planned\n${notices}`;
const targeted = (summary: string, title = 'Alert routing') =>
  `id: SECMP0070\ntitle: ${title}\nsummary: ${summary}\nstatus: report\ngovernance: authority\nsystemImpact: true\nimplementation:\n  release: 2020-06\n  addedToScope: 2019-05-01\n`;
const approved = (summary: string, title?: string) =>
  targeted(summary, title).replace('status: report', 'status: approved') + 'decision:\n  date: 2019-06-03\nnotices:\n  approval: 2019-06-04\n';
// A Working Days modification (IMP-3): its approval notice stands alone, in notices/working-days/.
const quick = (summary: string, decided: boolean) =>
  `id: MP6\ntitle: Quick fix\nsummary: ${summary}\nstatus: ${decided ? 'approved' : 'report'}\ngovernance: self-governance\nsystemImpact: none\nleadTime: 10wd\n` +
  (decided ? 'decision:\n  date: 2019-06-03\n  referralWindowEnd: 2019-06-24\nnotices:\n  approval: 2019-06-25\n' : '');

describe('notices whose data was typed in after they went out', () => {
  let repo: TempRepo;
  const run = (...args: string[]) => secrel([...args, ...AS_OF], { cwd: repo.dir });
  const read = (file: string) => readFileSync(join(repo.dir, 'out', file), 'utf8');

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', release(''));
    repo.write('modifications/SECMP0070.yaml', targeted('First words.'));
    repo.write('modifications/MP6.yaml', quick('Quick words.', false));
    await repo.commit('targeted, undecided', '2019-05-01T17:00:00+01:00');
    // The approvals, their notices (4 and 25 June) and the 6-month notice (24 December… recorded as 2 December)
    // are typed in weeks later, in one commit.
    repo.write('releases/2020-06.yaml', release('notices:\n  sixMonth: 2019-12-02\n'));
    repo.write('modifications/SECMP0070.yaml', approved('First words.'));
    repo.write('modifications/MP6.yaml', quick('Quick words.', true));
    await repo.commit('the week: approvals and notices recorded', '2019-07-05T17:00:00+01:00');
    expect((await run('render')).exitCode).toBe(0);
    await repo.commit('notices rendered', '2019-12-06T18:00:00+00:00');
  });
  afterAll(() => repo.cleanup());

  it('are issued with the words they had when recorded', () => {
    expect(read('notices/2020-06/approval-SECMP0070.md')).toContain('Issued on Tuesday 4 June 2019.');
    expect(read('notices/2020-06/approval-SECMP0070.md')).toContain('First words.');
    expect(read('notices/working-days/approval-MP6.md')).toContain('Quick words.');
    expect(read('notices/2020-06/6-month.md')).toContain('**SECMP0070** ‘Alert routing’');
  });

  it('stay as issued, in notices/ and on the site, when the texts are edited later', async () => {
    const before = {
      approval: read('notices/2020-06/approval-SECMP0070.md'),
      quick: read('notices/working-days/approval-MP6.md'),
      sixMonth: read('notices/2020-06/6-month.md'),
      page: read('site/notices/2020-06.html'),
    };
    repo.write('modifications/SECMP0070.yaml', approved('Words edited in December.', 'Alert routing, renamed'));
    repo.write('modifications/MP6.yaml', quick('Quick words, edited.', true));
    await repo.commit('summaries edited', '2019-12-09T10:00:00+00:00');
    const check = await run('render', '--check');
    // The RID and the drafts (the 12- and 1-month notices) show the new words; no issued notice changes.
    expect(check.stdout).toContain('stale   out/rid/2020-06.md');
    expect(check.stdout).toContain('stale   out/notices/2020-06/1-month.md');
    expect(check.stdout).not.toMatch(/(approval-|6-month)/);
    expect((await run('render')).exitCode).toBe(0);
    expect(read('notices/2020-06/approval-SECMP0070.md')).toBe(before.approval);
    expect(read('notices/working-days/approval-MP6.md')).toBe(before.quick);
    expect(read('notices/2020-06/6-month.md')).toBe(before.sixMonth);
    // The site's page of them shows the issued ones as issued too (and the draft as it now stands).
    const page = read('site/notices/2020-06.html');
    expect(before.page).toContain('<p>First words.</p>');
    expect(page).toContain('<p>First words.</p>');
    expect(page).toContain('On 3 June 2019, the Authority approved SECMP0070 ‘Alert routing’.');
    // The 6-month notice as issued; the 12- and 1-month drafts as the data stands.
    expect(page.match(/<strong>SECMP0070<\/strong> ‘Alert routing’/g)).toHaveLength(1);
    expect(page.match(/<strong>SECMP0070<\/strong> ‘Alert routing, renamed’/g)).toHaveLength(2);
    expect(read('rid/2020-06.md')).toContain('Words edited in December.');
  });
});
