// `secrel report pr --base REF`: the pull-request comment, on a scratch git repository made from
// fixtures/sec-2020 (its documents rendered and committed on main) and a branch whose one commit adds
// MP142 to the June 2020 release and shifts the lines of MP093 (so MP093's old finding moves, and must not
// count as new). Golden: test/golden/markdown/report-pr-add-mp142.md, read by eye; after an intended
// change: `npx vitest run test/e2e/report-pr.test.ts -u`, then read the diff.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, secrel, snapshotFiles } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';
import { MP142 } from '../helpers/mp142.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'markdown', 'report-pr-add-mp142.md');
const AS_OF = ['--as-of', '2020-01-17'];

interface Json {
  base: { revision: string; commit: string };
  rid: { release: string; base: string | null; branch: string | null; bump: string | null; why: string[] }[];
  findings: { new: { rule: string; file: string; line: number }[]; summary: { errors: number; warnings: number }; resolved: number };
  documents: { compared: boolean; changes: { path: string; change: string }[]; output?: { dir: string; stale: { path: string; state: string }[] } };
}

describe('secrel report pr', () => {
  let repo: TempRepo;
  let base: string;
  const run = (...args: string[]) => secrel(args, { cwd: repo.dir });

  beforeAll(async () => {
    repo = await tempGitRepo();
    cpSync(join(FIXTURES, 'sec-2020'), repo.dir, { recursive: true });
    expect((await run('render', ...AS_OF)).exitCode).toBe(0);
    base = await repo.commit('SEC releases as of January 2020, documents rendered');
    await repo.git('checkout', '-q', '-b', 'add-mp142');
    repo.write('modifications/MP142.yaml', MP142);
    repo.write('modifications/MP093.yaml', `# Reviewed at the January Panel.\n${readFileSync(join(repo.dir, 'modifications', 'MP093.yaml'), 'utf8')}`);
    await repo.commit('MP142 approved into the June 2020 release');
  }, 60_000);
  afterAll(() => repo.cleanup());

  it('the comment: scope changes, RID versions, new findings, the documents that change; exit 1 for the new errors', async () => {
    const files = () => Object.fromEntries(Object.entries(snapshotFiles(repo.dir)).filter(([path]) => !path.startsWith('.git/')));
    const before = files();
    const r = await run('report', 'pr', '--base', 'main', ...AS_OF);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Against \`main\` (${base.slice(0, 7)})`);
    await expect(`${r.stdout.replaceAll(base.slice(0, 7), '<base>')}\n`).toMatchFileSnapshot(GOLDEN);
    expect(files()).toEqual(before); // nothing written, the documents included (git's own folder holds the cache)
  });

  it('as JSON: a finding that only moved lines is not new; the versions and documents as data', async () => {
    const json = JSON.parse((await run('report', 'pr', '--base', 'main', ...AS_OF, '--format', 'json')).stdout) as Json;
    expect(json.base).toEqual({ revision: 'main', commit: base });
    expect(json.findings.new.map((f) => `${f.rule} ${f.file}`).sort()).toEqual([
      'COM-1 modifications/MP142.yaml',
      'CST-1 modifications/MP142.yaml',
      'RID-2 releases/2020-06.yaml',
      'SCP-2 modifications/MP142.yaml',
    ]);
    expect(json.findings.new.some((f) => f.file === 'modifications/MP093.yaml')).toBe(false);
    expect(json.findings.resolved).toBe(0);
    expect(json.rid).toEqual([
      { release: '2020-06', file: 'releases/2020-06.yaml', base: '1.1', branch: '1.1', bump: '2.0', why: ['MP142 added to the baselined systems scope'] },
    ]);
    expect(json.documents.changes).toContainEqual({ path: 'rid/2020-06.md', change: 'changed' });
    expect(json.documents.changes).toContainEqual({ path: 'notices/2020-06/approval-MP142.md', change: 'new' });
    expect(json.documents.output?.stale.map((s) => s.path)).toEqual(json.documents.changes.map((c) => `out/${c.path}`));
  });

  it('after rid bump and render on the branch: the new version with its history entry, the documents up to date, no RID-2', async () => {
    expect((await run('rid', 'bump', ...AS_OF)).exitCode).toBe(0);
    expect((await run('render', ...AS_OF)).exitCode).toBe(0);
    try {
      const json = JSON.parse((await run('report', 'pr', '--base', 'main', ...AS_OF, '--format', 'json')).stdout) as Json;
      expect(json.rid).toEqual([
        {
          release: '2020-06',
          file: 'releases/2020-06.yaml',
          base: '1.1',
          branch: '2.0',
          bump: null,
          why: ['2.0: MP142 added to the baselined systems scope.'],
        },
      ]);
      expect(json.findings.new.map((f) => f.rule)).not.toContain('RID-2');
      expect(json.documents.output?.stale).toEqual([]);
      const md = (await run('report', 'pr', '--base', 'main', ...AS_OF)).stdout;
      expect(md).toContain('The documents committed in `out` are up to date with this branch.');
    } finally {
      await repo.git('checkout', '-q', '--', '.');
      await repo.git('clean', '-q', '-fd');
    }
  });

  it('against itself: nothing changes, exit 0', async () => {
    const r = await run('report', 'pr', '--base', 'HEAD', ...AS_OF);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('no change to scope, status, dates or costs');
    expect(r.stdout).toContain('None: this branch adds no finding that `HEAD` did not have.');
  });

  it('needs --base, a real revision, and a format it has', async () => {
    expect((await run('report', 'pr')).exitCode).toBe(2);
    expect(await run('report', 'pr', '--base', 'no-such-branch')).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('unknown revision "no-such-branch"'),
    });
    expect((await run('report', 'pr', '--base', 'main', '--format', 'sarif')).exitCode).toBe(2);
  });
});
