// "Today" defaults to the date in the UK, across the summer-time changes, whatever the machine's TZ.
import { describe, expect, it } from 'vitest';
import { londonToday } from '../src/cli/london-today.js';

describe('londonToday', () => {
  it.each([
    ['2020-06-24T23:30:00Z', '2020-06-25'], // BST: 00:30 in London
    ['2020-01-17T23:30:00Z', '2020-01-17'], // GMT
    ['2020-03-29T00:59:00Z', '2020-03-29'], // just before the clocks go forward
    ['2020-03-28T23:30:00Z', '2020-03-28'],
    ['2020-10-24T23:30:00Z', '2020-10-25'], // still BST: 00:30 on the 25th
    ['2020-10-25T23:30:00Z', '2020-10-25'], // GMT again
    ['2021-12-31T23:59:59Z', '2021-12-31'],
  ])('%s is %s in London', (iso, want) => {
    expect(londonToday(new Date(iso))).toBe(want);
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(iso))).toBe(want);
  });
});
