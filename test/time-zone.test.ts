// The TZ matrix of `.ci/run` really reaches the tests: under TZ=X, Node's local time is X's.
import { expect, it } from 'vitest';

it('runs in the time zone TZ names', () => {
  const tz = process.env.TZ;
  if (!tz) return;
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
  // Kiritimati is UTC+14 all year: local midnight is 10:00 the previous day in UTC.
  if (tz === 'Pacific/Kiritimati') expect(new Date(2020, 0, 1).toISOString()).toBe('2019-12-31T10:00:00.000Z');
});
