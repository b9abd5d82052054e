// After go-live and at the go/no-go decision (issue 13, points 6 and 8) as the Panel's release manager sees
// them through the CLI: prompts to record `live` and `implemented` (GL-4), the criteria that apply to a release
// that changes no DCC System, "not met" told from "not assessed" (GL-3), and the go/no-go summary in plan and RID.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-life-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const COSTS = 'costs:\n  dcc: { designBuildPit: 1, sit: 1, uit: 1, implementToLive: 1, oneOffOperational: 0, ongoingOperational: 0 }\n';
const mod = (id: string, impact: string, release: string, status = 'approved') =>
  `id: ${id}\ntitle: Change ${id}\nstatus: ${status}\nsystemImpact: ${impact}\nleadTime: 12m\ndecision:\n  date: 2026-05-01\nimplementation:\n  release: ${release}\n  addedToScope: 2026-05-01\nnotices:\n  approval: 2026-05-01\n${impact === 'dcc' ? COSTS : ''}`;

describe('after go-live (GL-4)', () => {
  // The June 2027 SEC Release goes live on Thursday 24 June 2027.
  const files = {
    'releases/2027-06.yaml': 'id: 2027-06\nstatus: baselined\n',
    'modifications/MP1.yaml': mod('MP1', 'dcc', '2027-06'),
    'modifications/MP2.yaml': mod('MP2', 'none', '2027-06', 'report'),
  };

  it('prompts for live and implemented: an info for the first 5 Working Days, then a warning', async () => {
    const dir = repo(files);
    const soon = await secrel(['check', '--repo', dir, '--as-of', '2027-06-28', '--format', 'json']);
    const gl4 = (JSON.parse(soon.stdout) as { findings: { rule: string; severity: string; file: string; message: string }[] }).findings.filter(
      (f) => f.rule === 'GL-4',
    );
    expect(gl4.map((f) => [f.file, f.severity])).toEqual([
      ['modifications/MP1.yaml', 'info'],
      ['modifications/MP2.yaml', 'info'],
      ['releases/2027-06.yaml', 'info'],
    ]);
    const later = await secrel(['check', '--repo', dir, '--as-of', '2027-07-05']);
    expect(later.stdout).toContain('releases/2027-06.yaml:2:9 warning GL-4');
    expect(later.stdout).toContain('The June 2027 SEC Release went live on 24 June 2027, 11 days ago, but its status is still baselined: set status: live');
    expect(later.stdout).toContain('modifications/MP1.yaml:3:9 warning GL-4');
    expect(later.stdout).toContain(
      'MP1 went live on 24 June 2027, 11 days ago (the June 2027 SEC Release), but its status is still approved: set status: implemented',
    );
    expect(later.stdout).toContain('MP2 is still report, but the June 2027 SEC Release it was targeted at went live on 24 June 2027');
  });

  it('is quiet before go-live and once the record says live and implemented', async () => {
    expect((await secrel(['check', '--repo', repo(files), '--as-of', '2027-06-24'])).stdout).not.toContain('GL-4');
    const done = repo({
      ...files,
      'releases/2027-06.yaml': 'id: 2027-06\nstatus: live\n',
      'modifications/MP1.yaml': mod('MP1', 'dcc', '2027-06', 'implemented'),
      'modifications/MP2.yaml': mod('MP2', 'none', '2027-06', 'implemented'),
    });
    expect((await secrel(['check', '--repo', done, '--as-of', '2027-07-05'])).stdout).not.toContain('GL-4');
  });

  it('warns of a release recorded live, or a modification recorded implemented, before its go-live', async () => {
    const early = repo({
      ...files,
      'releases/2027-06.yaml': 'id: 2027-06\nstatus: live\n',
      'modifications/MP1.yaml': mod('MP1', 'dcc', '2027-06', 'implemented'),
    });
    const r = await secrel(['check', '--repo', early, '--as-of', '2027-06-10']);
    expect(r.stdout).toContain(
      'releases/2027-06.yaml:2:9 warning GL-4\n    The June 2027 SEC Release is recorded live, but it goes live on 24 June 2027, in 14 days: set its status to planned, baselined or testing until it does',
    );
    expect(r.stdout).toContain(
      'modifications/MP1.yaml:3:9 warning GL-4\n    MP1 is recorded implemented, but the June 2027 SEC Release it is in goes live on 24 June 2027, in 14 days: set its status to approved (or what it is) until then',
    );
  });
});

