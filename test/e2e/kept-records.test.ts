// The pre-commit hook keeps the record HEAD holds (RID-1, COM-5): a commit that deletes a baselined release's
// file, renames it away, or drops a baseline, a version's history entry or an issued notice is stopped; a
// rewritten notice date is a warning; a first commit and a commit that keeps everything pass.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secrel, secrelProcess } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const AS_OF = ['--as-of', '2027-07-01'];

const MODIFICATION = `id: MP300
title: Firmware update scheduling
summary: Changes how the DCC schedules firmware updates.
status: approved
governance: authority
systemImpact: true
leadTime: 12m
decision:
  date: 2027-05-20
implementation:
  release: 2028-06
  addedToScope: 2027-05-21
documents: [Section H]
notices:
  approval: 2027-05-21
`;

const RELEASE = `id: 2028-06
status: baselined
notices:
  twelveMonth: 2027-06-25
rid:
  version: "1.0"
  baselines:
    - version: "1.0"
      date: 2027-06-20
      covers: systems
      scope: [MP300]
  history:
    - version: "0.1"
      date: 2027-06-01
      changes: "First draft; scope: MP300."
    - version: "1.0"
      date: 2027-06-20
      changes: Version baselined by the Panel to cover the scope of the release on the DCC Systems.
  computedFrom:
    version: "1.0"
    scope: [MP300]
`;

