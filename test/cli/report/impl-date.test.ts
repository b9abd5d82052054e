// The `secrel impl-date` reports, from the domain's answer in memory: the wording and verdicts on stdout,
// notes and missing answers on stderr, and the JSON for programs.
import { describe, expect, it } from 'vitest';
import { createHolidayCalendar } from '../../../src/domain/holidays.js';
import { implementationDates, type ImplementationRequest } from '../../../src/domain/implementation-dates.js';
import { resolveConfig } from '../../../src/domain/config.js';
import { formatImplDateJson } from '../../../src/cli/report/impl-date-json.js';
import { formatImplDateText } from '../../../src/cli/report/impl-date-text.js';
import type { ImplDateRequest } from '../../../src/cli/impl-date-request.js';

const model = {
  config: { ...resolveConfig({}), holidays: createHolidayCalendar(), freezes: [{ from: '2020-12-21', to: '2021-01-04', reason: 'Christmas' }] },
  releases: [],
};
const ask = (leadTimeText: string, request: ImplementationRequest) => {
  const req: ImplDateRequest = { ...request, leadTimeText };
  return { req, result: implementationDates(model, request, '2019-01-01') };
};
const months = (extra: Partial<ImplementationRequest> = {}) =>
  ask('12m', { leadTime: { unit: 'months', amount: 12 }, systemImpact: true, release: '2020-06', ...extra });
const days = (extra: Partial<ImplementationRequest> = {}) => ask('20wd', { leadTime: { unit: 'working-days', amount: 20 }, systemImpact: false, ...extra });

describe('formatImplDateText', () => {
  it('gives the primary and fall-back lines, then the IMP-5 verdict of a late decision', () => {
    const { req, result } = months({ decision: '2019-11-06' });
    expect(formatImplDateText(req, result)).toEqual({
      stdout:
        '25 June 2020 (June 2020 SEC Release) if a decision to approve is received on or before 25 June 2019; or\n' +
        '5 November 2020 (November 2020 SEC Release) if a decision to approve is received after 25 June 2019, but on or before 5 November 2019.\n' +
        '\nIMP-5: a decision on 6 November 2019 is too late: the fall-back window closed on 5 November 2019. The modification has no valid implementation date until the Authority approves a new one.\n',
      stderr: '',
    });
  });

  it('says on stderr why there is no release, and prints nothing on stdout', () => {
    const { req, result } = months({ release: '2020-13' });
    expect(formatImplDateText(req, result)).toEqual({
      stdout: '',
      stderr: 'secrel: IMP-1: No release 2020-13 in the calendar; run `secrel calendar` to see the releases\n',
    });
  });

  it('gives a Working Days date, and CAL-6 when it falls in a freeze', () => {
    const { req, result } = days({ decision: '2020-12-01' });
    expect(formatImplDateText(req, result)).toEqual({
      stdout:
        '20 Working Days following decision\n\nImplementation date: Thursday 31 December 2020 (20 Working Days after the decision on 1 December 2020).\n' +
        '\nCAL-6: 31 December 2020 is inside the change freeze from 21 December 2020 to 4 January 2021 (Christmas); no implementation date may fall in a freeze.\n',
      stderr: '',
    });
  });

  it('says what would give a Working Days date when the start is not known', () => {
    const unknown = days();
    expect(formatImplDateText(unknown.req, unknown.result).stderr).toBe(
      'secrel: note: no date yet; for one, add --decision D (or, for Self-Governance, --self-governance --referral-end D)\n',
    );
    const { req, result } = days({ selfGovernance: {} });
    expect(formatImplDateText(req, result)).toEqual({
      stdout: '20 Working Days following decision\n',
      stderr: 'secrel: note: no date yet; for one, add --referral-end D (the end of the Self-Governance referral window)\n',
    });
  });
});

describe('formatImplDateJson', () => {
  it("gives the options, the decision's window and the problems", () => {
    const { req, result } = months({ decision: '2019-11-06' });
    const json = JSON.parse(formatImplDateJson(req, result));
    expect(json).toMatchObject({
      leadTime: '12m',
      form: 'months',
      systemImpact: true,
      primary: { release: '2020-06', decisionBy: '2019-06-25' },
      fallback: { release: '2020-11', decisionAfter: '2019-06-25' },
      decision: { date: '2019-11-06', window: 'none' },
    });
    expect(json.problems.map((p: { rule: string }) => p.rule)).toEqual(['IMP-5']);
  });

  it('lists CAL-6 among the problems of a Working Days date', () => {
    const { req, result } = days({ decision: '2020-12-01' });
    expect(JSON.parse(formatImplDateJson(req, result))).toMatchObject({
      form: 'working-days',
      date: '2020-12-31',
      start: { date: '2020-12-01', kind: 'decision' },
      problems: [{ rule: 'CAL-6', severity: 'error' }],
    });
  });
});
