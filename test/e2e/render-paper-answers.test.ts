// `render paper` in front of the Panel: what each section says of approved and targeted modifications, what it
// proposes and asks the Panel to decide, the data as it stood at the meeting, and the papers it refuses to write.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const copy = fixtureCopies();
const paper = (dir: string, release: string, meeting = '2020-01-17') => readFileSync(join(dir, 'out/papers', `${meeting}-${release}.md`), 'utf8');
const section = (md: string, title: string) => md.slice(md.indexOf(`. ${title}\n`), md.indexOf('\n## ', md.indexOf(`. ${title}\n`)));
const render = (dir: string, release: string, meeting = '2020-01-17', asOf = '2020-01-10', ...more: string[]) =>
  secrel(['render', 'paper', '--release', release, '--meeting', meeting, '--as-of', asOf, '--repo', dir, ...more]);

describe('render paper: what each release section says', () => {
  it('a release without a baseline lists its approved modifications apart from those only targeted', async () => {
    const dir = copy();
    appendFileSync(join(dir, 'modifications/SECMP0007.yaml'), 'status: approved\ndecision:\n  date: 2020-01-06\n');
    expect((await render(dir, '2020-06')).exitCode).toBe(0);
    const nov = section(paper(dir, '2020-06'), 'November 2021 SEC Release');
    expect(nov).toContain(
      'The following modification has been approved for implementation in the November 2021 SEC Release on 4 November 2021:\n\n- SECMP0007 ‘Firmware updates to IHDs and PPMIDs’\n\nThe following modifications are also targeted at it:\n\n- SECMP0015',
    );
  });

  it('shows the data as it stood at the meeting: a later addition is not there, a later decision is only targeted', async () => {
    const dir = copy();
    // MP095 joins the June 2020 release in February, after the meeting; SECMP0007 is approved in March.
    writeFileSync(
      join(dir, 'modifications/MP095.yaml'),
      'id: MP095\ntitle: A later addition\nstatus: development\nsystemImpact: none\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-02-03\n  exception: agreed late\n',
    );
    appendFileSync(join(dir, 'modifications/SECMP0007.yaml'), 'status: approved\ndecision:\n  date: 2020-03-02\n');
    expect((await render(dir, '2020-06')).exitCode).toBe(0);
    expect(paper(dir, '2020-06').split('\n---\n')[0]).not.toContain('MP095');
    const nov = section(paper(dir, '2020-06'), 'November 2021 SEC Release');
    expect(nov).toContain('The following modifications are targeted at the November 2021 SEC Release on 4 November 2021:\n\n- SECMP0007');
    expect(nov).not.toContain('approved');
  });

  it('a release reported on beside the subject: its additions since its baseline are news, not proposals; moves out of the subject are proposed scopes', async () => {
    const dir = copy();
    expect((await secrel(['rid', 'bump', '--release', '2020-11', '--repo', dir, '--as-of', '2020-01-10'])).exitCode).toBe(0);
    expect((await render(dir, '2020-11')).exitCode).toBe(0);
    const md = paper(dir, '2020-11');
    const june = section(md, 'June 2020 SEC Release');
    expect(june).not.toContain('We are proposing');
    expect(june).toContain(
      'Since then, the following modifications that don’t impact DCC Systems have been targeted at the June 2020 SEC Release, to be proposed to the Panel when its RID is next baselined:\n\n- MP079',
    );
    expect(md).toContain('- **AGREE** the proposed scopes for subsequent SEC Releases on the DCC Systems.');
    expect(md).not.toContain('AGREE** the targeted scope for the June 2020');
  });
});

describe('render paper: the re-baseline after a late addition', () => {
  it('proposes the one modification by name, and says nothing of a documentation cut-off two months past', async () => {
    const dir = copy();
    expect((await secrel(['rid', 'baseline', '2020-06', '--date', '2020-01-17', '--covers', 'all', '--repo', dir, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    writeFileSync(
      join(dir, 'modifications/MP095.yaml'),
      'id: MP095\ntitle: A later addition\nstatus: development\nsystemImpact: none\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-02-03\n  exception: agreed late\n',
    );
    expect((await secrel(['rid', 'bump', '--repo', dir, '--as-of', '2020-02-04'])).exitCode).toBe(0);
    expect((await render(dir, '2020-06', '2020-03-06', '2020-02-28')).exitCode).toBe(0);
    const md = paper(dir, '2020-06', '2020-03-06');
    expect(md).toContain('We are proposing that the following modification that doesn’t impact DCC Systems is also included in scope:\n\n- MP095');
    expect(md).toContain(
      'RID has been updated to include this modification, and can be found in Appendix A. We are asking the Panel to re-baseline this document for this updated scope.',
    );
    expect(md).not.toContain('should be set six months before go-live');
    expect(md).toContain('- MP095 ‘A later addition’: added after its scope cut-off, as an exception the Panel agreed: agreed late\n');
  });
});

describe('render paper refuses a paper the Panel could not act on', () => {
  it.each([
    [['2020-06', '2020-07-02', '2020-06-30'], 'the June 2020 SEC Release goes live on 25 June 2020, before the meeting (2 July 2020)'],
    [
      ['2020-06', '2020-01-17', '2020-01-20'],
      'the paper would be dated 20 January 2020 (--as-of, default today), after the meeting it is for (17 January 2020)',
    ],
    [['2020-11'], 'the November 2020 SEC Release has no RID version yet (no rid.version in releases/2020-11.yaml)'],
    [['2022-06'], 'the June 2022 SEC Release has no RID version yet (no release file, releases/2022-06.yaml)'],
  ])('%j: exit 2, nothing written', async (args, message) => {
    const dir = copy();
    const [release, meeting, asOf] = args as [string, string?, string?];
    const r = await render(dir, release, meeting, asOf);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`secrel: ${message}`);
    expect(r.stdout).toBe('');
  });

  it('a RID version the Panel has already baselined: nothing new to ask', async () => {
    const dir = copy();
    expect((await secrel(['rid', 'baseline', '2020-06', '--date', '2020-01-17', '--covers', 'all', '--repo', dir, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    const r = await render(dir, '2020-06', '2020-03-06', '2020-02-28');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      'secrel: version 1.1 of the June 2020 SEC Release RID is the one the Panel baselined on 17 January 2020: there is nothing new to ask it to baseline',
    );
  });

  it('warns about a meeting on a day that is not a Working Day, and writes the paper', async () => {
    const r = await render(copy(), '2020-06', '2020-01-18');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('secrel: warning: the meeting, Saturday 18 January 2020 (--meeting), is not a Working Day; check the date');
  });

  it('names the bank holiday a meeting falls on', async () => {
    const r = await render(copy(), '2020-06', '2019-04-19', '2019-04-01');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('secrel: warning: the meeting, Friday 19 April 2019, Good Friday (--meeting), is not a Working Day; check the date');
  });
});
