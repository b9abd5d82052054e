// IMP-5 in the documents: a modification approved after every decision window has no valid implementation
// date until the Authority approves a new one, so no notice, RID, page or register gives it the date its file names.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

// June 2020 (25 June 2020) with a 12-month lead time: decision by 25 June 2019, fall-back November 2020 by 5 November 2019.
const LATE =
  'id: SECMP0100\ntitle: Late approval\nstatus: approved\nsystemImpact: true\nleadTime: 12m\ndecision:\n  date: 2019-11-06\n' +
  'implementation:\n  release: 2020-06\n  addedToScope: 2019-05-01\n';
const SAYS =
  'Approved on 6 November 2019, but the fall-back window closed on 5 November 2019 (November 2020 SEC Release): ' +
  'it has no valid implementation date until the Authority approves a new one (IMP-5).';

describe('documents give no date to a modification approved after every window (IMP-5)', () => {
  const repo = mkdtempSync(join(tmpdir(), 'secrel-lapsed-'));
  const out = (...p: string[]) => readFileSync(join(repo, 'out', ...p), 'utf8');
  beforeAll(async () => {
    mkdirSync(join(repo, 'releases'));
    mkdirSync(join(repo, 'modifications'));
    writeFileSync(join(repo, 'releases', '2020-06.yaml'), 'id: 2020-06\ntype: system\n');
    writeFileSync(join(repo, 'modifications', 'SECMP0100.yaml'), LATE);
    const r = await secrel(['render', 'all', '--as-of', '2019-12-01'], { cwd: repo });
    expect(r.stderr).toBe('');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('the approval notice says none is valid, and why, instead of 25 June 2020', () => {
    const notice = out('notices', '2020-06', 'approval-SECMP0100.md');
    expect(notice).toContain('| Implementation date | none valid (IMP-5) |');
    expect(notice).toContain(`${SAYS} Until then it has no date in the June 2020 SEC Release; a further notice will give the date the Authority approves.`);
    expect(notice).not.toContain('25 June 2020');
  });

  it('the RID notes it beside the modification', () => {
    expect(out('rid', '2020-06.md')).toContain(`  **Note:** ${SAYS}`);
  });

  it('the site page says so, and the register gives no implementation date', () => {
    expect(out('site', 'modifications', 'SECMP0100.html')).toContain(`${SAYS} Its file still names the June 2020 SEC Release.`);
    const row = out('site', 'register.csv')
      .split('\r\n')
      .find((l) => l.startsWith('SECMP0100,'));
    expect(row).toBe('SECMP0100,Late approval,Approved,June 2020 SEC Release,,Not recorded,DCC System-impacting,');
  });

  it('an approval inside the fall-back window keeps its date', async () => {
    writeFileSync(join(repo, 'modifications', 'SECMP0100.yaml'), LATE.replace('2019-11-06', '2019-06-20'));
    expect((await secrel(['render', 'notices', '--as-of', '2019-12-01'], { cwd: repo })).exitCode).toBe(0);
    expect(out('notices', '2020-06', 'approval-SECMP0100.md')).toContain('| Implementation date | Thursday 25 June 2020 |');
  });
});
