// `secrel plan --assume`: the plan as if the assumptions were recorded. The property: for every assumption in
// the table, `plan --assume X` gives the same releases, scope, RID versions and findings as `plan` on a copy of
// the repository with X written into its files (by the project's own YAML editor, not by the code under test).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editYaml, type YamlEdit } from '../../src/repo/write.js';
import { fixtureCopies } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const copy = fixtureCopies();
const AS_OF = '2020-01-17';

type Recording = { file: string; edits: YamlEdit[]; create?: string };

/** The same change as the assumption, written into the files of `dir`. */
function record(dir: string, r: Recording): void {
  const path = join(dir, r.file);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, r.create ?? '');
  }
  writeFileSync(path, editYaml(readFileSync(path, 'utf8'), r.edits));
}

const set = (path: string[], value: unknown): YamlEdit => ({ op: 'set', path, value });

/** Assumption → how a release manager would record it. */
const TABLE: [string, Recording[]][] = [
  [
    'SECMP0007=release:2020-11',
    [{ file: 'modifications/SECMP0007.yaml', edits: [set(['implementation', 'release'], '2020-11'), set(['implementation', 'addedToScope'], AS_OF)] }],
  ],
  ['SECMP0062=withdrawn', [{ file: 'modifications/SECMP0062.yaml', edits: [set(['status'], 'withdrawn')] }]],
  ['MP079=approved@2020-02-10', [{ file: 'modifications/MP079.yaml', edits: [set(['status'], 'approved'), set(['decision', 'date'], '2020-02-10')] }]],
  ['SECMP0062=approved@2020-01-10', [{ file: 'modifications/SECMP0062.yaml', edits: [set(['status'], 'approved'), set(['decision', 'date'], '2020-01-10')] }]],
  [
    'MP084=release:2020-11',
    [{ file: 'modifications/MP084.yaml', edits: [set(['implementation', 'release'], '2020-11'), set(['implementation', 'addedToScope'], AS_OF)] }],
  ],
  ['2020-06=date:2020-07-02', [{ file: 'releases/2020-06.yaml', edits: [set(['date'], '2020-07-02')] }]],
  ['2021-02=date:2021-03-04', [{ file: 'releases/2021-02.yaml', edits: [set(['date'], '2021-03-04')] }]],
  ['2022-06=date:2022-06-16', [{ file: 'releases/2022-06.yaml', create: 'id: 2022-06\n', edits: [set(['date'], '2022-06-16')] }]],
  ['2020-11=cancelled', [{ file: 'releases/2020-11.yaml', edits: [set(['status'], 'cancelled')] }]],
  ['CR1047=expected:2021-03-31', [{ file: 'change-requests/CR1047.yaml', edits: [set(['expected'], '2021-03-31')] }]],
  ['CR1057=done@2020-03-31', [{ file: 'change-requests/CR1057.yaml', edits: [set(['status'], 'done'), set(['done'], '2020-03-31')] }]],
  ['CR1047=cancelled', [{ file: 'change-requests/CR1047.yaml', edits: [set(['status'], 'cancelled')] }]],
];

/** The plan without what only `--assume` adds, and without line numbers (a field an assumption adds has none yet). */
function comparable(json: string): unknown {
  const view = JSON.parse(json) as { releases: { findings: Record<string, unknown>[] }[]; assumptions?: unknown; changes?: unknown };
  delete view.assumptions;
  delete view.changes;
  for (const r of view.releases) r.findings = r.findings.map(({ line: _l, column: _c, ...rest }) => rest);
  return view;
}

