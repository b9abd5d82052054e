// TST-1: the TAD to the TAG 9 months and published 6 months before a System Release; the shared deadline judgement.
import { describe, expect, it } from 'vitest';
import { deadlineState } from '../../../src/domain/rules/deadline.js';
import { testApproachDocument } from '../../../src/domain/rules/testing.js';
import { positionOf, rel, run, withScope } from './repo.js';

const june = (tad = '') => ({ 'releases/2020-06.yaml': rel('2020-06', `type: system\n${tad}`) });

describe('deadlineState', () => {
  it.each([
    ['2019-09-25', '2019-09-20', '2020-01-17', 'done'],
    ['2019-09-25', '2019-09-25', '2020-01-17', 'done'],
    ['2019-09-25', '2019-09-26', '2020-01-17', 'late'],
    ['2019-09-25', undefined, '2019-09-26', 'overdue'],
    ['2019-09-25', undefined, '2019-09-25', 'due-soon'],
    ['2019-09-25', undefined, '2019-08-26', 'due-soon'],
    ['2019-09-25', undefined, '2019-08-25', 'not-due'],
    // Recorded after as-of: not known that day.
    ['2019-09-25', '2019-09-20', '2019-09-10', 'due-soon'],
    ['2019-09-25', '2019-10-01', '2019-09-30', 'overdue'],
  ] as const)('due %s, recorded %s, as of %s → %s', (due, recorded, asOf, state) => {
    expect(deadlineState(due, recorded, asOf).state).toBe(state);
  });
});

describe('TST-1 the TAD', () => {
  it('passes TAD dates recorded in time, and says nothing before a deadline is near', async () => {
    expect(await run(testApproachDocument, withScope(june('tad:\n  toTag: 2019-09-20\n  published: 2019-12-20\n')), '2020-01-17')).toEqual([]);
    expect(await run(testApproachDocument, withScope(june()), '2019-08-25')).toEqual([]);
  });

  it('is an error at the recorded date when it is late', async () => {
    const files = june('tad:\n  toTag: 2019-10-01\n  published: 2019-12-20\n');
    const [f, ...rest] = await run(testApproachDocument, withScope(files), '2020-01-17');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'TST-1', severity: 'error', release: '2020-06', ...positionOf(files['releases/2020-06.yaml'], '2019-10-01') });
    expect(f!.message).toContain('is recorded on 1 October 2019, after it was due on 25 September 2019');
    expect(f!.message).toMatch(/report the breach to the Panel, then record the day you did \(`lateReported: \{ tad\.toTag: YYYY-MM-DD \}`\)$/);
  });

  it('is an info, nothing to do, once the breach is recorded as reported to the Panel (lateReported), so check can pass again', async () => {
    const files = june('tad:\n  toTag: 2019-10-01\n  published: 2019-12-20\nlateReported:\n  tad.toTag: 2019-10-10\n');
    const [f, ...rest] = await run(testApproachDocument, withScope(files), '2020-01-17');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'TST-1', severity: 'info', ...positionOf(files['releases/2020-06.yaml'], '2019-10-01') });
    expect(f!.message).toMatch(
      /after it was due on 25 September 2019; the breach was reported to the Panel on 10 October 2019 \(lateReported\): nothing to do$/,
    );
  });

  it('is an error when a deadline has passed with nothing recorded, pointing where the date belongs', async () => {
    const files = june('tad:\n  notes: pending\n');
    const findings = await run(testApproachDocument, withScope(files), '2020-01-17');
    expect(findings.map((f) => [f.severity, f.line, f.column])).toEqual([
      ['error', 3, 1],
      ['error', 3, 1],
    ]);
    expect(findings.map((f) => f.message).join('\n')).toContain('was due on 25 September 2019 and is not recorded: record its date in tad.toTag');
  });

  it('warns within 30 days of a deadline not yet met', async () => {
    const [f, ...rest] = await run(testApproachDocument, withScope(june()), '2019-09-01');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', line: 1, column: 1 });
    expect(f!.message).toContain('is due on 25 September 2019, in 24 days');
  });

  it('does not apply to a Documentation Release', async () => {
    expect(await run(testApproachDocument, withScope({ 'releases/2021-02.yaml': rel('2021-02') }), '2021-01-01')).toEqual([]);
  });
});
