// IMP-1 for targeted modifications: a passed decision-by date, or a decision expected after it, is flagged with
// the fall-back; the site and the RID do not present the closed window as open.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-decision-by-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const targeted = (expected: string) =>
  'id: MP7\ntitle: Clearer wording\nstatus: development\nsystemImpact: false\nleadTime: 12m\n' +
  `decision:\n  expected: ${expected}\nimplementation:\n  release: 2028-02\n  fallback: 2028-06\n  addedToScope: 2026-12-01\n`;

describe('a targeted modification whose decision-by date has passed', () => {
  it('is an error once the date passes without an approval, naming the fall-back and its decision-by date', async () => {
    const dir = repo({ 'modifications/MP7.yaml': targeted('2027-02-20') });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2027-03-01', '--release', '2028-02']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/MP7.yaml:9:12 error IMP-1');
    expect(r.stdout).toContain('MP7 targets the February 2028 SEC Release, but its decision-by date (24 February 2027) passed without an approval');
    expect(r.stdout).toContain('its fall-back is the June 2028 SEC Release (2028-06), decision by 29 June 2027: set implementation.release to 2028-06');
    const before = await secrel(['check', '--repo', dir, '--as-of', '2027-02-24', '--release', '2028-02']);
    expect(before.stdout).not.toContain('error IMP-1');
    // The expected day passed with no decision: a stale record, said so (found in a fresh-data trial).
    expect(before.stdout).toContain(
      "modifications/MP7.yaml:7:13 warning IMP-1\n    MP7's decision was expected on 20 February 2027, which has passed with no decision recorded: record the decision (decision.date, and the status), or the new expected date; until then secrel plans from today",
    );
    const onTheDay = await secrel(['check', '--repo', dir, '--as-of', '2027-02-20', '--release', '2028-02']);
    expect(onTheDay.stdout).not.toContain('IMP-1');
  });

  it('says so when the recorded fall-back has closed too, before naming the next release still open', async () => {
    const dir = repo({ 'modifications/MP7.yaml': targeted('2027-02-20') });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2027-07-01', '--release', '2028-02']);
    expect(r.stdout.replace(/\n +/g, ' ')).toContain(
      'its recorded fall-back, the June 2028 SEC Release (2028-06), closed too (decision by 29 June 2027); the next still open is the November 2028 SEC Release (2028-11), decision by 2 November 2027',
    );
  });

  it('warns when the decision is expected after the date, and the site and RID say the window is closed', async () => {
    const dir = repo({ 'modifications/MP7.yaml': targeted('2027-03-10') });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2027-01-01', '--release', '2028-02']);
    expect(r.stdout).toContain('modifications/MP7.yaml:7:13 warning IMP-1');
    expect(r.stdout).toContain("MP7's decision is expected on 10 March 2027, after the decision-by date for the February 2028 SEC Release (24 February 2027)");
    expect((await secrel(['render', '--repo', dir, '--release', '2028-02'])).exitCode).toBe(0);
    const page = readFileSync(join(dir, 'out/site/modifications/MP7.html'), 'utf8');
    expect(page).toContain(
      'Targeted at the February 2028 SEC Release, but its decision is expected on 10 March 2027, after that release&#x27;s decision-by date (24 February 2027): the fall-back (June 2028 SEC Release) applies',
    );
    expect(page).toContain('on or before 24 February 2027 (closed: the decision is expected on 10 March 2027, after this date)');
    expect(readFileSync(join(dir, 'out/rid/2028-02.md'), 'utf8')).toContain(
      "**Note:** Its decision is expected on 10 March 2027, after this release's decision-by date (24 February 2027)",
    );
  });
});
