// IMP-4 for the recorded fall-back (IMP-1's fall-back is the next *eligible* release): one the modification may
// not go into is an error at implementation.fallback, and no hint (IMP-1, IMP-5) sends the modification there.
import { describe, expect, it } from 'vitest';
import { passedDecisionBy } from '../../../src/domain/rules/decision-by.js';
import { decisionAfterWindow } from '../../../src/domain/rules/implementation.js';
import { RULES } from '../../../src/domain/rules/index.js';
import { mod, positionOf, run, yaml } from './repo.js';

/** The rule as `check` runs it. */
const eligibleFallback = RULES.find((r) => r.id === 'IMP-4')!;

/** A modification targeted at the June 2020 SEC Release with a 12-month lead time (decision by 25 June 2019). */
const targeted = (impact: string, fallback: string, status = 'development') =>
  mod(
    'MP1',
    yaml`
  status: ${status}
  systemImpact: ${impact}
  leadTime: 12m
  decision:
    expected: 2019-06-01
  implementation:
    release: 2020-06
    fallback: ${fallback}
    addedToScope: 2019-01-10
`,
  );

const approved = (fallback: string) =>
  mod(
    'MP1',
    yaml`
  status: approved
  systemImpact: dcc
  leadTime: 12m
  decision:
    date: 2019-08-01
  implementation:
    release: 2020-06
    fallback: ${fallback}
`,
  );

describe('IMP-4 the recorded fall-back is a release that may hold the modification', () => {
  it('is an error at implementation.fallback when a DCC-impacting modification names a Documentation Release, naming the next System Release', async () => {
    const text = targeted('dcc', '2021-02');
    const findings = await run(eligibleFallback, { 'modifications/MP1.yaml': text }, '2019-05-01');
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'IMP-4',
        severity: 'error',
        file: 'modifications/MP1.yaml',
        modification: 'MP1',
        release: '2020-06',
        ...positionOf(text, '2021-02'),
      }),
    ]);
    expect(findings[0]!.message).toBe(
      'MP1 impacts DCC Systems, but its fall-back, the February 2021 SEC Release (2021-02), is a Documentation Release, which holds no ' +
        'DCC-System-impacting modification, and the fall-back is the next release after the June 2020 SEC Release that may hold it (IMP-1): ' +
        'set implementation.fallback to 2020-11 (the November 2020 SEC Release)',
    );
  });

  it('passes a Documentation Release fall-back for a documentation-only or User Systems only modification (Policy section 3)', async () => {
    for (const impact of ['none', 'false', 'user']) {
      expect(await run(eligibleFallback, { 'modifications/MP1.yaml': targeted(impact, '2021-02') }, '2019-05-01')).toEqual([]);
    }
  });

  it('passes an eligible System Release fall-back, and a modification rejected or implemented', async () => {
    expect(await run(eligibleFallback, { 'modifications/MP1.yaml': targeted('dcc', '2020-11') }, '2019-05-01')).toEqual([]);
    expect(await run(eligibleFallback, { 'modifications/MP1.yaml': targeted('dcc', '2021-02', 'rejected') }, '2019-05-01')).toEqual([]);
    expect(await run(eligibleFallback, { 'modifications/MP1.yaml': targeted('dcc', '2021-02', 'implemented') }, '2020-07-01')).toEqual([]);
  });

  it('is an error for a cancelled fall-back, whatever the impact, naming the next release after the primary', async () => {
    const files = { 'modifications/MP1.yaml': targeted('none', '2020-11'), 'releases/2020-11.yaml': 'id: 2020-11\nstatus: cancelled\n' };
    const [f, ...rest] = await run(eligibleFallback, files, '2019-05-01');
    expect(rest).toEqual([]);
    expect(f!.message).toBe(
      "MP1's fall-back, the November 2020 SEC Release (2020-11), is cancelled, and the fall-back is the next release after the June 2020 SEC Release " +
        'that may hold it (IMP-1): set implementation.fallback to 2021-02 (the February 2021 SEC Release)',
    );
  });
});

describe('the IMP-1 hint moves a modification only to a fall-back that may hold it', () => {
  it('passes over a Documentation Release fall-back of a DCC-impacting modification, saying why, and names the next System Release', async () => {
    const [f] = await run(passedDecisionBy, { 'modifications/MP1.yaml': targeted('dcc', '2021-02') }, '2019-07-01');
    expect(f).toMatchObject({ rule: 'IMP-1', severity: 'error' });
    expect(f!.message).toContain(
      'its recorded fall-back, the February 2021 SEC Release (2021-02), is a Documentation Release, which holds no DCC-System-impacting modification; ' +
        'the next release that may hold it and is still open is the November 2020 SEC Release (2020-11), decision by 5 November 2019: set implementation.release to 2020-11',
    );
    expect(f!.message).not.toContain('set implementation.release to 2021-02');
  });

  it('still names the recorded fall-back when it may hold the modification', async () => {
    const [dcc] = await run(passedDecisionBy, { 'modifications/MP1.yaml': targeted('dcc', '2020-11') }, '2019-07-01');
    expect(dcc!.message).toContain(
      'its fall-back is the November 2020 SEC Release (2020-11), decision by 5 November 2019: set implementation.release to 2020-11',
    );
    const [docs] = await run(passedDecisionBy, { 'modifications/MP1.yaml': targeted('none', '2021-02') }, '2019-07-01');
    expect(docs!.message).toContain(
      'its fall-back is the February 2021 SEC Release (2021-02), decision by 25 February 2020: set implementation.release to 2021-02',
    );
  });
});

describe('the IMP-5 hint moves an approved modification only to a fall-back that may hold it', () => {
  it('applies the next System Release, not a Documentation Release the file names, and says why', async () => {
    const [f] = await run(decisionAfterWindow, { 'modifications/MP1.yaml': approved('2021-02') }, '2020-01-17');
    expect(f).toMatchObject({ rule: 'IMP-5', severity: 'warning' });
    expect(f!.message).toContain(
      'so the fall-back applies; its recorded fall-back, the February 2021 SEC Release (2021-02), is a Documentation Release, which holds no ' +
        'DCC-System-impacting modification, so the fall-back is the next release that may hold it: set implementation.release to 2020-11 (5 November 2020, November 2020 SEC Release)',
    );
  });

  it('applies the recorded fall-back when it may hold the modification', async () => {
    const [f] = await run(decisionAfterWindow, { 'modifications/MP1.yaml': approved('2021-06') }, '2020-01-17');
    expect(f!.message).toContain('so the fall-back applies: set implementation.release to 2021-06 (24 June 2021, June 2021 SEC Release)');
  });
});
