// `secrel diff REF [REF2]`: what a merge or a branch changed, per release, in words and in JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { copyFixture, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const MP142 = (status: string) => `id: MP142\ntitle: Example\nstatus: ${status}\nsystemImpact: false\nimplementation:\n  release: 2020-06\n`;

describe('secrel diff', () => {
  let repo: TempRepo;
  let before: string;
  const run = (...args: string[]) => secrel(args, { cwd: repo.dir });

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', 'id: 2020-06\ntype: system\n');
    repo.write('modifications/MP142.yaml', MP142('report'));
    before = await repo.commit('MP142 targets June 2020');
    await repo.git('checkout', '-q', '-b', 'approve');
    repo.write('modifications/MP142.yaml', MP142('approved'));
    await repo.commit('MP142 approved');
    await repo.git('checkout', '-q', 'main');
    await repo.git('merge', '-q', '--no-ff', '-m', 'Merge: approve MP142', 'approve');
  });
  afterAll(() => repo.cleanup());

  it('says in one line that a merge approved a modification', async () => {
    expect(await run('diff', 'HEAD~1')).toEqual({ exitCode: 0, stdout: '2020-06: MP142 approved', stderr: '' });
  });

  it('compares two revisions, and gives the same as JSON', async () => {
    expect((await run('diff', before, 'HEAD')).stdout).toBe('2020-06: MP142 approved');
    const json = JSON.parse((await run('diff', 'HEAD~1', 'HEAD', '--format', 'json')).stdout);
    expect(json.from).toEqual({ revision: 'HEAD~1', commit: before });
    expect(json.releases).toEqual([
      {
        release: '2020-06',
        name: 'June 2020 SEC Release',
        changes: [{ kind: 'status', modification: 'MP142', from: 'report', to: 'approved' }],
        lines: ['MP142 approved'],
      },
    ]);
  });

  it('says so when nothing changed', async () => {
    expect((await run('diff', 'HEAD')).stdout).toBe('No scope, status, date, RID, notice or cost changes from HEAD to the work tree.');
  });

  it('refuses a bad revision with one clear line: unknown, or starting with "-"', async () => {
    expect(await run('diff', 'no-such-branch')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'secrel: unknown revision "no-such-branch"\n  check the name with git log --oneline',
    });
    const option = await run('diff', '--', '--output=/tmp/secrel-pwned');
    expect(option).toMatchObject({ exitCode: 2, stdout: '' });
    expect(option.stderr).toContain('secrel: "--output=/tmp/secrel-pwned" is not a revision (it starts with "-")');
  });

  it('fails loudly in a shallow clone and says to fetch the full history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-shallow-'));
    try {
      await execa('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, join(dir, 'clone')]);
      const r = await secrel(['diff', 'HEAD~1'], { cwd: join(dir, 'clone') });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(
        'secrel: revision "HEAD~1" is not in this shallow clone: secrel needs the git history here\n' +
          '  fetch the full history: git fetch --unshallow, or in GitHub Actions actions/checkout with fetch-depth: 0',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs git: outside a repository it says so', async () => {
    const { dir, cleanup } = copyFixture('sec-2020');
    try {
      const r = await secrel(['diff', 'HEAD'], { cwd: dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('is not inside a git repository, so revision "HEAD" cannot be read');
    } finally {
      cleanup();
    }
  });
});

describe('secrel diff: what happened to the release itself', () => {
  let repo: TempRepo;
  const run = (...args: string[]) => secrel(args, { cwd: repo.dir });
  const JUNE = 'id: 2020-06\ntype: system\nstatus: planned\nrid:\n  version: "0.3"\n  history:\n    - {version: "0.3", date: 2019-10-04, changes: Draft.}\n';
  const JUNE_BASELINED = [
    'id: 2020-06',
    'type: system',
    'status: baselined',
    'notices:',
    '  twelveMonth: 2019-06-25',
    'rid:',
    '  version: "1.0"',
    '  baselines:',
    '    - {version: "1.0", date: 2019-10-11, covers: systems, scope: [MP142]}',
    '  history:',
    '    - {version: "0.3", date: 2019-10-04, changes: Draft.}',
    '    - {version: "1.0", date: 2019-10-11, changes: Baselined.}',
    '',
  ].join('\n');
  const MP = (notice?: string) => `${MP142('approved')}decision:\n  date: 2019-06-03\n${notice ? `notices:\n  approval: ${notice}\n` : ''}`;

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', JUNE);
    repo.write('releases/2020-11.yaml', 'id: 2020-11\ntype: system\nstatus: planned\n');
    repo.write('modifications/MP142.yaml', MP());
    await repo.commit('June 2020 drafts');
    repo.write('releases/2020-06.yaml', JUNE_BASELINED);
    repo.write('modifications/MP142.yaml', MP('2019-06-04'));
    repo.write('releases/2020-11.yaml', 'id: 2020-11\ntype: system\nstatus: cancelled\n');
  });
  afterAll(() => repo.cleanup());

  it('shows status, RID version, baselines and notices issued, a cancellation first', async () => {
    const r = await run('diff', 'HEAD');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        '2020-11: RELEASE CANCELLED (status was planned)',
        '2020-06: release status changed from planned to baselined',
        '2020-06: RID version moved from 0.3 to 1.0',
        '2020-06: RID 1.0 baselined on 11 October 2019, covering the systems scope',
        '2020-06: 12-month notice issued on 25 June 2019',
        '2020-06: MP142 approval notice issued on 4 June 2019',
      ].join('\n'),
    );
  });

  it('gives the same changes as JSON', async () => {
    const json = JSON.parse((await run('diff', 'HEAD', '--format', 'json')).stdout);
    expect(json.releases.map((d: { release: string }) => d.release)).toEqual(['2020-11', '2020-06']);
    expect(json.releases[0].changes).toEqual([{ kind: 'release-status', from: 'planned', to: 'cancelled' }]);
    expect(json.releases[1].changes).toEqual([
      { kind: 'release-status', from: 'planned', to: 'baselined' },
      { kind: 'rid-version', from: '0.3', to: '1.0' },
      { kind: 'baseline', change: 'added', version: '1.0', date: '2019-10-11', covers: 'systems' },
      { kind: 'notice', notice: 'twelveMonth', to: '2019-06-25' },
      { kind: 'notice', modification: 'MP142', notice: 'approval', to: '2019-06-04' },
    ]);
  });
});

