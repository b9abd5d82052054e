// COM-5 for approval notices: an issued approval notice stays with the release it named on its issue date,
// as it was, whatever happens to the modification since (an Authority revision moves it, it is withdrawn, a
// part is added); what the scope holds approved with no notice issued for it there is a draft (moved there by an
// Authority revision, the revision's notice instead: test/e2e/revision-notices.test.ts). In a git
// repository and, from what the data records, without one. (Found in a fresh-data trial: the notice moved to
// the new release and said its date, a withdrawn one's was deleted, a new part's claimed the old issue date.)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const RELEASE = 'id: 2020-06\ntype: system\n';
const approved = (id: string, title: string, body: string) =>
  `id: ${id}\ntitle: ${title}\nstatus: approved\nsystemImpact: true\ndecision:\n  date: 2019-06-03\n${body}notices:\n  approval: 2019-06-04\n`;
const MOVED = (revised: boolean) =>
  approved(
    'SECMP0053',
    'Switching data',
    `implementation:\n  release: ${revised ? '2020-11' : '2020-06'}\n  addedToScope: 2019-05-01\n` +
      (revised ? '  revisions:\n    - { date: 2019-09-02, from: 2020-06, to: 2020-11, reason: DCC capacity }\n' : ''),
  );
const PARTS = (three: boolean) =>
  approved(
    'SECMP0062',
    'Delivered in parts',
    'implementation:\n  addedToScope: 2019-05-01\nparts:\n  - { part: 1, release: 2020-06 }\n  - { part: 2, release: 2020-11 }\n' +
      (three ? '  - { part: 3, release: 2021-02, addedToScope: 2019-09-02 }\n' : ''),
  );
const WITHDRAWN = (withdrawn: boolean) =>
  approved('SECMP0067', 'Withdrawn later', 'implementation:\n  release: 2020-06\n  addedToScope: 2019-05-01\n').replace(
    'status: approved',
    withdrawn ? 'status: withdrawn' : 'status: approved',
  );

describe('issued approval notices stay where and as they were issued', () => {
  let repo: TempRepo;
  const work = mkdtempSync(join(tmpdir(), 'secrel-approval-'));
  const run = (cwd: string, ...args: string[]) => secrel([...args, '--as-of', '2019-09-10'], { cwd });
  const read = (dir: string, file: string) => readFileSync(join(dir, 'out', 'notices', file), 'utf8');
  let issued: Map<string, string>;
  const ISSUED = [
    '2020-06/approval-SECMP0053.md',
    '2020-06/approval-SECMP0062-part-1.md',
    '2020-11/approval-SECMP0062-part-2.md',
    '2020-06/approval-SECMP0067.md',
  ];

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', RELEASE);
    repo.write('modifications/SECMP0053.yaml', MOVED(false));
    repo.write('modifications/SECMP0062.yaml', PARTS(false));
    repo.write('modifications/SECMP0067.yaml', WITHDRAWN(false));
    await repo.commit('approvals and their notices', '2019-06-04T17:00:00+01:00');
    expect((await run(repo.dir, 'render', 'notices')).exitCode).toBe(0);
    issued = new Map(ISSUED.map((f) => [f, read(repo.dir, f)]));
    await repo.commit('notices rendered', '2019-06-05T09:00:00+01:00');
    // Since: the Authority moves SECMP0053, SECMP0062 gains a third part, SECMP0067 is withdrawn.
    repo.write('modifications/SECMP0053.yaml', MOVED(true));
    repo.write('modifications/SECMP0062.yaml', PARTS(true));
    repo.write('modifications/SECMP0067.yaml', WITHDRAWN(true));
    await repo.commit('revised, extended, withdrawn', '2019-09-02T09:00:00+01:00');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('were issued as expected', () => {
    expect(issued.get('2020-06/approval-SECMP0053.md')).toContain('# SECMP0053 approved for the June 2020 SEC Release\n\nIssued on Tuesday 4 June 2019.');
    expect(issued.get('2020-06/approval-SECMP0062-part-1.md')).toContain('which is delivered in 2 parts: this notice is for part 1');
  });

  it('in git: each issued notice is kept byte for byte; the new release and the new part get drafts', async () => {
    const check = await run(repo.dir, 'render', 'notices', '--check');
    // Only the drafts are new: nothing issued is stale or obsolete.
    expect(check.stdout).not.toMatch(/^(stale|obsolete) +out\/notices\/[^ ]*approval/m);
    expect(check.stdout).toMatch(/^missing +out\/notices\/2021-02\/approval-SECMP0062-part-3.md$/m);
    expect((await run(repo.dir, 'render', 'notices')).exitCode).toBe(0);
    for (const [file, text] of issued) expect(read(repo.dir, file)).toBe(text);
    // Moved by the Authority after its notice went out: the new release has the revision's notice (IMP-6), not a second approval notice.
    expect(existsSync(join(repo.dir, 'out', 'notices', '2020-11', 'approval-SECMP0053.md'))).toBe(false);
    expect(read(repo.dir, '2020-11/revision-SECMP0053.md').split('\n')[0]).toBe(
      '# DRAFT — not yet issued: SECMP0053 implementation date revised to the November 2020 SEC Release',
    );
    expect(read(repo.dir, '2021-02/approval-SECMP0062-part-3.md').split('\n')[0]).toBe(
      '# DRAFT — not yet issued: SECMP0062 approved for the February 2021 SEC Release',
    );
  });

  it('without git: the same notices, from what the data records about the issue date', async () => {
    const plain = join(work, 'plain');
    cpSync(repo.dir, plain, { recursive: true, filter: (src) => !src.includes('.git') });
    rmSync(join(plain, 'out'), { recursive: true, force: true });
    expect((await run(plain, 'render', 'notices')).exitCode).toBe(0);
    for (const [file, text] of issued) expect(read(plain, file)).toBe(text);
    expect(read(plain, '2020-11/revision-SECMP0053.md')).toContain('# DRAFT — not yet issued:');
    expect(read(plain, '2021-02/approval-SECMP0062-part-3.md')).toContain('# DRAFT — not yet issued:');
  });
});

describe('a release left with no file and no scope', () => {
  it('keeps the approval notice issued for it, and gets no drafts (found in a new-user trial)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-approval-left-'));
    try {
      // No release file for June 2020; the Authority moved SECMP0053, its only modification, to November.
      mkdirSync(join(dir, 'modifications'), { recursive: true });
      writeFileSync(join(dir, 'secrel.config.yaml'), '{}\n');
      writeFileSync(join(dir, 'modifications', 'SECMP0053.yaml'), MOVED(true));
      expect((await secrel(['render', 'notices', '--as-of', '2019-09-10'], { cwd: dir })).exitCode).toBe(0);
      expect(readdirSync(join(dir, 'out', 'notices', '2020-06'))).toEqual(['approval-SECMP0053.md']);
      expect(readFileSync(join(dir, 'out', 'notices', '2020-06', 'approval-SECMP0053.md'), 'utf8')).toContain(
        '# SECMP0053 approved for the June 2020 SEC Release\n\nIssued on Tuesday 4 June 2019.',
      );
      expect((await secrel(['render', 'notices', '--check', '--as-of', '2019-09-10'], { cwd: dir })).exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
