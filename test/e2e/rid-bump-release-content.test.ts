// What else a release file holds that its RID shows (found in a new-user trial: "Amended the release details"):
// the Technical Specification versions (SCP-5), the go-live criteria's results (GL-1, GL-3), the timetable
// and the risks each have a line in `secrel diff` and in the RID history `rid bump` writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const AS_OF = ['--as-of', '2028-03-02'];
const RELEASE =
  'id: 2028-06\ntype: system\nstatus: baselined\nrid:\n  version: "1.0"\n  history:\n    - { version: "1.0", date: 2027-06-29, changes: Baselined. }\n' +
  'techSpecs:\n  - { document: DUIS, version: "6.0", validFrom: 2028-06-25, previousVersion: "5.4" }\n' +
  'timeline:\n  - { id: sit-start, event: SIT commences, date: 2027-11-01, owner: DCC }\n' +
  'acceptance:\n  criteria:\n    - { id: T1, met: false, reviewedBy: TAG, date: 2028-02-20 }\n';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function started(): Promise<{ repo: TempRepo; edit: (from: string, to: string) => void }> {
  const repo = await tempGitRepo();
  repos.push(repo);
  repo.write('releases/2028-06.yaml', RELEASE);
  repo.write('modifications/.gitkeep', '');
  expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
  await repo.commit('June 2028');
  const file = join(repo.dir, 'releases/2028-06.yaml');
  const edit = (from: string, to: string) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  return { repo, edit };
}

const run = async (repo: TempRepo, ...args: string[]) => (await secrel([...args, ...AS_OF], { cwd: repo.dir })).stdout;

describe('diff and rid bump on what a release file holds beyond dates and costs', () => {
  it('a Technical Specification version listed, and another moved, each in one line', async () => {
    const { repo, edit } = await started();
    edit(
      '  - { document: DUIS, version: "6.0", validFrom: 2028-06-25, previousVersion: "5.4" }\n',
      '  - { document: DUIS, version: "6.0", validFrom: 2028-06-29, previousVersion: "5.4" }\n  - { document: GBCS, version: "5.1", validFrom: 2028-06-29, previousVersion: "5.0" }\n',
    );
    expect(await run(repo, 'diff', 'HEAD')).toBe(
      '2028-06: DUIS version 6.0 start of validity moved from 25 June 2028 to 29 June 2028\n' +
        '2028-06: GBCS version 5.1 listed, valid from 29 June 2028, replacing version 5.0',
    );
    expect(await run(repo, 'rid', 'bump', '--since', 'HEAD', '--dry-run')).toContain(
      '2028-06: RID 1.0 would become 1.1 (releases/2028-06.yaml)\n' +
        '  - DUIS version 6.0 start of validity moved from 25 June 2028 to 29 June 2028\n' +
        '  - GBCS version 5.1 listed, valid from 29 June 2028, replacing version 5.0',
    );
  });

  it("go-live criteria's results: recorded alike in one line, a changed result says what it was", async () => {
    const { repo, edit } = await started();
    edit(
      '    - { id: T1, met: false, reviewedBy: TAG, date: 2028-02-20 }\n',
      '    - { id: T1, met: true, reviewedBy: TAG, date: 2028-03-01 }\n' +
        ['OP1', 'OP2', 'OP3'].map((id) => `    - { id: ${id}, met: true, reviewedBy: Operations Group, date: 2028-02-27 }\n`).join(''),
    );
    const lines = [
      'go-live criterion T1 met, reviewed by TAG on 1 March 2028 (was not met)',
      'go-live criteria OP1–OP3 met, reviewed by Operations Group on 27 February 2028',
    ];
    expect(await run(repo, 'diff', 'HEAD')).toBe(lines.map((l) => `2028-06: ${l}`).join('\n'));
    const bump = await run(repo, 'rid', 'bump', '--since', 'HEAD', '--dry-run');
    expect(bump).toContain(
      `2028-06: RID 1.0 would become 1.1 (releases/2028-06.yaml)\n  - Go-live criterion T1 met, reviewed by TAG on 1 March 2028 (was not met)`,
    );
    expect(bump).toContain('  - Go-live criteria OP1–OP3 met, reviewed by Operations Group on 27 February 2028');
    expect(bump).not.toContain('Amended the release details');
  });

  it('a timetable event moved, and a risk added, each amend the RID', async () => {
    const { repo, edit } = await started();
    edit('date: 2027-11-01, owner: DCC', 'date: 2027-11-08, owner: DCC');
    writeFileSync(
      join(repo.dir, 'releases/2028-06.yaml'),
      `${readFileSync(join(repo.dir, 'releases/2028-06.yaml'), 'utf8')}risks:\n  - summary: SIT environment shared\n`,
    );
    expect(await run(repo, 'diff', 'HEAD')).toBe(
      '2028-06: timetable event ‘SIT commences’ moved from 1 November 2027 to 8 November 2027\n2028-06: risk ‘SIT environment shared’ added',
    );
    expect(await run(repo, 'rid', 'bump', '--since', 'HEAD', '--dry-run')).toContain(
      '2028-06: RID 1.0 would become 1.1 (releases/2028-06.yaml)\n  - Timetable event ‘SIT commences’ moved from 1 November 2027 to 8 November 2027\n  - Risk ‘SIT environment shared’ added',
    );
  });
});