async function planJson(dir: string, extra: string[] = []): Promise<string> {
  const r = await secrel(['plan', '--repo', dir, '--as-of', AS_OF, '--from', '2019-12-01', '--to', '2022-12-31', '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe('plan --assume X equals plan with X recorded', () => {
  it.each(TABLE)('%s', async (assumption, recordings) => {
    const dir = copy();
    const assumed = await planJson(dir, ['--assume', assumption]);
    for (const r of recordings) record(dir, r);
    expect(comparable(assumed)).toEqual(comparable(await planJson(dir)));
  });

  it('holds for several assumptions at once, applied in order', async () => {
    const dir = copy();
    const assumed = await planJson(dir, ['--assume', 'SECMP0007=release:2021-06', 'CR1047=done@2020-09-01', '--assume', 'CR1057=done@2020-06-30']);
    record(
      dir,
      TABLE[0]![1][0]!.file === 'modifications/SECMP0007.yaml'
        ? { file: 'modifications/SECMP0007.yaml', edits: [set(['implementation', 'release'], '2021-06'), set(['implementation', 'addedToScope'], AS_OF)] }
        : TABLE[0]![1][0]!,
    );
    record(dir, { file: 'change-requests/CR1047.yaml', edits: [set(['status'], 'done'), set(['done'], '2020-09-01')] });
    record(dir, { file: 'change-requests/CR1057.yaml', edits: [set(['status'], 'done'), set(['done'], '2020-06-30')] });
    expect(comparable(assumed)).toEqual(comparable(await planJson(dir)));
  });
});

describe('plan --assume replays the January 2020 Panel paper', () => {
  it('with CR1047 not done before development, the five modifications cannot make November 2020', async () => {
    const five = ['SECMP0007', 'SECMP0015', 'SECMP0024', 'SECMP0056', 'MP078'];
    const r = await secrel([
      'plan',
      '--repo',
      copy(),
      '--as-of',
      AS_OF,
      '--release',
      '2020-11',
      '--format',
      'json',
      ...five.flatMap((id) => ['--assume', `${id}=release:2020-11`]),
    ]);
    expect(r.exitCode).toBe(0);
    const view = JSON.parse(r.stdout) as {
      releases: { findings: { rule: string; severity: string; modification: string; message: string }[] }[];
      changes: { kind: string; text: string }[];
    };
    const late = view.releases[0]!.findings.filter((f) => f.rule === 'DEP-1' && f.severity === 'error');
    expect(late.map((f) => f.modification).sort()).toEqual([...five].sort());
    for (const f of late)
      expect(f.message).toContain('needs CR1047 before development (by 29 February 2020: 9m before go-live), but CR1047 is expected on 31 December 2020: move');
    expect(view.changes.filter((c) => c.kind === 'finding' && c.text.startsWith('new error DEP-1'))).toHaveLength(5);
    expect(view.changes).toContainEqual(expect.objectContaining({ kind: 'release', text: '2020-11: SECMP0007 added to the scope (moved from 2021-11)' }));
  });

  it('says in text what the assumption changes, above the plan', async () => {
    const r = await secrel(['plan', '--repo', copy(), '--as-of', AS_OF, '--release', '2020-11', '--assume', 'SECMP0007=release:2020-11']);
    expect(r.stdout.split('\n').slice(0, 8)).toEqual([
      'Assuming SECMP0007=release:2020-11',
      '',
      '  Where it lands',
      '  • SECMP0007 is in the November 2020 SEC Release (2020-11, 29 November 2020):',
      '    no lead time in months, so no decision-by date',
      '',
      '  Scope and dates',
      '  • 2020-11: SECMP0007 added to the scope (moved from 2021-11)',
    ]);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('+ new error DEP-1: SECMP0007 in the November 2020 SEC Release needs CR1047');
    expect(flat).toContain(
      '+ new error SCP-2 (an exception the Panel would need to approve): SECMP0007 joined the November 2020 SEC Release on 17 January 2020',
    );
    expect(r.stdout).toContain('November 2020 SEC Release  Sun 29 Nov 2020  system');
  });

  it('a decision after the decision-by date lands in the fall-back, and the approval notice becomes due', async () => {
    const dir = copy();
    record(dir, { file: 'modifications/MP079.yaml', edits: [set(['leadTime'], '6m'), set(['implementation', 'fallback'], '2020-11')] });
    const r = await secrel(['plan', '--repo', dir, '--as-of', AS_OF, '--format', 'json', '--assume', 'MP079=approved@2020-01-20']);
    const view = JSON.parse(r.stdout) as { changes: { kind: string; text: string; window?: string; release?: string }[] };
    expect(view.changes.find((c) => c.kind === 'lands')).toMatchObject({ window: 'fallback', release: '2020-11' });
    expect(view.changes.find((c) => c.kind === 'lands')!.text).toBe(
      'MP079 lands in the November 2020 SEC Release (2020-11, 29 November 2020), its fall-back: ' +
        'a decision on 20 January 2020 is after the June 2020 SEC Release decision-by date (25 December 2019) and on or before 29 May 2020',
    );
    expect(view.changes).toContainEqual(expect.objectContaining({ kind: 'notice', date: '2020-01-21' }));
    expect(view.changes).toContainEqual(expect.objectContaining({ kind: 'rid', release: '2020-06', from: '1.1', to: '1.2' }));
  });
});

describe('plan --assume and the approval notice of a Self-Governance modification', () => {
  it('counts from the end of the referral window, as COM-1 does, not from the Change Board vote', async () => {
    const dir = copy();
    record(dir, { file: 'modifications/MP079.yaml', edits: [set(['governance'], 'self-governance')] });
    const r = await secrel(['plan', '--repo', dir, '--as-of', AS_OF, '--format', 'json', '--assume', 'MP079=approved@2020-01-20']);
    const notices = (JSON.parse(r.stdout) as { changes: { kind: string; text: string }[] }).changes.filter((c) => c.kind === 'notice');
    expect(notices.map((n) => n.text)).toEqual([
      "The notice of MP079's approval and implementation date is due 1 Working Day after the end of its Self-Governance referral window (COM-1): record decision.referralWindowEnd",
    ]);
  });
});

describe('plan --assume and findings that move with a modification', () => {
  it('a finding that says the same about a modification now in another release is neither new nor resolved', async () => {
    const r = await secrel(['plan', '--repo', copy(), '--as-of', AS_OF, '--format', 'json', '--assume', 'MP093=release:2020-06']);
    const texts = (JSON.parse(r.stdout) as { changes: { kind: string; text: string }[] }).changes.filter((c) => c.kind === 'finding').map((c) => c.text);
    expect(texts.some((t) => t.startsWith('new error SCP-2'))).toBe(true);
    expect(texts.filter((t) => t.includes('CST-1'))).toEqual([]);
  });

  it('where it lands counts a decision still expected on a day gone by from today, as suggest does', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'modifications/MP205.yaml'),
      'id: MP205\ntitle: Late decision\nsystemImpact: none\nleadTime: 6m\ndecision:\n  expected: 2019-12-01\nimplementation:\n  release: 2020-06\n',
    );
    const r = await secrel(['plan', '--repo', dir, '--as-of', AS_OF, '--format', 'json', '--assume', 'MP205=release:2020-11']);
    const lands = (JSON.parse(r.stdout) as { changes: { kind: string; text: string }[] }).changes.find((c) => c.kind === 'lands')!;
    expect(lands.text).toBe(
      'MP205 lands in the November 2020 SEC Release (2020-11, 29 November 2020), its primary: a decision no earlier than today, 17 January 2020 ' +
        '(it was expected on 1 December 2019, which has passed with none recorded), is on or before its decision-by date, 29 May 2020',
    );
  });

  it('a move onto its recorded fall-back drops that fall-back, as the release manager would: no REF error appears', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'modifications/MP204.yaml'),
      'id: MP204\ntitle: Moves to its fall-back\nsystemImpact: none\nimplementation:\n  release: 2020-11\n  fallback: 2021-02\n  addedToScope: 2020-01-10\n',
    );
    const r = await secrel(['plan', '--repo', dir, '--as-of', AS_OF, '--format', 'json', '--assume', 'MP204=release:2021-02']);
    const texts = (JSON.parse(r.stdout) as { changes: { kind: string; text: string }[] }).changes.filter((c) => c.kind === 'finding').map((c) => c.text);
    expect(texts.filter((t) => t.includes('REF'))).toEqual([]);
  });
});

