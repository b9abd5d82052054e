// Release milestones: the Policy's dates for June 2020 and the resolution of a release's own timetable.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compare } from '../../src/domain/dates.js';
import { createHolidayCalendar } from '../../src/domain/holidays.js';
import { builtInMilestones, eventSlug, parseOffset, releaseMilestones } from '../../src/domain/milestones.js';
import { isoDateArb } from './arbitraries.js';

const holidays = createHolidayCalendar();
const june2020 = { date: '2020-06-25', type: 'system' as const };

describe('builtInMilestones', () => {
  it('gives the June 2020 System Release its Policy dates', () => {
    expect(builtInMilestones(june2020).map((m) => [m.id, m.date, m.kind, m.rule ?? '-'])).toEqual([
      ['systems-cutoff', '2019-06-25', 'cutoff', 'SCP-1'],
      ['systems-baseline', '2019-06-25', 'cutoff', 'RID-1'],
      ['forecast-cost', '2019-06-25', 'cost', 'CST-3'],
      ['notice-12m', '2019-06-25', 'notice', 'COM-2'],
      ['tad-to-tag', '2019-09-25', 'testing', 'TST-1'],
      ['documentation-cutoff', '2019-12-25', 'cutoff', 'SCP-1'],
      ['full-baseline', '2019-12-25', 'cutoff', 'RID-1'],
      ['tad-published', '2019-12-25', 'testing', 'TST-1'],
      ['notice-6m', '2019-12-25', 'notice', 'COM-2'],
      ['notice-1m', '2020-05-25', 'notice', 'COM-3'],
      ['go-live-evidence', '2020-05-14', 'evidence', 'GL-2'],
      ['go-live', '2020-06-25', 'go-live', '-'],
      ['actual-cost-report', '2020-09-25', 'cost', 'CST-4'],
    ]);
  });

  it('labels read well', () => {
    const labels = Object.fromEntries(builtInMilestones(june2020).map((m) => [m.id, m.label]));
    expect(labels['systems-cutoff']).toBe('Systems scope cut-off');
    expect(labels['tad-to-tag']).toBe('TAD to TAG');
    expect(labels['notice-12m']).toBe('12-month notice');
    expect(labels['documentation-cutoff']).toBe('Documentation scope cut-off');
  });

  it('gives a Documentation Release only the documentation cut-off, its RID baseline, notices and go-live', () => {
    expect(builtInMilestones({ date: '2021-02-25', type: 'documentation' }).map((m) => `${m.id} ${m.date}`)).toEqual([
      'notice-12m 2020-02-25',
      'documentation-cutoff 2020-08-25',
      'full-baseline 2020-08-25',
      'notice-6m 2020-08-25',
      'notice-1m 2021-01-25',
      'go-live 2021-02-25',
    ]);
  });

  it('clamps at month end (go-live 31 August → cut-off 28/29 February)', () => {
    const ids = Object.fromEntries(builtInMilestones({ date: '2021-08-31', type: 'system' }).map((m) => [m.id, m.date]));
    expect(ids['documentation-cutoff']).toBe('2021-02-28');
    expect(ids['actual-cost-report']).toBe('2021-11-30');
  });
});