describe('a System Release holding only documentation changes', () => {
  it('is not asked for a Forecast Release Cost, nor judged by the DCC testing and security criteria, in check, plan and the RID alike', async () => {
    const dir = repo({ 'releases/2027-06.yaml': 'id: 2027-06\n', 'modifications/MP3.yaml': mod('MP3', 'none', '2027-06') });
    const check = await secrel(['check', '--repo', dir, '--as-of', '2027-06-01']);
    expect(check.stdout).not.toContain('CST-3');
    expect(check.stdout).toContain('and 9 of 9 acceptance criteria are not recorded as met (9 are not yet assessed: OP1–OP9 (Operations Group))');
    const plan = await secrel(['plan', '--repo', dir, '--as-of', '2026-06-01', '--release', '2027-06']);
    expect(plan.stdout).not.toContain('Forecast Release Cost');
    const out = join(dir, 'out');
    await secrel(['render', 'rid', '--repo', dir, '--out', out]);
    const rid = readFileSync(join(out, 'rid/2027-06.md'), 'utf8');
    expect(rid).toContain(
      "The release changes no DCC System, so the acceptance criteria on the DCC's testing and the security of its systems do not apply to it.",
    );
    expect(rid).toContain('### Operational acceptance criteria');
    expect(rid).not.toContain('### Testing acceptance criteria');
    expect(rid).not.toContain('### Security acceptance criteria');
  });

  it('a Documentation Release RID lists no DCC criteria, as check asks for none', async () => {
    const dir = repo({ 'releases/2027-02.yaml': 'id: 2027-02\n', 'modifications/MP4.yaml': mod('MP4', 'none', '2027-02') });
    expect((await secrel(['check', '--repo', dir, '--as-of', '2027-02-20'])).stdout).not.toMatch(/GL-[13]/);
    const out = join(dir, 'out');
    await secrel(['render', 'rid', '--repo', dir, '--out', out]);
    const rid = readFileSync(join(out, 'rid/2027-02.md'), 'utf8');
    expect(rid).toContain('No acceptance criteria have been set for this release. The release changes no DCC System');
    expect(rid).not.toContain('Testing acceptance criteria');
  });
});

describe('the go/no-go summary (GL-3)', () => {
  const criteria =
    'acceptance:\n  criteria:\n    - { id: OP1, met: true, evidence: readiness report, reviewedBy: Operations Group, date: 2027-06-01 }\n' +
    '    - { id: S1, met: false, reviewedBy: SSC, date: 2027-06-02 }\n';
  const files = () => repo({ 'releases/2027-06.yaml': `id: 2027-06\n${criteria}`, 'modifications/MP1.yaml': mod('MP1', 'dcc', '2027-06') });

  it('tells not met (and who said so) from not yet assessed, in check, plan and the RID', async () => {
    const dir = files();
    const check = await secrel(['check', '--repo', dir, '--as-of', '2027-06-10']);
    expect(check.stdout).toContain(
      '15 of 16 acceptance criteria are not recorded as met (1 is not met: S1 (SSC, 2 June 2027); 14 are not yet assessed: OP2–OP9 (Operations Group), T1–T6 (TAG))',
    );
    const plan = await secrel(['plan', '--repo', dir, '--as-of', '2027-06-10', '--release', '2027-06']);
    expect(plan.stdout).toContain('  Go/no-go: 1 of 16 acceptance criteria met; not met: S1 (SSC); not yet\n  assessed: OP2–OP9, T1–T6');
    const json = JSON.parse((await secrel(['plan', '--repo', dir, '--as-of', '2027-06-10', '--release', '2027-06', '--format', 'json'])).stdout);
    expect(json.releases[0].goNoGo).toMatchObject({ total: 16, met: ['OP1'], notMet: [{ id: 'S1', reviewedBy: 'SSC', date: '2027-06-02' }] });
    const out = join(dir, 'out');
    await secrel(['render', 'rid', '--repo', dir, '--out', out, '--as-of', '2027-06-10']);
    expect(readFileSync(join(out, 'rid/2027-06.md'), 'utf8')).toContain(
      'Go/no-go: 1 of 16 acceptance criteria met; not met: S1 (SSC); not yet assessed: OP2–OP9, T1–T6.',
    );
  });

  it('is not in the plan months before go-live, when nothing is assessed yet', async () => {
    const dir = repo({ 'releases/2027-06.yaml': 'id: 2027-06\n', 'modifications/MP1.yaml': mod('MP1', 'dcc', '2027-06') });
    expect((await secrel(['plan', '--repo', dir, '--as-of', '2027-01-10', '--release', '2027-06'])).stdout).not.toContain('Go/no-go');
  });
});