describe('plan --assume and findings with the same words in several files', () => {
  it('lists them once, naming the files (SCP-4 is in each release it names; found in a fresh-data trial)', async () => {
    const dir = copy();
    const tech = (id: string, release: string, doc: string) =>
      `id: ${id}\ntitle: ${id} change\nstatus: development\nsystemImpact: true\ntechSpecs: [${doc}]\nimplementation:\n  release: ${release}\n  addedToScope: 2019-01-10\n`;
    writeFileSync(join(dir, 'modifications/MP901.yaml'), tech('MP901', '2021-06', 'GBCS'));
    writeFileSync(join(dir, 'modifications/MP902.yaml'), tech('MP902', '2021-11', 'DUIS'));
    writeFileSync(join(dir, 'modifications/MP903.yaml'), tech('MP903', '2022-06', 'TS'));
    const r = await secrel(['plan', '--repo', dir, '--as-of', AS_OF, '--assume', 'MP903=release:2021-11']);
    const findings = r.stdout.slice(r.stdout.indexOf('  Findings'), r.stdout.indexOf('═'));
    expect(findings).toContain('+ new warning SCP-4 (releases/2021-06.yaml, releases/2021-11.yaml): DUIS, GBCS\n');
    expect(findings).toContain('- resolved warning SCP-4 (releases/2021-06.yaml, releases/2021-11.yaml):');
    expect(findings.match(/SCP-4/g)).toHaveLength(2);
  });
});

describe('plan --assume usage errors', () => {
  it.each([
    ['MP104', 'is not ID=CHANGE'],
    ['MP104=approved@2026-12-10', 'names nothing: MP104 is not a modification, release or Change Request of this repository'],
    ['SECMP0007=approve', '"approve" is not a change secrel can make to a modification SECMP0007'],
    ['SECMP0007=approved@2020-13-01', '2020-13-01 is not a calendar date'],
    ['SECMP0007=release:2020-13', 'there is no release 2020-13'],
    ['2020-06=moved', '"moved" is not a change secrel can make to a release 2020-06'],
    ['CR1047=finished', 'write CR1047=done@YYYY-MM-DD, CR1047=expected:YYYY-MM-DD or CR1047=<status>'],
    ['SECMP007=approved@2020-01-20', 'did you mean SECMP0007=approved@2020-01-20? Else write ID=CHANGE'],
  ])('%s exits 2 and says what is expected', async (assumption, message) => {
    const r = await secrel(['plan', '--repo', copy(), '--as-of', AS_OF, '--assume', assumption]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('names a file that does not load as such, not as nothing', async () => {
    const dir = copy();
    const file = join(dir, 'modifications', 'SECMP0007.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 42'));
    const r = await secrel(['plan', '--repo', dir, '--as-of', AS_OF, '--assume', 'SECMP0007=approved@2020-01-20']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--assume SECMP0007=approved@2020-01-20: the file of SECMP0007 does not load, so there is nothing to change');
    expect(r.stderr).toContain('secrel validate');
  });
});
