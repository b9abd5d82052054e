// The RID and the release page say what each modification depends on, and what the release still waits
// for (DEP-1): the January 2020 Panel paper's story, where CR1057 and CR1047 hold back five modifications.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const out = mkdtempSync(join(tmpdir(), 'secrel-render-deps-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dependencies in rendered documents', () => {
  it('the November 2021 RID has a "Depends on" line under each of the five modifications', async () => {
    const r = await secrel(['render', 'rid', '--repo', join(FIXTURES, 'sec-2020'), '--as-of', '2020-01-17', '--release', '2021-11', '--out', out]);
    expect(r.exitCode).toBe(0);
    const md = readFileSync(join(out, 'rid', '2021-11.md'), 'utf8');
    expect(md.match(/ {2}Depends on CR1057 and CR1047 \(DCC Change Requests\), needed before development\./g)).toHaveLength(5);
    expect(readFileSync(join(out, 'rid', '2021-11.html'), 'utf8')).toContain(
      '<p>Depends on CR1057 and CR1047 (DCC Change Requests), needed before development.</p>',
    );
  });

  it('plan calls a dependency late once the day it was needed has passed with nothing done and no date', async () => {
    const plan = async (asOf: string, id = 'CR1057') => {
      const r = await secrel(['plan', '--repo', join(FIXTURES, 'sec-2020'), '--as-of', asOf, '--release', '2021-11', '--format', 'json']);
      const waits = JSON.parse(r.stdout).releases[0].waitingFor as { id: string; state: string }[];
      return waits.find((w) => w.id === id)?.state;
    };
    // Needed before development by 4 February 2021.
    expect(await plan('2021-02-04')).toBe('unknown');
    expect(await plan('2021-02-05')).toBe('late');
    // CR1047 was expected on 31 December 2020, in time, but is not recorded done by then: overdue, as check warns.
    expect(await plan('2020-12-31', 'CR1047')).toBe('in-time');
    expect(await plan('2021-02-04', 'CR1047')).toBe('overdue');
    expect(await plan('2021-02-05', 'CR1047')).toBe('late');
  });

  it('the November 2021 RID says what the release is waiting for: CR1047 expected in time, CR1057 with no date', async () => {
    expect((await secrel(['render', 'rid', '--repo', join(FIXTURES, 'sec-2020'), '--release', '2021-11', '--out', out])).exitCode).toBe(0);
    const md = readFileSync(join(out, 'rid', '2021-11.md'), 'utf8');
    const five = 'MP078, SECMP0007, SECMP0015, SECMP0024 and SECMP0056';
    expect(md).toContain(
      [
        '### Waiting for',
        '',
        'This release’s scope depends on the following, which are not done yet:',
        '',
        '| Waiting for | Needed | By | For | Expected | State |',
        '| --- | --- | --- | --- | --- | --- |',
        `| DCC Change Request CR1047 | before development | 4 February 2021 | ${five} | 31 December 2020 | in time |`,
        `| DCC Change Request CR1057 | before development | 4 February 2021 | ${five} | no date recorded | date unknown |`,
      ].join('\n'),
    );
    expect(readFileSync(join(out, 'rid', '2021-11.html'), 'utf8')).toContain(
      `<tr><td>DCC Change Request CR1057</td><td>before development</td><td>4 February 2021</td><td>${five}</td><td>no date recorded</td><td>date unknown</td></tr>`,
    );
    // The June 2020 release depends on nothing: no section.
    expect((await secrel(['render', 'rid', '--repo', join(FIXTURES, 'sec-2020'), '--release', '2020-06', '--out', out])).exitCode).toBe(0);
    expect(readFileSync(join(out, 'rid', '2020-06.md'), 'utf8')).not.toContain('Waiting for');
  });

  it("a RID version dated after a dependency's expected day, with it not done, says it is overdue, not in time", async () => {
    const repo = join(out, 'overdue-repo');
    const { cpSync } = await import('node:fs');
    cpSync(join(FIXTURES, 'sec-2020'), repo, { recursive: true });
    const file = join(repo, 'releases', '2021-11.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}rid:\n  version: "0.1"\n  history:\n    - { version: "0.1", date: 2021-01-15, changes: First draft. }\n`);
    expect((await secrel(['render', 'rid', '--repo', repo, '--release', '2021-11', '--as-of', '2021-01-15', '--out', join(out, 'overdue')])).exitCode).toBe(0);
    const md = readFileSync(join(out, 'overdue', 'rid', '2021-11.md'), 'utf8');
    expect(md).toContain('| DCC Change Request CR1047 | before development | 4 February 2021 |');
    expect(md).toMatch(/\| DCC Change Request CR1047 \|.*\| 31 December 2020 \| overdue, not recorded done \|/);
  });

  it('the release page lists the day each dependency is needed by among its milestones', async () => {
    const site = join(out, 'site');
    expect((await secrel(['render', 'site', '--repo', join(FIXTURES, 'sec-2020'), '--as-of', '2020-01-17', '--out', site])).exitCode).toBe(0);
    const page = readFileSync(join(site, 'site', 'releases', '2021-11.html'), 'utf8');
    expect(page).toContain('CR1047 needed before development of MP078, SECMP0007, SECMP0015, SECMP0024, SECMP0056');
    expect(page).toContain('<h2 id="waiting-for">Waiting for</h2>');
    expect(page).toContain(
      '<tr><th scope="row">DCC Change Request CR1047</th><td>before development</td><td class="date"><time datetime="2021-02-04">4 February 2021</time></td><td>MP078, SECMP0007, SECMP0015, SECMP0024 and SECMP0056</td><td class="date"><time datetime="2020-12-31">31 December 2020</time></td><td>in time</td></tr>',
    );
  });

  it('a dependency recorded as done is no longer waited for', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const repo = join(out, 'done-repo');
    cpSync(join(FIXTURES, 'sec-2020'), repo, { recursive: true });
    const cr = join(repo, 'change-requests', 'CR1047.yaml');
    writeFileSync(cr, readFileSync(cr, 'utf8').replace(/^status: .*$/m, 'status: done\ndone: 2020-12-18'));
    expect((await secrel(['render', 'rid', '--repo', repo, '--release', '2021-11', '--out', join(out, 'done')])).exitCode).toBe(0);
    const md = readFileSync(join(out, 'done', 'rid', '2021-11.md'), 'utf8');
    expect(md).toContain('which is not done yet:');
    expect(md).not.toContain('| DCC Change Request CR1047 |');
  });

  it('a dependency recorded as done is no deadline any more: the site calendar has no "needed" event for it', async () => {
    const copy = copyFixture('sec-2020');
    try {
      const ics = async () => {
        expect((await secrel(['render', 'site', '--repo', copy.dir, '--out', join(copy.dir, 'out')])).exitCode).toBe(0);
        return readFileSync(join(copy.dir, 'out', 'site', 'calendar.ics'), 'utf8').replace(/\r\n /g, '');
      };
      expect(await ics()).toContain('SUMMARY:November 2021 SEC Release: CR1047 needed before development');
      writeFileSync(join(copy.dir, 'change-requests/CR1047.yaml'), 'id: CR1047\ntitle: CSP firmware change\nstatus: done\ndone: 2020-06-30\n');
      const after = await ics();
      expect(after).not.toContain('CR1047 needed');
      expect(after).toContain('CR1057 needed before development');
    } finally {
      copy.cleanup();
    }
  });
});