describe('validate --staged keeps the record HEAD holds', () => {
  let repo: TempRepo;
  const validate = () => secrel(['validate', '--staged', ...AS_OF], { cwd: repo.dir });

  beforeEach(async () => {
    repo = await tempGitRepo();
    repo.write('secrel.config.yaml', 'code: sec\n');
    repo.write('modifications/MP300.yaml', MODIFICATION);
    repo.write('releases/2028-06.yaml', RELEASE);
    await repo.git('add', '-A');
    // No HEAD yet: nothing to keep, and no git error either.
    expect(await validate()).toMatchObject({ exitCode: 0, stderr: '' });
    await repo.commit('June 2028 release, baselined');
  });
  afterEach(() => repo.cleanup());

  it('stops a commit that deletes a baselined release file, saying what it held and how to withdraw the release', async () => {
    await repo.git('rm', '-q', 'releases/2028-06.yaml');
    const r = await validate();
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('releases/2028-06.yaml:1:1 error RID-1');
    expect(r.stdout).toContain(
      "releases/2028-06.yaml is gone from the git index, but at HEAD it holds the record of the June 2028 SEC Release: the 12-month notice, issued on 25 June 2027; the Panel's baseline of RID 1.0, made on 20 June 2027, covering the systems scope (MP300); the RID's version history (0.1, 1.0).",
    );
    expect(r.stdout).toContain('restore it (`git restore --staged --worktree releases/2028-06.yaml`); to withdraw the release set `status: cancelled`');
    await repo.git('restore', '--staged', '--worktree', 'releases/2028-06.yaml');
    expect(await validate()).toMatchObject({ exitCode: 0 });
  });

  it('stops a rename that takes the record to another id, and lets one through that keeps the id', async () => {
    await repo.git('mv', 'releases/2028-06.yaml', 'releases/2028-07.yaml');
    repo.write('releases/2028-07.yaml', RELEASE.replace('id: 2028-06', 'id: 2028-07'));
    await repo.git('add', '-A');
    expect((await validate()).stdout).toContain('releases/2028-06.yaml is gone from the git index');
    await repo.git('mv', 'releases/2028-07.yaml', 'releases/2028-06.yml');
    repo.write('releases/2028-06.yml', RELEASE);
    await repo.git('add', '-A');
    expect(await validate()).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('no problems found') });
  });

  it('stops a commit that drops a notice, a baseline or a history entry, each where it was', async () => {
    repo.write(
      'releases/2028-06.yaml',
      RELEASE.replace('notices:\n  twelveMonth: 2027-06-25\n', '')
        .replace(/ {4}- version: "0\.1"\n.*\n.*\n/, '')
        .replace(/ {2}baselines:\n(?: {4,}.*\n)+/, '  baselines: []\n'),
    );
    repo.write('modifications/MP300.yaml', MODIFICATION.replace('notices:\n  approval: 2027-05-21\n', ''));
    await repo.git('add', '-A');
    const r = await validate();
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/MP300.yaml:1:1 error COM-5');
    expect(r.stdout).toContain('HEAD records the approval notice, issued on 21 May 2027, for MP300, and the git index has dropped it');
    expect(r.stdout).toContain('releases/2028-06.yaml:1:1 error COM-5');
    expect(r.stdout).toContain('HEAD records the 12-month notice, issued on 25 June 2027, for release 2028-06');
    expect(r.stdout).toMatch(/releases\/2028-06\.yaml:\d+:\d+ error RID-1\n {4}HEAD records the history entry of RID 0\.1 for release 2028-06/);
    expect(r.stdout).toContain(
      "HEAD records the Panel's baseline of RID 1.0, made on 20 June 2027, covering the systems scope (MP300), for release 2028-06, and the git index has dropped it",
    );
    expect(r.stdout).toContain('(`git show HEAD:releases/2028-06.yaml` shows it)');
  });

  it('warns when a recorded date is rewritten, and lets the commit through', async () => {
    repo.write('releases/2028-06.yaml', RELEASE.replace('twelveMonth: 2027-06-25', 'twelveMonth: 2027-06-28'));
    await repo.git('add', '-A');
    const r = await validate();
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('releases/2028-06.yaml:4:16 warning COM-5');
    expect(r.stdout).toContain(
      'HEAD records the 12-month notice for release 2028-06 as issued on 25 June 2027; the git index rewrites it as issued on 28 June 2027',
    );
  });

  it('stops a commit that moves an approved modification with no Authority revision, and lets the recorded revision through', async () => {
    repo.write('modifications/MP300.yaml', MODIFICATION.replace('  release: 2028-06\n', '  release: 2028-11\n'));
    await repo.git('add', '-A');
    const r = await validate();
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/MP300.yaml:11:12 error IMP-6');
    expect(r.stdout).toContain(
      'HEAD records MP300 approved with implementation.release 2028-06; the git index moves it to 2028-11 with no new Authority revision: ' +
        'only the Authority revises an approved implementation date (IMP-6), and the approval notice gave this one. ' +
        'Record the revision under implementation.revisions ({date, from: 2028-06, to: 2028-11, reason}), or put release back to 2028-06',
    );
    const revised = '  revisions:\n    - { date: 2027-06-30, from: 2028-06, to: 2028-11, reason: DCC capacity }\n';
    repo.write('modifications/MP300.yaml', MODIFICATION.replace('  release: 2028-06\n', `  release: 2028-11\n${revised}`));
    await repo.git('add', '-A');
    expect((await validate()).stdout).not.toContain('IMP-6');
  });

  it('stops a commit that adds, moves or drops a part of an approved modification with no Authority revision (found in a fresh-data trial)', async () => {
    const parts = (list: string) => MODIFICATION.replace('  release: 2028-06\n', '').replace('documents:', `parts:\n${list}documents:`);
    repo.write('modifications/MP300.yaml', parts('  - { part: 1, release: 2028-06 }\n  - { part: 2, release: 2028-11 }\n'));
    await repo.commit('MP300 delivered in two parts');
    repo.write('modifications/MP300.yaml', parts('  - { part: 1, release: 2028-06 }\n  - { part: 2, release: 2028-11 }\n  - { part: 3, release: 2029-06 }\n'));
    await repo.git('add', '-A');
    const added = await validate();
    expect(added.exitCode).toBe(1);
    expect(added.stdout).toMatch(/modifications\/MP300\.yaml:\d+:25 error IMP-6/);
    expect(added.stdout).toContain(
      'HEAD records MP300 approved in 2 parts; the git index adds part 3 (in 2029-06) with no new Authority revision: only the Authority revises an approved implementation date (IMP-6)',
    );
    repo.write('modifications/MP300.yaml', parts('  - { part: 1, release: 2028-06 }\n  - { part: 2, release: 2029-02 }\n'));
    await repo.git('add', '-A');
    expect((await validate()).stdout).toContain(
      'the git index moves part 2 from 2028-11 to 2029-02 with no new Authority revision: only the Authority revises an approved implementation date (IMP-6), and the approval notice gave this one. ' +
        'Record the revision under implementation.revisions ({date, from: 2028-11, to: 2029-02, reason}), or put the parts back as HEAD has them',
    );
    repo.write('modifications/MP300.yaml', parts('  - { part: 1, release: 2028-06 }\n'));
    await repo.git('add', '-A');
    expect((await validate()).stdout).toContain(
      'HEAD records MP300 approved in 2 parts; the git index drops part 2 (in 2028-11) with no new Authority revision',
    );
    // With the revision recorded, the commit goes through.
    const revised = '  revisions:\n    - { date: 2027-06-30, from: 2028-11, to: 2029-02, reason: DCC capacity }\n';
    repo.write(
      'modifications/MP300.yaml',
      parts('  - { part: 1, release: 2028-06 }\n  - { part: 2, release: 2029-02 }\n').replace(
        '  addedToScope: 2027-05-21\n',
        `  addedToScope: 2027-05-21\n${revised}`,
      ),
    );
    await repo.git('add', '-A');
    expect((await validate()).stdout).not.toContain('IMP-6');
  });

  it('stops a commit that drops the recorded notice of an Authority revision (COM-5)', async () => {
    const revised = MODIFICATION.replace('release: 2028-06', 'release: 2028-11').replace(
      'addedToScope: 2027-05-21\n',
      'addedToScope: 2027-05-21\n  revisions:\n    - { date: 2027-06-10, from: 2028-06, to: 2028-11, notified: 2027-06-11 }\n',
    );
    repo.write('modifications/MP300.yaml', revised);
    await repo.commit('MP300 revised, its notice issued');
    repo.write('modifications/MP300.yaml', revised.replace(', notified: 2027-06-11', ''));
    await repo.git('add', '-A');
    const r = await validate();
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/modifications\/MP300\.yaml:\d+:\d+ error COM-5/);
    expect(r.stdout).toContain(
      "HEAD records the notice of the Authority's revision of 10 June 2027 (to 2028-11), issued on 11 June 2027, for MP300, and the git index has dropped it",
    );
  });

  it('stops a commit that deletes a modification whose approval notice was issued', async () => {
    await repo.git('rm', '-q', 'modifications/MP300.yaml');
    const r = await validate();
    expect(r.stdout).toContain('modifications/MP300.yaml:1:1 error COM-5');
    expect(r.stdout).toContain(
      'modifications/MP300.yaml is gone from the git index, but at HEAD it records the approval notice, issued on 21 May 2027 for MP300',
    );
  });

  it('fails a pull request whose branch dropped a record without the hook, naming the base', async () => {
    await repo.git('checkout', '-q', '-b', 'drop');
    await repo.git('rm', '-q', 'releases/2028-06.yaml');
    await repo.git('commit', '-q', '--no-verify', '-m', 'deleted');
    const r = await secrel(['report', 'pr', '--base', 'main', ...AS_OF, '--format', 'json'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    const added = (JSON.parse(r.stdout) as { findings: { new: { rule: string; file: string; message: string }[] } }).findings.new;
    const lost = added.find((f) => f.message.includes('is gone from this branch'));
    expect(lost).toMatchObject({ rule: 'RID-1', file: 'releases/2028-06.yaml' });
    expect(lost!.message).toContain('but at main it holds the record of the June 2028 SEC Release');
    expect(lost!.message).toContain('restore it (`git checkout main -- releases/2028-06.yaml`)');
  });

  it('is not answered from the run memo once HEAD moves though the index stays the same', async () => {
    await repo.git('rm', '-q', 'releases/2028-06.yaml');
    await repo.git('commit', '-q', '--no-verify', '-m', 'deleted');
    const run = () => secrelProcess(['validate', '--staged', ...AS_OF], { cwd: repo.dir });
    // An index written in the two seconds before a run is not trusted, and that run is not memoised.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await run()).toMatchObject({ exitCode: 0 });
    expect(readdirSync(join(repo.dir, '.git', 'secrel', 'cache', 'repository')).some((f) => f.startsWith('memo-'))).toBe(true);
    // The index keeps the deletion; HEAD goes back to the commit that had the file.
    await repo.git('reset', '-q', '--soft', 'HEAD~1');
    expect(await run()).toMatchObject({ exitCode: 1, stdout: expect.stringContaining('releases/2028-06.yaml:1:1 error RID-1') });
  }, 15_000);
});
