// GL-1..3: acceptance criteria from a known set with evidence, DCC's evidence 6 weeks out, the go/no-go view.
import { describe, expect, it } from 'vitest';
import { STANDARD_ACCEPTANCE_SET } from '../../../src/domain/acceptance-standard.js';
import { acceptanceCriteria, compressIds, goLiveEvidence, goNoGo } from '../../../src/domain/rules/golive.js';
import { positionOf, rel, run, withScope } from './repo.js';

const june = (acceptance: string) => ({ 'releases/2020-06.yaml': rel('2020-06', `type: system\nacceptance:\n${acceptance}`) });
const criterion = (id: string, extra = 'evidence: UIT report, reviewedBy: TAG, date: 2020-05-27') => `    - { id: ${id}, met: true, ${extra} }\n`;
const allMet = `  criteria:\n${STANDARD_ACCEPTANCE_SET.map((c) => criterion(c.id)).join('')}`;

describe('GL-1 acceptance criteria from a known set, each met one with evidence', () => {
  it('passes criteria of the standard set with status and evidence', async () => {
    expect(await run(acceptanceCriteria, withScope(june(allMet), { dcc: true }), '2020-06-01')).toEqual([]);
  });

  it('is an error for an unknown set; warns on an unknown criterion and on one met without evidence', async () => {
    const unknownSet = june('  set: gold\n');
    const [set] = await run(acceptanceCriteria, withScope(unknownSet, { dcc: true }), '2020-01-17');
    expect(set).toMatchObject({ rule: 'GL-1', severity: 'error', ...positionOf(unknownSet['releases/2020-06.yaml'], 'gold') });
    expect(set!.message).toContain('define it under acceptanceSets in secrel.config.yaml, or use one of: standard');
    const files = june(`  criteria:\n${criterion('TST1')}${criterion('OP2', 'reviewedBy: Operations Group')}`);
    const findings = await run(acceptanceCriteria, withScope(files, { dcc: true }), '2020-01-17');
    expect(findings.map((f) => [f.severity, f.line])).toEqual([
      ['warning', 5],
      ['warning', 6],
    ]);
    expect(findings[0]!.message).toContain('Criterion TST1 is not in the "standard" set');
    expect(findings[1]!.message).toContain('Criterion OP2 is recorded as met without evidence');
  });
});

describe('GL-2 DCC go-live evidence at least 6 weeks before go-live', () => {
  it('passes evidence submitted in time', async () => {
    expect(await run(goLiveEvidence, withScope(june('  evidenceSubmitted: 2020-05-14\n'), { dcc: true }), '2020-06-01')).toEqual([]);
  });

  it('is an error once 14 May 2020 has passed with no evidence, a warning before', async () => {
    const [late] = await run(goLiveEvidence, withScope(june('  set: standard\n'), { dcc: true }), '2020-05-20');
    expect(late).toMatchObject({ rule: 'GL-2', severity: 'error', line: 3, column: 1 });
    expect(late!.message).toContain("DCC's go-live evidence for the June 2020 SEC Release (at least 6 weeks before go-live) was due on 14 May 2020");
    expect((await run(goLiveEvidence, withScope(june('  set: standard\n'), { dcc: true }), '2020-05-01'))[0]).toMatchObject({ severity: 'warning' });
  });
});

describe('GL-3 the go/no-go view close to go-live', () => {
  it('passes every criterion met and reviewed, and says nothing more than a month out', async () => {
    expect(await run(goNoGo, withScope(june(allMet), { dcc: true }), '2020-06-20')).toEqual([]);
    expect(await run(goNoGo, withScope(june('  set: standard\n'), { dcc: true }), '2020-05-24')).toEqual([]);
  });

  it('warns within a month of go-live, listing what is missing by reviewing body', async () => {
    const early = 'evidence: readiness report, reviewedBy: Operations Group, date: 2020-05-20';
    const files = june(`  criteria:\n${criterion('OP1', early)}${criterion('OP2', early)}`);
    const [f] = await run(goNoGo, withScope(files, { dcc: true }), '2020-05-25');
    expect(f).toMatchObject({ rule: 'GL-3', severity: 'warning', release: '2020-06', line: 4 });
    expect(f!.message).toContain(
      'goes live in 31 days (25 June 2020) and 14 of 16 acceptance criteria are not recorded as met (14 are not yet assessed: OP3–OP9 (Operations Group), T1–T6 (TAG), S1 (SSC))',
    );
  });

  it('counts a review dated after as-of as not yet done', async () => {
    const [f] = await run(goNoGo, withScope(june(allMet), { dcc: true }), '2020-05-26');
    expect(f!.message).toContain('16 of 16');
  });

  it('is an error once go-live has passed with criteria not met', async () => {
    const [f] = await run(goNoGo, withScope(june('  set: standard\n'), { dcc: true }), '2020-06-26');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toContain('went live on 25 June 2020 with 16 of 16 acceptance criteria not recorded as met');
  });

  it('tells a criterion judged not met, and who said so, from one not yet assessed', async () => {
    const said = 'met: false, reviewedBy: SSC, date: 2020-05-20';
    const files = june(`  criteria:\n  - { id: S1, ${said} }\n  - { id: T1, met: false }\n`);
    const findings = await run(goNoGo, withScope(files, { dcc: true }), '2020-05-25');
    expect(findings[0]!.message).toContain(
      '16 of 16 acceptance criteria are not recorded as met (2 are not met: T1 (by whom is not recorded; TAG reviews it), S1 (SSC, 20 May 2020); ' +
        '14 are not yet assessed: OP1–OP9 (Operations Group), T2–T6 (TAG))',
    );
    expect(findings[1]).toMatchObject({
      severity: 'info',
      message: 'Criterion T1 is recorded as not met but does not say who said so: add reviewedBy (TAG) and the date',
    });
  });

  it('judges a System Release holding only documentation changes by the criteria that apply: no DCC testing or security', async () => {
    const [f] = await run(goNoGo, withScope(june('  set: standard\n')), '2020-06-26');
    expect(f!.message).toContain('with 9 of 9 acceptance criteria not recorded as met (9 are not yet assessed: OP1–OP9 (Operations Group))');
  });

  it('notes a met criterion that does not say who reviewed it', async () => {
    const files = june(`  criteria:\n${criterion('OP1', 'evidence: report')}`);
    const findings = await run(goNoGo, withScope(files, { dcc: true }), '2020-01-17');
    expect(findings).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('add reviewedBy (Operations Group)') })]);
  });
});

describe('compressIds', () => {
  it.each([
    [['OP1', 'OP2', 'OP3'], 'OP1–OP3'],
    [['OP1', 'OP2', 'OP4'], 'OP1, OP2, OP4'],
    [['OP3', 'OP4', 'OP5', 'OP7', 'T1', 'S1'], 'OP3–OP5, OP7, T1, S1'],
    [['X'], 'X'],
  ])('%j → %s', (ids, text) => expect(compressIds(ids)).toBe(text));
});