describe('secrel diff: DCC Change Requests', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2021-06.yaml', 'id: 2021-06\ntype: system\nchangeRequests:\n  - { id: CR1088, title: DCC Production Proving }\n');
    repo.write('modifications/MP1.yaml', 'id: MP1\ntitle: Waits\nsystemImpact: dcc\ndependsOn: [CR1047]\nimplementation:\n  release: 2021-06\n');
    repo.write('change-requests/CR1047.yaml', 'id: CR1047\ntitle: CSP firmware\nstatus: in-progress\nexpected: 2020-12-31\n');
    repo.write('change-requests/CR1088.yaml', 'id: CR1088\ntitle: Production Proving\nstatus: in-progress\n');
    await repo.commit('MP1 waits on CR1047');
    repo.write('change-requests/CR1047.yaml', 'id: CR1047\ntitle: CSP firmware\nstatus: in-progress\nexpected: 2021-03-31\n');
    repo.write('change-requests/CR1088.yaml', 'id: CR1088\ntitle: Production Proving\nstatus: done\ndone: 2021-01-15\n');
    repo.write('change-requests/CR2000.yaml', 'id: CR2000\ntitle: Nobody waits\nstatus: planned\n');
    await repo.commit('CR1047 slips, CR1088 done, CR2000 recorded');
  });
  afterAll(() => repo.cleanup());

  it('names a Change Request change in each release that waits on it (a dependency, or alongside), and one nobody waits on apart', async () => {
    const r = await secrel(['diff', 'HEAD~1'], { cwd: repo.dir });
    expect(r.stdout).toBe(
      [
        '2021-06: DCC Change Request CR1047 expected date moved from 31 December 2020 to 31 March 2021',
        '2021-06: DCC Change Request CR1088 done on 15 January 2021',
        'no release: DCC Change Request CR2000 recorded (planned)',
      ].join('\n'),
    );
  });
});

describe('secrel diff: an approved modification moved without an Authority revision', () => {
  it('says the move needs one (IMP-6); with the revision recorded it is a plain move', async () => {
    const repo = await tempGitRepo();
    try {
      const approved = (release: string, revisions = '') =>
        `id: MP1\ntitle: Approved\nstatus: approved\nsystemImpact: dcc\nimplementation:\n  release: ${release}\n${revisions}`;
      repo.write('releases/2021-06.yaml', 'id: 2021-06\ntype: system\n');
      repo.write('modifications/MP1.yaml', approved('2021-06'));
      await repo.commit('MP1 approved for June 2021');
      repo.write('modifications/MP1.yaml', approved('2021-11'));
      expect((await secrel(['diff', 'HEAD'], { cwd: repo.dir })).stdout).toContain(
        '2021-11: MP1 added to the scope (moved from 2021-06): it is approved, and only the Authority revises its implementation date, but no revision is recorded (implementation.revisions, IMP-6)',
      );
      repo.write('modifications/MP1.yaml', approved('2021-11', '  revisions:\n    - { date: 2021-01-10, from: 2021-06, to: 2021-11 }\n'));
      const revised = (await secrel(['diff', 'HEAD'], { cwd: repo.dir })).stdout;
      expect(revised).toContain('2021-11: MP1 added to the scope (moved from 2021-06)');
      expect(revised).not.toContain('IMP-6');
    } finally {
      repo.cleanup();
    }
  });
});
