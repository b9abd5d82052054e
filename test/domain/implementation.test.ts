// Implementation dates (IMP-1..5): the Policy's wording exactly, eligibility, windows and Working Days.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compare } from '../../src/domain/dates.js';
import { listReleases } from '../../src/domain/calendar.js';
import { createHolidayCalendar } from '../../src/domain/holidays.js';
import { decisionByDate, implementationOptions, parseLeadTime, workingDaysSentence } from '../../src/domain/implementation.js';
import { decisionWindow, noValidDate } from '../../src/domain/decision-window.js';
import { implementationDates } from '../../src/domain/implementation-dates.js';
import { resolveConfig } from '../../src/domain/config.js';
import type { ImplementationResult, MonthsImplementation, WorkingDaysImplementation } from '../../src/domain/implementation.js';
import { isoDateArb } from './arbitraries.js';

const holidays = createHolidayCalendar();
const { releases } = listReleases({
  from: '2019-01-01',
  to: '2026-12-31',
  files: [
    { id: '2020-11', date: '2020-11-29', dateReason: 'Panel decision' },
    { id: '2021-11', status: 'cancelled' },
    { id: '2022-07-mp200', adhoc: true, type: 'system', date: '2022-07-18' },
  ],
});

function months(result: ImplementationResult): MonthsImplementation {
  if (result.form !== 'months') throw new Error('expected the months form');
  return result;
}
function workingDays(result: ImplementationResult): WorkingDaysImplementation {
  if (result.form !== 'working-days') throw new Error('expected the Working Days form');
  return result;
}

describe('IMP-2 wording', () => {
  const plain = listReleases({ from: '2019-01-01', to: '2021-12-31' }).releases;

  it.each([true, false])('matches the Policy example exactly (systemImpact %s)', (systemImpact) => {
    const result = months(implementationOptions({ leadTime: '12m', systemImpact, decision: '2019-05-01', releases: plain, holidays }));
    expect(result.lines).toEqual([
      '25 June 2020 (June 2020 SEC Release) if a decision to approve is received on or before 25 June 2019; or',
      '5 November 2020 (November 2020 SEC Release) if a decision to approve is received after 25 June 2019, but on or before 5 November 2019.',
    ]);
    expect(result.problems).toEqual([]);
    expect(result.primary).toMatchObject({ date: '2020-06-25', decisionBy: '2019-06-25' });
    expect(result.fallback).toMatchObject({ date: '2020-11-05', decisionBy: '2019-11-05', decisionAfter: '2019-06-25' });
  });

  it('takes a decision on the decision-by date itself', () => {
    const result = months(implementationOptions({ leadTime: '12m', systemImpact: true, decision: '2019-06-25', releases: plain, holidays }));
    expect(result.primary?.release.id).toBe('2020-06');
    const dayAfter = months(implementationOptions({ leadTime: '12m', systemImpact: true, decision: '2019-06-26', releases: plain, holidays }));
    expect(dayAfter.primary?.release.id).toBe('2020-11');
  });
});

