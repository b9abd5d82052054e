// `secrel rid bump` / `rid baseline` / RID-2 in validate: the June 2020 RID's life replayed in a real git repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { copyFixture, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const RELEASE = `# yaml-language-server: $schema=../schemas/release.schema.json
#
# June 2020 SEC Release: written by hand; secrel only ever touches its rid block.
id: 2020-06
type: system   # System Release: DCC Systems change
status: planned

# Scope comes from the modification files that name this release.
notes: >-
  No other Codes are impacted as a result of this SEC Release. Further modifications
  that do not impact on DCC Systems may be added later, subject to Panel approval.
`;

const mod = (id: string, lines: string[]) => [`id: ${id}`, `title: ${id} example`, ...lines, ''].join('\n');
const SYSTEM = (id: string, status = 'approved') => mod(id, [`status: ${status}`, 'systemImpact: true', 'implementation:', '  release: 2020-06']);
const DOCS = (id: string) => mod(id, ['systemImpact: false', 'implementation:', '  release: 2020-06', '  addedToScope: 2020-01-10']);
const SECMP0062 = (expected?: string) =>
  mod('SECMP0062', [
    'systemImpact: true',
    ...(expected ? ['decision:', `  expected: ${expected}`] : []),
    'parts:',
    '  - part: 1',
    '    release: 2020-06',
    '  - part: 2',
    '    release: 2020-11',
  ]);

describe('the June 2020 RID, replayed', () => {
  let repo: TempRepo;
  // SECMP0062 part 2 targets November 2020, which has no file here: each bump's line saying so is left aside.
  const run = async (...args: string[]) => {
    const r = await secrel(args, { cwd: repo.dir });
    return { ...r, stdout: r.stdout.replace(/\nNo release file yet, though a modification targets it, so no RID: 2020-11 \(.*\)$/, '') };
  };
  const rid = () => parse(readFileSync(join(repo.dir, 'releases', '2020-06.yaml'), 'utf8')).rid;
  const releaseText = () => readFileSync(join(repo.dir, 'releases', '2020-06.yaml'), 'utf8');

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', RELEASE);
    repo.write('modifications/SECMP0053.yaml', SYSTEM('SECMP0053'));
    repo.write('modifications/SECMP0062.yaml', SECMP0062());
    await repo.commit('June 2020 release and its systems scope');
  });
  afterAll(() => repo.cleanup());

  it('drafts 0.1 to 0.3: a RID starts when named, then each amendment makes a minor version', async () => {
    expect((await run('rid', 'bump')).stdout).toBe('No RID yet: 2020-06 (start one with `secrel rid bump --release 2020-06`)');
    const first = await run('rid', 'bump', '--release', '2020-06', '--as-of', '2019-05-09');
    expect(first).toMatchObject({
      exitCode: 0,
      stdout: '2020-06: RID 0.1, first draft (releases/2020-06.yaml)\n  - First draft; scope: SECMP0053, SECMP0062 part 1.',
    });
    await repo.commit('RID 0.1');

    repo.write('releases/2020-06.yaml', releaseText().replace('status: planned\n', 'status: planned\ndateReason: none needed\n'));
    expect((await run('rid', 'bump', '--as-of', '2019-09-12')).stdout).toContain('2020-06: RID 0.1 → 0.2');
    await repo.commit('RID 0.2');

    repo.write('modifications/SECMP0062.yaml', SECMP0062('2019-06-01'));
    const third = await run('rid', 'bump', '--since', 'HEAD', '--as-of', '2019-10-04');
    expect(third.stdout).toBe('2020-06: RID 0.2 → 0.3 (releases/2020-06.yaml)\n  - SECMP0062 expected decision date set to 1 June 2019');
    await repo.commit('RID 0.3');
    expect(rid().version).toBe('0.3');
  });

  it('baselines 1.0 for the systems scope', async () => {
    const r = await run('rid', 'baseline', '2020-06', '--date', '2019-10-11', '--covers', 'systems');
    expect(r).toMatchObject({ exitCode: 0, stdout: '2020-06: RID 1.0 baselined on 11 October 2019, covering the systems scope: SECMP0053, SECMP0062 part 1' });
    expect(rid().baselines).toEqual([{ version: '1.0', date: '2019-10-11', covers: 'systems', scope: ['SECMP0053', 'SECMP0062#1'] }]);
    expect(parse(releaseText()).status).toBe('baselined');
    expect((await run('rid', 'baseline', '2020-06', '--date', '2019-10-11', '--covers', 'systems')).stdout).toContain('RID 1.0 already baselined');
    await repo.commit('RID 1.0 baselined');
  });

  it('makes 1.1 for three documentation-only modifications: they are outside the systems baseline', async () => {
    for (const id of ['MP079', 'MP084', 'MP088']) repo.write(`modifications/${id}.yaml`, DOCS(id));
    expect((await run('validate')).exitCode).toBe(0);
    const r = await run('rid', 'bump', '--as-of', '2020-01-10');
    expect(r.stdout).toContain('2020-06: RID 1.0 → 1.1');
    expect(rid().history.at(-1)).toEqual({
      version: '1.1',
      date: '2020-01-10',
      changes: ['MP079', 'MP084', 'MP088'].map((id) => `${id} added to the scope (documentation only: outside the systems baseline)`),
    });
    await repo.commit('RID 1.1');
  });

  it('refuses the commit that adds a system-impacting modification without the integer bump (RID-2), then makes 2.0', async () => {
    repo.write('modifications/SECMP0099.yaml', SYSTEM('SECMP0099', 'report'));
    await repo.git('add', '-A');
    for (const args of [
      ['validate', '--staged'],
      ['validate', 'modifications/SECMP0099.yaml'],
    ]) {
      const r = await run(...args);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('releases/2020-06.yaml:');
      expect(r.stdout).toContain('RID-2');
      expect(r.stdout).toContain('the baselined systems scope changed since RID 1.1 (SECMP0099 added) but the RID version is still 1.1');
      expect(r.stdout).toContain('run `secrel rid bump` (it makes 2.0)');
    }
    // In the index, the bump may be made already and not staged: it says what to stage.
    expect((await run('validate', '--staged')).stdout).toContain('if you have run it, stage the release file too (`git add releases/2020-06.yaml`)');
    expect((await run('validate')).stdout).not.toContain('git add');
    await repo.commit('SECMP0099 targets June 2020');
    expect((await run('validate')).exitCode).toBe(1);

    const r = await run('rid', 'bump', '--since', 'HEAD~1', '--as-of', '2020-02-03');
    expect(r.stdout).toBe('2020-06: RID 1.1 → 2.0 (releases/2020-06.yaml)\n  - SECMP0099 added to the baselined systems scope');
    expect((await run('validate')).exitCode).toBe(0);
    await repo.commit('RID 2.0');
  });

  it('makes 3.0 when a baselined modification leaves the scope', async () => {
    repo.write('modifications/SECMP0099.yaml', SYSTEM('SECMP0099', 'withdrawn'));
    expect((await run('validate')).stdout).toContain('(SECMP0099 withdrawn) but the RID version is still 2.0');
    const r = await run('rid', 'bump', '--as-of', '2020-03-02');
    expect(r.stdout).toBe('2020-06: RID 2.0 → 3.0 (releases/2020-06.yaml)\n  - SECMP0099 removed from the baselined systems scope (withdrawn)');
    await repo.commit('RID 3.0');
  });

  it('bumps nothing when run twice in a row', async () => {
    const before = releaseText();
    for (let i = 0; i < 2; i++) {
      expect(await run('rid', 'bump', '--as-of', '2020-03-03')).toMatchObject({ exitCode: 0, stdout: '2020-06: RID 3.0 unchanged' });
      expect(releaseText()).toBe(before);
    }
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('kept the whole life in the file, and the hand-written text around it', () => {
    const r = rid();
    expect(r.version).toBe('3.0');
    expect(r.history.map((h: { version: string; date: string }) => `${h.version} ${h.date}`)).toEqual([
      '0.1 2019-05-09',
      '0.2 2019-09-12',
      '0.3 2019-10-04',
      '1.0 2019-10-11',
      '1.1 2020-01-10',
      '2.0 2020-02-03',
      '3.0 2020-03-02',
    ]);
    expect(r.computedFrom).toMatchObject({ version: '3.0', scope: ['MP079', 'MP084', 'MP088', 'SECMP0053', 'SECMP0062#1'] });
    // Everything secrel did not write is still there, in order, byte for byte: the rid block went after it.
    // `rid baseline` changed the status in place: planned → baselined.
    expect(releaseText().startsWith(RELEASE.replace('status: planned\n', 'status: baselined\ndateReason: none needed\n'))).toBe(true);
  });
});

describe('rid bump and baseline: errors and other repositories', () => {
  it('never rewrites anything while a file has a syntax error', async () => {
    const repo = await tempGitRepo();
    try {
      repo.write('releases/2020-06.yaml', 'id: 2020-06\nrid:\n  version: "1.0"\n');
      repo.write('modifications/MP079.yaml', 'id: MP079\ntitle: [unclosed\n');
      const r = await secrel(['rid', 'bump'], { cwd: repo.dir });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/modifications\/MP079\.yaml:\d+:\d+ error YAML/);
      expect(r.stderr).toContain('secrel: rid bump changed nothing: fix the errors above first');
      expect(readFileSync(join(repo.dir, 'releases', '2020-06.yaml'), 'utf8')).toBe('id: 2020-06\nrid:\n  version: "1.0"\n');
      expect(readdirSync(join(repo.dir, 'releases'))).toEqual(['2020-06.yaml']);
    } finally {
      repo.cleanup();
    }
  });

  it('refuses a bad revision for --since with one clear line, not a git dump', async () => {
    const repo = await tempGitRepo();
    try {
      repo.write('releases/2020-06.yaml', 'id: 2020-06\n');
      repo.write('modifications/.keep', '');
      await repo.commit('start');
      const unknown = await secrel(['rid', 'bump', '--since', 'no-such-branch'], { cwd: repo.dir });
      expect(unknown).toMatchObject({ exitCode: 2, stdout: '' });
      expect(unknown.stderr).toBe('secrel: unknown revision "no-such-branch"\n  check the name with git log --oneline');
      const option = await secrel(['rid', 'bump', '--since=--output=/tmp/x'], { cwd: repo.dir });
      expect(option.exitCode).toBe(2);
      expect(option.stderr).toContain('"--output=/tmp/x" is not a revision (it starts with "-")');
    } finally {
      repo.cleanup();
    }
  });

  it('dates a version --as-of with the scope of that day: what joined later (addedToScope) comes in the next version', async () => {
    const repo = await tempGitRepo();
    try {
      const joined = (id: string, day: string) => mod(id, ['systemImpact: true', 'implementation:', '  release: 2028-06', `  addedToScope: ${day}`]);
      repo.write('releases/2028-06.yaml', 'id: 2028-06\ntype: system\n');
      repo.write('modifications/SECMP0301.yaml', joined('SECMP0301', '2027-05-01'));
      repo.write('modifications/SECMP0302.yaml', joined('SECMP0302', '2027-09-01'));
      const first = await secrel(['rid', 'bump', '--release', '2028-06', '--as-of', '2027-06-01'], { cwd: repo.dir });
      expect(first.stdout).toBe('2028-06: RID 0.1, first draft (releases/2028-06.yaml)\n  - First draft; scope: SECMP0301.');
      const next = await secrel(['rid', 'bump', '--as-of', '2027-10-01'], { cwd: repo.dir });
      expect(next.stdout).toBe('2028-06: RID 0.1 → 0.2 (releases/2028-06.yaml)\n  - SECMP0302 added to the scope');
      expect(parse(readFileSync(join(repo.dir, 'releases', '2028-06.yaml'), 'utf8')).rid.computedFrom.scope).toEqual(['SECMP0301', 'SECMP0302']);
    } finally {
      repo.cleanup();
    }
  });

  it('names a release a modification targets that has no file yet, so no RID, and what to do', async () => {
    const repo = await tempGitRepo();
    try {
      repo.write('releases/2028-06.yaml', 'id: 2028-06\ntype: system\n');
      repo.write('modifications/SECMP0303.yaml', mod('SECMP0303', ['systemImpact: false', 'implementation:', '  release: 2029-02']));
      const text = await secrel(['rid', 'bump', '--dry-run', '--as-of', '2027-06-01'], { cwd: repo.dir });
      expect(text.stdout).toContain(
        'No release file yet, though a modification targets it, so no RID: 2029-02 (create releases/2029-02.yaml, then `secrel rid bump --release 2029-02`)',
      );
      const md = await secrel(['rid', 'bump', '--dry-run', '--as-of', '2027-06-01', '--format', 'markdown'], { cwd: repo.dir });
      expect(md.stdout).toContain('No release file yet, though a modification targets it, so no RID: `2029-02`');
    } finally {
      repo.cleanup();
    }
  });

  it('works on the example repository without git, except where history is needed', async () => {
    const { dir, cleanup } = copyFixture('sec-2020');
    try {
      expect((await secrel(['validate'], { cwd: dir })).exitCode).toBe(0);
      const dry = await secrel(['rid', 'bump', '--dry-run', '--format', 'json'], { cwd: dir });
      expect(dry.exitCode).toBe(0);
      const june = JSON.parse(dry.stdout).releases.find((r: { release: string }) => r.release === '2020-06');
      expect(june).toMatchObject({ kind: 'record', from: '1.1', to: '1.1', written: false });
      const real = await secrel(['rid', 'bump'], { cwd: dir });
      expect(real.stdout).toContain('2020-06: RID 1.1 unchanged; recorded what it was computed from in releases/2020-06.yaml');
      expect((await secrel(['validate'], { cwd: dir })).exitCode).toBe(0);
      const since = await secrel(['rid', 'bump', '--since', 'HEAD'], { cwd: dir });
      expect(since.exitCode).toBe(2);
      expect(since.stderr).toContain('is not inside a git repository');
    } finally {
      cleanup();
    }
  });
});

describe('RID records keep their integrity (RID-1, RID-2)', () => {
  const june = (rid: string, extra = '') => `id: 2020-06\ntype: system\nstatus: planned\n${extra}rid:\n${rid}`;
  const BASELINED_1_0 = [
    '  version: "1.0"',
    '  baselines:',
    '    - {version: "1.0", date: 2019-10-11, covers: systems, scope: [SECMP0053]}',
    '  history:',
    '    - {version: "0.1", date: 2019-05-09, changes: First draft.}',
    '    - {version: "1.0", date: 2019-10-11, changes: Baselined.}',
    '',
  ].join('\n');
  const withRepo = async (files: Record<string, string>, body: (dir: string, repo: TempRepo) => Promise<void>) => {
    const repo = await tempGitRepo();
    try {
      for (const [path, text] of Object.entries(files)) repo.write(path, text);
      await body(repo.dir, repo);
    } finally {
      repo.cleanup();
    }
  };

  it('refuses a version lower than its history records, and a version with no history entry', async () => {
    const lower = BASELINED_1_0.replace('version: "1.0"\n  baselines', 'version: "0.1"\n  baselines');
    await withRepo({ 'releases/2020-06.yaml': june(lower), 'modifications/SECMP0053.yaml': SYSTEM('SECMP0053') }, async (dir) => {
      const r = await secrel(['validate'], { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/releases\/2020-06\.yaml:5:\d+ error RID-1\n/);
      expect(r.stdout).toContain(
        'the RID version is 0.1, lower than the 1.0 its history records (11 October 2019): a RID version never goes back; set rid.version to 1.0 or later',
      );
    });
    const unrecorded = BASELINED_1_0.replace('version: "1.0"\n  baselines', 'version: "1.2"\n  baselines');
    await withRepo({ 'releases/2020-06.yaml': june(unrecorded), 'modifications/SECMP0053.yaml': SYSTEM('SECMP0053') }, async (dir) => {
      const r = await secrel(['check', '--as-of', '2019-12-01'], { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('RID 1.2 has no entry in rid.history');
      expect(r.stdout).toContain('add {version: "1.2", date, changes} to rid.history');
      // A deleted entry is put back, not typed anew: the same advice the hook gives.
      expect(r.stdout).toContain('if it was there before, put it back as it was');
    });
  });

  it('reports a missing systems baseline after the 12-month point (check agrees with plan)', async () => {
    await withRepo({ 'releases/2020-06.yaml': 'id: 2020-06\n', 'modifications/SECMP0053.yaml': SYSTEM('SECMP0053') }, async (dir) => {
      const check = await secrel(['check', '--as-of', '2019-07-01'], { cwd: dir });
      expect(check.stdout).toContain(
        "error RID-1\n    The Panel's baseline of the RID for the June 2020 SEC Release (when the systems scope is set, 12 months before go-live) " +
          'was due on 25 June 2019 and is not recorded: run `secrel rid baseline 2020-06 --date D` (the date of the Panel meeting) when it is done',
      );
      const plan = await secrel(['plan', '--as-of', '2019-07-01', '--format', 'json'], { cwd: dir });
      const milestones = JSON.parse(plan.stdout).releases.find((r: { id: string }) => r.id === '2020-06').milestones;
      expect(milestones).toContainEqual(expect.objectContaining({ id: 'systems-baseline', state: 'overdue' }));
      const soon = await secrel(['check', '--as-of', '2019-06-01'], { cwd: dir });
      expect(soon.stdout).toContain("warning RID-1\n    The Panel's baseline of the RID for the June 2020 SEC Release");
    });
  });

  it('the first rid bump on a RID that never recorded computedFrom bumps the drift since its baseline', async () => {
    await withRepo(
      {
        'releases/2020-06.yaml': june(BASELINED_1_0),
        'modifications/SECMP0053.yaml': SYSTEM('SECMP0053'),
        // Joined after the 11 October 2019 baseline, but rid.version was never moved.
        'modifications/MP079.yaml': DOCS('MP079'),
      },
      async (dir) => {
        const r = await secrel(['rid', 'bump', '--as-of', '2020-01-10'], { cwd: dir });
        expect(r.stdout).toBe(
          '2020-06: RID 1.0 → 1.1 (releases/2020-06.yaml)\n  - MP079 added to the scope (documentation only: outside the systems baseline)',
        );
        expect(parse(readFileSync(join(dir, 'releases', '2020-06.yaml'), 'utf8')).rid.history.at(-1)).toMatchObject({ version: '1.1', date: '2020-01-10' });
      },
    );
  });

  it('a modification whose release name is a typo is a REF error, not a scope change', async () => {
    const typo = SYSTEM('SECMP0053').replace('release: 2020-06', 'release: 2020-07');
    await withRepo({ 'releases/2020-06.yaml': june(BASELINED_1_0), 'modifications/SECMP0053.yaml': typo }, async (dir) => {
      const r = await secrel(['validate'], { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('release `2020-07` does not exist');
      expect(r.stdout).not.toContain('RID-2');
    });
  });

  describe('rid baseline', () => {
    const files = { 'releases/2020-06.yaml': 'id: 2020-06\ntype: system\n', 'modifications/SECMP0053.yaml': SYSTEM('SECMP0053') };

    it('refuses a date after go-live, and a cancelled release', async () => {
      await withRepo(files, async (dir) => {
        const late = await secrel(['rid', 'baseline', '2020-06', '--date', '2020-06-26'], { cwd: dir });
        expect(late).toMatchObject({ exitCode: 2, stdout: '' });
        expect(late.stderr).toContain('--date 2020-06-26 is after the go-live of 2020-06 (2020-06-25)');
        expect(readFileSync(join(dir, 'releases', '2020-06.yaml'), 'utf8')).toBe(files['releases/2020-06.yaml']);
      });
      await withRepo({ ...files, 'releases/2020-06.yaml': 'id: 2020-06\nstatus: cancelled\n' }, async (dir) => {
        const r = await secrel(['rid', 'baseline', '2020-06', '--date', '2019-10-11'], { cwd: dir });
        expect(r.exitCode).toBe(2);
        expect(r.stderr).toContain('2020-06 is cancelled');
      });
    });

    it('a baseline recorded late covers the scope of its meeting: what joined after is a change after it', async () => {
      const later = `${SYSTEM('SECMP0099')}  addedToScope: 2019-11-20\n  exception: Agreed late\n`;
      await withRepo({ ...files, 'modifications/SECMP0099.yaml': later }, async (dir) => {
        const r = await secrel(['rid', 'baseline', '2020-06', '--date', '2019-10-11', '--as-of', '2020-01-10'], { cwd: dir });
        expect(r.stdout).toBe('2020-06: RID 1.0 baselined on 11 October 2019, covering the systems scope: SECMP0053');
        expect(r.stderr).toContain(
          'secrel: note: SECMP0099 joined the scope after 11 October 2019, so this baseline does not cover it: a change to the baselined scope, which `secrel rid bump` records in the next integer version',
        );
        const bump = await secrel(['rid', 'bump', '--dry-run', '--as-of', '2020-01-10'], { cwd: dir });
        expect(bump.stdout).toContain('2020-06: RID 1.0 would become 2.0 (releases/2020-06.yaml)\n  - SECMP0099 added to the baselined systems scope');
      });
    });

    it('sets the status, warns when the release has errors, and writes a history entry for every baseline', async () => {
      await withRepo(files, async (dir) => {
        const first = await secrel(['rid', 'baseline', '2020-06', '--date', '2019-10-11', '--as-of', '2019-10-11'], { cwd: dir });
        expect(first.exitCode).toBe(0);
        // No 12-month notice, Forecast Release Cost or TAD recorded, and this baseline itself is late (due 25 June
        // 2019, RID-1): the Panel baselines it anyway, knowingly.
        expect(first.stderr).toContain('secrel: warning: 2020-06 has 4 errors as of 2019-10-11 (COM-2, CST-3, RID-1, TST-1); the baseline is recorded');
        expect(first.stderr).toContain('`secrel check --release 2020-06 --as-of 2019-10-11` lists them');
        const again = await secrel(['rid', 'baseline', '2020-06', '--date', '2020-01-17', '--covers', 'all', '--as-of', '2020-01-17'], { cwd: dir });
        expect(again.stdout).toBe('2020-06: RID 1.0 baselined on 17 January 2020, covering all of its scope: SECMP0053');
        const data = parse(readFileSync(join(dir, 'releases', '2020-06.yaml'), 'utf8'));
        expect(data.status).toBe('baselined');
        expect(data.rid.history).toEqual([
          { version: '1.0', date: '2019-10-11', changes: 'Version baselined by the Panel to cover the scope of the release on the DCC Systems.' },
          { version: '1.0', date: '2020-01-17', changes: 'Version baselined by the Panel to cover the full scope of the release.' },
        ]);
        expect((await secrel(['validate'], { cwd: dir })).exitCode).toBe(0);
        // The RID is dated as its version was last issued: the full-scope baseline, not the first.
        await secrel(['render', 'rid', '--release', '2020-06', '--as-of', '2020-01-17'], { cwd: dir });
        expect(readFileSync(join(dir, 'out', 'rid', '2020-06.md'), 'utf8')).toContain('| Version | 1.0 |\n| Date | 17 January 2020 |\n');
      });
    });
  });
});