describe('releaseMilestones', () => {
  it('sorts the built-ins by date', () => {
    const { milestones, problems } = releaseMilestones({ release: june2020, holidays });
    expect(problems).toEqual([]);
    const dates = milestones.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    expect(milestones.findIndex((m) => m.id === 'go-live-evidence')).toBeLessThan(milestones.findIndex((m) => m.id === 'notice-1m'));
  });

  it('resolves a timetable in any order, by Working Days, days, weeks and months', () => {
    const { milestones, problems } = releaseMilestones({
      release: june2020,
      holidays,
      timeline: [
        { event: 'Test Participants inform DCC of their regression testing plans', offset: '-10wd', from: 'UIT commences' },
        { event: 'UIT commences', offset: '-3w', from: 'UIT window closes' },
        { event: 'UIT window closes', date: '2020-05-15' },
        { event: 'TAG reviews UIT Completion Report', offset: '5d', from: 'uit-window-closes' },
        { event: 'Lessons learnt', offset: '+3m', from: 'go-live' },
        { event: 'Panel go/no-go', offset: '-9wd' },
      ],
    });
    expect(problems).toEqual([]);
    const byId = Object.fromEntries(milestones.map((m) => [m.id, m]));
    expect(byId['uit-window-closes']?.date).toBe('2020-05-15');
    expect(byId['uit-commences']?.date).toBe('2020-04-24');
    // 10 Working Days before Friday 24 April 2020, over Easter Monday and Good Friday: Wednesday 8 April.
    expect(byId['test-participants-inform-dcc-of-their-regression-testing-plans']?.date).toBe('2020-04-08');
    expect(byId['tag-reviews-uit-completion-report']).toEqual({
      id: 'tag-reviews-uit-completion-report',
      label: 'TAG reviews UIT Completion Report',
      date: '2020-05-20',
      kind: 'event',
    });
    expect(byId['lessons-learnt']?.date).toBe('2020-09-25');
    expect(byId['panel-go-no-go']?.date).toBe('2020-06-12');
  });

  it('finds an entry with an id by its id or its event text, and lists the entries when neither fits', () => {
    const uit = { id: 'uit-start', event: 'UIT commences', date: '2028-01-10' };
    const { milestones, problems } = releaseMilestones({
      release: { date: '2028-06-29', type: 'system' },
      holidays,
      timeline: [
        uit,
        { event: 'UIT completes', offset: '+20wd', from: 'UIT commences' },
        { event: 'UIT report', offset: '+20wd', from: 'uit-start' },
        { event: 'Lessons', offset: '+1d', from: 'UIT commencing' },
      ],
    });
    const dates = Object.fromEntries(milestones.filter((m) => m.kind === 'event').map((m) => [m.id, m.date]));
    expect(dates).toEqual({ 'uit-start': '2028-01-10', 'uit-completes': '2028-02-07', 'uit-report': '2028-02-07' });
    expect(problems).toMatchObject([{ code: 'unknown-from', event: 'Lessons' }]);
    expect(problems[0]!.message).toMatch(
      /^Timeline event "Lessons" counts from "UIT commencing" \(did you mean "UIT commences"\?\), which is neither an event of this timeline \("UIT commences" \(id uit-start\), "UIT completes", "UIT report"\) nor a milestone \(systems-cutoff, .*, actual-cost-report\)$/,
    );
  });

  it('asks for the id when two entries with ids share the event text', () => {
    const { problems } = releaseMilestones({
      release: june2020,
      holidays,
      timeline: [
        { id: 'a', event: 'Review', date: '2020-03-02' },
        { id: 'b', event: 'Review', date: '2020-04-01' },
        { event: 'After', offset: '1d', from: 'Review' },
      ],
    });
    expect(problems.map((p) => p.message)).toEqual([
      'Timeline event "After" counts from "Review", which is the event of more than one entry (ids a, b): name the one it counts from by its id',
    ]);
  });

  it('reports unknown references, cycles and bad entries without throwing', () => {
    const { milestones, problems } = releaseMilestones({
      release: { date: '2021-02-25', type: 'documentation' },
      holidays,
      timeline: [
        { event: 'A', offset: '-1d', from: 'B' },
        { event: 'B', offset: '-1d', from: 'C' },
        { event: 'C', offset: '-1d', from: 'A' },
        { event: 'D', offset: '-1d', from: 'A' },
        { event: 'Self', offset: '1d', from: 'self' },
        { event: 'TAD', offset: '-1d', from: 'tad-to-tag' },
        { event: 'Odd', offset: 'soon', from: 'go-live' },
        { event: 'Nothing' },
        { event: 'Bad', date: '2021-02-30' },
        { event: 'Go-live', date: '2021-02-25' },
        { event: 'Fine', date: '2021-01-04' },
        { event: 'fine', date: '2021-01-05' },
      ],
    });
    expect(problems.map((p) => `${p.event}: ${p.code}`)).toEqual([
      'Go-live: duplicate-event',
      'fine: duplicate-event',
      'C: cycle',
      'D: unresolved-from',
      'Self: cycle',
      'TAD: unknown-from',
      'Odd: bad-offset',
      'Nothing: missing-date',
      'Bad: bad-date',
    ]);
    expect(problems.find((p) => p.event === 'C')?.message).toContain('a → b → c → a');
    expect(milestones.filter((m) => m.kind === 'event').map((m) => m.id)).toEqual(['fine']);
  });
});

describe('offsets', () => {
  it('parses', () => {
    expect(parseOffset('-10wd')).toEqual({ amount: -10, unit: 'wd' });
    expect(parseOffset('+3m')).toEqual({ amount: 3, unit: 'm' });
    expect(parseOffset('5d')).toEqual({ amount: 5, unit: 'd' });
    expect(parseOffset('-2w')).toEqual({ amount: -2, unit: 'w' });
    expect(parseOffset('ten days')).toBeUndefined();
    expect(parseOffset('-1.5m')).toBeUndefined();
  });
  it('slugs events', () => {
    expect(eventSlug('TAG reviews draft SEC Release TAD')).toBe('tag-reviews-draft-sec-release-tad');
    expect(eventSlug('  --  ')).toBe('event');
  });
});

describe('properties', () => {
  it('every cut-off, notice and evidence date is before go-live; only the cost report is after', () => {
    fc.assert(
      fc.property(isoDateArb(1990, 2100), fc.constantFrom('system' as const, 'documentation' as const), (date, type) =>
        builtInMilestones({ date, type }).every((m) => {
          const side = compare(m.date, date);
          return m.id === 'go-live' ? side === 0 : m.id === 'actual-cost-report' ? side > 0 : side < 0;
        }),
      ),
    );
  });
});
