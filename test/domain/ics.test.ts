// iCalendar export: RFC 5545 line endings, folding, escaping, all-day events and stable UIDs.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findRelease } from '../../src/domain/calendar.js';
import { createHolidayCalendar } from '../../src/domain/holidays.js';
import { escapeText, foldLine, milestoneUid, releasesToIcs, toIcs } from '../../src/domain/ics.js';
import { releaseMilestones } from '../../src/domain/milestones.js';
import type { PlannedRelease } from '../../src/domain/calendar.js';

const holidays = createHolidayCalendar();
const octets = (s: string): number => Buffer.byteLength(s, 'utf8');

function june2020(): PlannedRelease {
  const release = findRelease('2020-06');
  if (!release) throw new Error('June 2020 not scheduled');
  return release;
}

describe('toIcs', () => {
  const ics = releasesToIcs([{ release: june2020(), milestones: releaseMilestones({ release: june2020(), holidays }).milestones }]);

  it('writes a calendar of all-day events', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//secrel//secrel//EN\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(
      'UID:2020-06.go-live@secrel\r\nDTSTAMP:19700101T000000Z\r\nDTSTART;VALUE=DATE:20200625\r\nDTEND;VALUE=DATE:20200626\r\nSUMMARY:June 2020 SEC Release: Go-live\r\n',
    );
    expect(ics).toContain('UID:2020-06.systems-cutoff@secrel');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(13);
  });

  it('says when a Policy date falls on a bank holiday, and names the last Working Day before', () => {
    const june = june2020();
    const withHolidays = releasesToIcs([{ release: june, milestones: releaseMilestones({ release: june, holidays }).milestones }], { holidays });
    const unfolded = withHolidays.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:June 2020 SEC Release: 6-month notice\r\nDESCRIPTION:6-month notice (COM-2)\\, on Wednesday 25 December 2019\\, Christmas Day ' +
        '(the last Working Day before is Tuesday 24 December). June 2020 SEC Release goes live on Thursday 25 June 2020.\r\n',
    );
    // A working day gets no note: the 12-month notice, Tuesday 25 June 2019.
    expect(unfolded).toContain('DESCRIPTION:12-month notice (COM-2). June 2020 SEC Release goes live on Thursday 25 June 2020.\r\n');
  });

  it('uses only CRLF and keeps every line within 75 octets', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.split('\r\n').every((line) => octets(line) <= 75)).toBe(true);
  });

  it('is the same bytes every time, whatever order events come in', () => {
    const events = [
      { uid: 'b@secrel', date: '2020-06-25', summary: 'B' },
      { uid: 'a@secrel', date: '2020-06-25', summary: 'A' },
      { uid: 'c@secrel', date: '2019-06-25', summary: 'C' },
    ];
    expect(toIcs(events)).toBe(toIcs([...events].reverse()));
    expect(toIcs(events).indexOf('UID:c@secrel')).toBeLessThan(toIcs(events).indexOf('UID:a@secrel'));
  });

  it('crosses month and year ends for DTEND and takes a DTSTAMP from the data', () => {
    const out = toIcs([{ uid: 'x@secrel', date: '2020-12-31', summary: 'x' }], { dtstamp: '2020-06-25' });
    expect(out).toContain('DTEND;VALUE=DATE:20210101');
    expect(out).toContain('DTSTAMP:20200625T000000Z');
  });

  it('marks the events of a cancelled release', () => {
    const release = { ...june2020(), cancelled: true };
    expect(releasesToIcs([{ release, milestones: releaseMilestones({ release, holidays }).milestones }])).toContain('STATUS:CANCELLED');
  });

  it('makes UIDs from release and milestone IDs', () => {
    expect(milestoneUid('2022-07-mp200', 'go-live')).toBe('2022-07-mp200.go-live@secrel');
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('folds at 75 octets with a leading space', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(100)}`);
    const lines = folded.split('\r\n');
    expect(lines[0]).toHaveLength(75);
    expect(lines[1]?.startsWith(' ')).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'x'.repeat(100)}`);
  });

  it('never splits a UTF-8 character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}${'😀'.repeat(20)}`);
    for (const line of folded.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    }
  });

  it('property: any text round-trips, only CRLF line endings, no line over 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const out = toIcs([{ uid: 'p@secrel', date: '2020-06-25', summary: text, description: text }]);
        const lines = out.split('\r\n');
        const unfolded = out.replace(/\r\n /g, '');
        return !out.replace(/\r\n/g, '').match(/[\r\n]/) && lines.every((l) => octets(l) <= 75) && unfolded.includes(`SUMMARY:${escapeText(text)}\r\n`);
      }),
    );
  });
});
