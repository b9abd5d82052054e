// `--format markdown` for plan, diff and rid bump: the compact reports a job summary or a pull-request
// comment shows (golden files in test/golden/markdown/, read by eye; after an intended change:
// `npx vitest run test/e2e/markdown-summaries.test.ts -u`, then read the diff). The diff and RID reports
// run on a scratch git repository made from fixtures/sec-2020 with one commit that adds MP142 to June 2020.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';
import { MP142 } from '../helpers/mp142.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'markdown');
const AS_OF = ['--as-of', '2020-01-17'];

describe('secrel plan --format markdown', () => {
  it('counts, a row per release (when, status, scope, next milestone, findings), then the findings tables', async () => {
    const r = await secrel(['plan', '--repo', join('fixtures', 'sec-2020'), ...AS_OF, '--format', 'markdown']);
    expect(r.exitCode).toBe(0);
    await expect(`${r.stdout}\n`).toMatchFileSnapshot(join(GOLDEN, 'plan-sec-2020.md'));
  });

  it('with --assume, lists what is assumed and what it changes above the releases', async () => {
    const r = await secrel([
      'plan',
      '--repo',
      join('fixtures', 'sec-2020'),
      ...AS_OF,
      '--release',
      '2020-11',
      '--assume',
      'MP093=withdrawn',
      '--format',
      'markdown',
    ]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('**Assuming `MP093=withdrawn`** (nothing is written):\n\n- ');
    expect(r.stdout).toContain('| November 2020 SEC Release (`2020-11`) |');
  });

  it('is refused by commands that have no Markdown report', async () => {
    const r = await secrel(['calendar', '--repo', join('fixtures', 'sec-2020'), '--format', 'markdown']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--format markdown is not supported here');
  });
});

describe('diff and rid bump --dry-run as Markdown, on a branch that adds MP142 to June 2020', () => {
  let repo: TempRepo;
  let base: string;
  const run = (...args: string[]) => secrel(args, { cwd: repo.dir });

  beforeAll(async () => {
    repo = await tempGitRepo();
    cpSync(join(FIXTURES, 'sec-2020'), repo.dir, { recursive: true });
    base = (await repo.commit('SEC releases as of January 2020')).slice(0, 7);
    await repo.git('checkout', '-q', '-b', 'add-mp142');
    repo.write('modifications/MP142.yaml', MP142);
    await repo.commit('MP142 approved into the June 2020 release');
  });
  afterAll(() => repo.cleanup());

  it('diff: the count, then a section per release with a line per change', async () => {
    const r = await run('diff', 'main', ...AS_OF, '--format', 'markdown');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`from \`main\` (${base}) to the work tree`);
    await expect(`${r.stdout.replaceAll(base, '<base>')}\n`).toMatchFileSnapshot(join(GOLDEN, 'diff-add-mp142.md'));
    expect((await run('diff', 'HEAD', '--format', 'markdown')).stdout).toMatch(
      /^## secrel diff HEAD\n\nNo scope, status, date, RID, notice or cost changes from `HEAD` \([0-9a-f]{7}\) to the work tree\.$/,
    );
  });

  it('rid bump --dry-run: the release whose RID moves, from and to and why; the others in a line each; nothing written', async () => {
    const r = await run('rid', 'bump', '--dry-run', ...AS_OF, '--format', 'markdown');
    expect(r.exitCode).toBe(0);
    await expect(`${r.stdout}\n`).toMatchFileSnapshot(join(GOLDEN, 'rid-bump-add-mp142.md'));
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});