describe('IMP-1 and IMP-4: choosing releases', () => {
  it('lets a documentation-only change use the February Documentation Release', () => {
    const result = months(implementationOptions({ leadTime: '6m', systemImpact: false, decision: '2019-08-01', releases, holidays }));
    expect(result.lines).toEqual([
      '27 February 2020 (February 2020 SEC Release) if a decision to approve is received on or before 27 August 2019; or',
      '25 June 2020 (June 2020 SEC Release) if a decision to approve is received after 27 August 2019, but on or before 25 December 2019.',
    ]);
  });

  it('uses a moved date, skips a cancelled release and counts an ad-hoc System Release', () => {
    const moved = months(implementationOptions({ leadTime: '12m', systemImpact: true, decision: '2019-07-01', releases, holidays }));
    expect(moved.primary).toMatchObject({ date: '2020-11-29', decisionBy: '2019-11-29' });
    const skip = months(implementationOptions({ leadTime: '12m', systemImpact: true, decision: '2020-07-01', releases, holidays }));
    expect(skip.primary?.release.id).toBe('2022-06');
    const adhoc = months(implementationOptions({ leadTime: '6m', systemImpact: true, decision: '2022-01-10', releases, holidays }));
    expect(adhoc.lines[0]).toBe('18 July 2022 (July 2022 SEC Release) if a decision to approve is received on or before 18 January 2022; or');
    expect(adhoc.fallback?.release.id).toBe('2022-11');
  });

  it('honours a named release and rejects one that does not fit', () => {
    const named = months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2021-06', releases, holidays }));
    expect(named.primary?.release.id).toBe('2021-06');
    expect(named.fallback?.release.id).toBe('2022-06');
    const doc = months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2021-02', releases, holidays }));
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'release-not-eligible', rule: 'IMP-4', severity: 'error' })]);
    expect(doc.lines).toEqual([]);
    const missing = months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2040-06', releases, holidays }));
    expect(missing.problems[0]?.code).toBe('release-not-found');
  });

  it('reports an exhausted calendar and a missing fall-back', () => {
    const none = months(implementationOptions({ leadTime: '12m', systemImpact: true, decision: '2026-01-01', releases, holidays }));
    expect(none.problems[0]).toMatchObject({ code: 'no-eligible-release', severity: 'error' });
    const last = months(implementationOptions({ leadTime: '12m', systemImpact: true, decision: '2025-07-01', releases, holidays }));
    expect(last.lines).toEqual(['5 November 2026 (November 2026 SEC Release) if a decision to approve is received on or before 5 November 2025.']);
    expect(last.problems).toEqual([expect.objectContaining({ code: 'no-fallback', severity: 'info' })]);
  });

  it('uses as-of when there is no decision date', () => {
    const result = months(implementationOptions({ leadTime: '12m', systemImpact: true, asOf: '2019-06-26', releases, holidays }));
    expect(result.primary?.release.id).toBe('2020-11');
  });

  it('rejects a malformed lead time', () => {
    expect(implementationOptions({ leadTime: 'a year', systemImpact: true, releases, holidays }).problems[0]?.code).toBe('bad-lead-time');
    expect(parseLeadTime('12m')).toEqual({ unit: 'months', amount: 12 });
    expect(parseLeadTime('20wd')).toEqual({ unit: 'working-days', amount: 20 });
  });
});

describe('IMP-5: decision windows', () => {
  it('classifies a decision against the primary and fall-back', () => {
    const primary = { decisionBy: '2019-06-25' };
    const fallback = { decisionBy: '2019-11-05' };
    expect(decisionWindow('2019-06-25', primary, fallback).window).toBe('primary');
    expect(decisionWindow('2019-06-26', primary, fallback)).toEqual({ window: 'fallback', option: fallback });
    expect(decisionWindow('2019-11-05', primary, fallback).window).toBe('fallback');
    expect(decisionWindow('2019-11-06', primary, fallback).window).toBe('none');
    expect(decisionWindow('2019-06-26', primary).window).toBe('none');
  });

  it('flags a named release whose windows have closed', () => {
    const late = months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2020-06', decision: '2019-12-01', releases, holidays }));
    expect(late.problems).toEqual([expect.objectContaining({ code: 'decision-after-window', rule: 'IMP-5', severity: 'error' })]);
    const fallback = months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2020-06', decision: '2019-07-01', releases, holidays }));
    expect(fallback.problems).toEqual([expect.objectContaining({ code: 'decision-in-fallback-window', severity: 'warning' })]);
  });
});

describe('IMP-3: Working Days', () => {
  it('counts from the decision', () => {
    const result = workingDays(implementationOptions({ leadTime: '20wd', systemImpact: false, decision: '2020-04-08', releases, holidays }));
    expect(result).toMatchObject({ sentence: '20 Working Days following decision', date: '2020-05-11', start: { date: '2020-04-08', kind: 'decision' } });
    expect(result.lines).toEqual(['20 Working Days following decision']);
  });

  it('counts from the end of the Self-Governance referral window', () => {
    const result = workingDays(
      implementationOptions({
        leadTime: '10wd',
        systemImpact: false,
        decision: '2022-05-20',
        selfGovernance: { referralWindowEnd: '2022-05-27' },
        releases,
        holidays,
      }),
    );
    // 27 May 2022 + 10 Working Days skips the Platinum Jubilee (2 and 3 June).
    expect(result.date).toBe('2022-06-14');
    expect(result.start?.kind).toBe('referral-window-end');
  });

  it('has only the sentence until the decision is known', () => {
    const result = workingDays(implementationOptions({ leadTime: '20wd', systemImpact: false, releases, holidays }));
    expect(result.date).toBeUndefined();
    expect(result.problems[0]?.code).toBe('no-start-date');
    expect(workingDaysSentence(1)).toBe('1 Working Day following decision');
  });
});

