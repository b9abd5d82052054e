// What a new user sees for broken references on a fresh repository: a timeline `from` naming an entry by its
// event text, a Change Request with no file, and a `dependsOn` naming a modification that does not exist.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-refs-'));
  temps.push(dir);
  for (const [path, text] of Object.entries({ 'secrel.config.yaml': 'code: sec\n', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface Json {
  findings: { rule: string; severity: string; file: string; line: number; column: number; message: string }[];
}

const findings = async (args: string[], dir: string) => (JSON.parse((await secrel([...args, '--repo', dir, '--format', 'json'])).stdout) as Json).findings;

const release = (timeline: string) => `id: 2028-06\ntimeline:\n${timeline}`;
const UIT = '  - id: uit-start\n    event: UIT commences\n    date: 2028-01-10\n';
const modification = (id: string, body = '') =>
  `id: ${id}\ntitle: ${id} change\nstatus: approved\nsystemImpact: true\n${body}implementation:\n  release: 2028-06\n`;

describe('a timeline entry counting from another', () => {
  it('may name an entry with an id by its event text, and gets the same date as by its id', async () => {
    const dir = repo({
      'releases/2028-06.yaml': release(
        `${UIT}  - event: UIT completes\n    offset: "+20wd"\n    from: UIT commences\n  - event: UIT report\n    offset: "+20wd"\n    from: uit-start\n`,
      ),
    });
    const r = await secrel(['validate', '--repo', dir]);
    expect(r.stdout).toMatch(/no problems found$/);
    expect(r.exitCode).toBe(0);
    const cal = JSON.parse((await secrel(['calendar', '2028', '--repo', dir, '--format', 'json'])).stdout) as {
      releases: { id: string; milestones: { id: string; date: string }[] }[];
    };
    const events = cal.releases.find((x) => x.id === '2028-06')!.milestones.filter((m) => m.id.startsWith('uit-'));
    // Both count 20 Working Days from Monday 10 January 2028.
    expect(events).toEqual([
      { id: 'uit-start', label: 'UIT commences', date: '2028-01-10' },
      { id: 'uit-completes', label: 'UIT completes', date: '2028-02-07' },
      { id: 'uit-report', label: 'UIT report', date: '2028-02-07' },
    ]);
  });

  it("names the timeline's own events, ids and the likely one when it names nothing", async () => {
    const dir = repo({ 'releases/2028-06.yaml': release(`${UIT}  - event: UIT completes\n    offset: "+20wd"\n    from: UIT commencing\n`) });
    const [f, ...rest] = await findings(['validate'], dir);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'REF', severity: 'error', file: 'releases/2028-06.yaml', line: 8, column: 11 });
    expect(f!.message).toBe(
      'Timeline event "UIT completes" counts from "UIT commencing" (did you mean "UIT commences"?), which is neither an event of this timeline ' +
        '("UIT commences" (id uit-start)) nor a milestone (systems-cutoff, systems-baseline, forecast-cost, notice-12m, tad-to-tag, documentation-cutoff, full-baseline, ' +
        'tad-published, notice-6m, notice-1m, go-live-evidence, go-live, actual-cost-report); the event is left out of the timetable until this is fixed',
    );
  });
});

describe('dependsOn', () => {
  it('says once, in one sentence, what to do about a Change Request with no file', async () => {
    const dir = repo({ 'modifications/MP1.yaml': modification('MP1', 'dependsOn: [CR1201]\n') });
    const deps = (await findings(['check', '--as-of', '2027-01-01'], dir)).filter((f) => f.rule === 'DEP-1');
    expect(deps.map((f) => f.message)).toEqual([
      'MP1 in the June 2028 SEC Release needs CR1201 before go-live (by 29 June 2028: by go-live), but CR1201 is not recorded, ' +
        'so secrel cannot tell whether it is done in time: add change-requests/CR1201.yaml with its status and expected date',
    ]);
  });

  it('is a REF error from validate for a modification that does not exist, with the close id', async () => {
    const dir = repo({
      'modifications/SECMP0031.yaml': modification('SECMP0031'),
      'modifications/SECMP0032.yaml': modification('SECMP0032', 'dependsOn: [SECMP0301, XYZ9]\n'),
    });
    const r = await secrel(['validate', '--repo', dir]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      'modifications/SECMP0032.yaml:5:13 error REF\n' +
        '    SECMP0032 depends on modification `SECMP0301`, which does not exist: it has no file in modifications/; did you mean `SECMP0031`?\n',
    );
    expect(r.stdout).toContain(
      'modifications/SECMP0032.yaml:5:24 error REF\n' +
        '    SECMP0032 depends on modification `XYZ9`, which does not exist: it has no file in modifications/; add modifications/XYZ9.yaml if it is a modification of this code, else correct the id or remove it ' +
        '(a DCC Change Request whose id does not start CR is `{ id: XYZ9, kind: change-request }`)\n',
    );
    // check reports it once, as REF: no DEP-1 advice to record a date for something that does not exist.
    const all = await findings(['check', '--as-of', '2027-01-01'], dir);
    const about = all.filter((f) => f.file === 'modifications/SECMP0032.yaml' && ['REF', 'DEP-1'].includes(f.rule));
    expect(about.map((f) => `${f.rule} ${f.line}:${f.column}`)).toEqual(['REF 5:13', 'REF 5:24']);
  });

  it('leaves a modification whose file does not load to its own errors, and DEP-1 says to fix that file', async () => {
    const dir = repo({
      'modifications/SECMP0301.yaml': 'id: SECMP0301\ntitle: Broken\nbogus: 1\n',
      'modifications/SECMP0032.yaml': modification('SECMP0032', 'dependsOn: [SECMP0301]\n'),
    });
    const validate = await findings(['validate'], dir);
    expect(validate.map((f) => `${f.rule} ${f.file}`)).toEqual(['SCHEMA modifications/SECMP0301.yaml']);
    const deps = (await findings(['check', '--as-of', '2027-01-01'], dir)).filter((f) => f.rule === 'DEP-1');
    expect(deps.map((f) => f.message)).toEqual([
      'SECMP0032 in the June 2028 SEC Release needs SECMP0301 before go-live (by 29 June 2028: by go-live), but SECMP0301 does not load ' +
        '(its file has errors), so secrel cannot tell whether it is done in time: fix the errors reported in that file',
    ]);
  });
});

describe('a release id that names no release', () => {
  const target = (release: string, fallback?: string) =>
    `id: MP1\ntitle: Example\nsystemImpact: false\nimplementation:\n  release: ${release}\n${fallback ? `  fallback: ${fallback}\n` : ''}`;
  const refs = async (release: string, fallback?: string) =>
    (await findings(['validate'], repo({ 'modifications/MP1.yaml': target(release, fallback) }))).filter((f) => f.rule === 'REF').map((f) => f.message);

  it('a day typed where the id belongs: names the release of that month', async () => {
    expect(await refs('2029-02-30')).toEqual([
      'release `2029-02-30` does not exist: it has no file in releases/: a day of the month is not part of a release id. Did you mean `2029-02` (the February 2029 SEC Release, 22 February 2029)?',
    ]);
  });

  it('a month with no release: names the nearest before and after, and how to make an ad-hoc one', async () => {
    expect(await refs('2028-07')).toEqual([
      'release `2028-07` does not exist: it has no file in releases/ and the release cycle schedules no release in July 2028: the nearest are ' +
        '`2028-06` (the June 2028 SEC Release, 29 June 2028) and `2028-11` (the November 2028 SEC Release, 2 November 2028); ' +
        'for an ad-hoc release that month, create releases/2028-07.yaml with `adhoc: true`, `date` and `type`',
    ]);
  });

  it('a fall-back that is the primary itself says what to do', async () => {
    expect(await refs('2028-06', '2028-06')).toEqual([
      'the fall-back release is 2028-06, the primary release itself: set implementation.fallback to a later release, or remove it',
    ]);
  });
});