describe('CAL-6: a Working Days date inside a change freeze', () => {
  const freezes = [{ from: '2020-12-21', to: '2021-01-04', reason: 'Christmas.' }];

  it('is no valid implementation date: an error the answer carries', () => {
    const result = workingDays(implementationOptions({ leadTime: '20wd', systemImpact: false, decision: '2020-12-01', releases, holidays, freezes }));
    expect(result.date).toBe('2020-12-31');
    expect(result.problems).toEqual([
      {
        code: 'date-in-freeze',
        rule: 'CAL-6',
        severity: 'error',
        message:
          '31 December 2020 is inside the change freeze from 21 December 2020 to 4 January 2021 (Christmas); no implementation date may fall in a freeze',
      },
    ]);
    expect(noValidDate(result)).toBe(true);
  });

  it('leaves a date outside every freeze alone', () => {
    const result = implementationOptions({ leadTime: '20wd', systemImpact: false, decision: '2020-11-01', releases, holidays, freezes });
    expect(result.problems).toEqual([]);
    expect(noValidDate(result)).toBe(false);
  });
});

describe('IMP-5 verdict on the answer', () => {
  it('says which window the decision falls in, or that it is too late', () => {
    const fallback = months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2020-06', decision: '2019-07-01', releases, holidays }));
    expect(fallback.verdict).toEqual({
      window: 'fallback',
      line: 'A decision on 1 July 2019 falls in the fall-back window: implementation on 29 November 2020 (November 2020 SEC Release).',
    });
    expect(noValidDate(fallback)).toBe(false);
    const late = months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2020-06', decision: '2019-12-01', releases, holidays }));
    expect(late.verdict?.window).toBe('none');
    expect(late.verdict?.line).toMatch(/^IMP-5: a decision on 1 December 2019 is too late: the fall-back window closed on 29 November 2019\./);
    expect(noValidDate(late)).toBe(true);
    expect(months(implementationOptions({ leadTime: '12m', systemImpact: true, release: '2020-06', releases, holidays })).verdict).toBeUndefined();
  });
});

describe("implementationDates: against a repository's releases and freezes", () => {
  const model = { config: { ...resolveConfig({}), freezes: [{ from: '2020-12-21', to: '2021-01-04' }] }, releases: [] };

  it('lists the releases from the named release, far enough for a fall-back', () => {
    const r = months(implementationDates(model, { leadTime: { unit: 'months', amount: 12 }, systemImpact: true, release: '2020-06' }, '2019-01-01'));
    expect([r.primary?.release.id, r.fallback?.release.id]).toEqual(['2020-06', '2020-11']);
  });

  it("checks a Working Days date against the config's freezes", () => {
    const r = implementationDates(model, { leadTime: { unit: 'working-days', amount: 20 }, systemImpact: false, decision: '2020-12-01' }, '2020-01-01');
    expect(r.problems.map((p) => p.rule)).toEqual(['CAL-6']);
  });
});

describe('properties', () => {
  const wide = listReleases({ from: '1990-01-01', to: '2100-12-31' }).releases;

  it('the decision-by date is never after go-live', () => {
    fc.assert(fc.property(isoDateArb(1990, 2100), fc.integer({ min: 0, max: 36 }), (goLive, n) => compare(decisionByDate(goLive, n), goLive) <= 0));
  });

  it('the primary takes the decision and the fall-back window follows it', () => {
    fc.assert(
      fc.property(isoDateArb(1990, 2090), fc.constantFrom('3m', '6m', '12m', '18m'), fc.boolean(), (decision, leadTime, systemImpact) => {
        const r = months(implementationOptions({ leadTime, systemImpact, decision, releases: wide, holidays }));
        if (!r.primary || !r.fallback) return false;
        return (
          compare(r.primary.decisionBy, decision) >= 0 &&
          compare(r.primary.decisionBy, r.primary.date) <= 0 &&
          compare(r.fallback.decisionBy, r.primary.decisionBy) > 0 &&
          compare(r.fallback.date, r.primary.date) > 0 &&
          decisionWindow(decision, r.primary, r.fallback).window === 'primary' &&
          r.problems.length === 0
        );
      }),
    );
  });
});
