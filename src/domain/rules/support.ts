// Small helpers the rule families share: positioning a finding on a field that may be absent, wording dates.
import { diffDays, formatLong, formatWithWeekday, parseIsoDate, weekday, type IsoDate } from '../dates.js';
import type { HolidayCalendar } from '../holidays.js';
import { isWorkingDay, previousWorkingDay } from '../working-days.js';
import type { Finding, Severity } from '../findings.js';
import { findingAt, type Entity, type PathSegment } from '../repository.js';

/** The value at a path of plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/**
 * A finding about the field at `path`. When the field is absent (a date not yet recorded), it points at the
 * key of the nearest parent that exists, or at the file's `id`, so the user lands where the field belongs.
 * `where: 'key'` points at the key of a field that exists (a list or a map) rather than its first value.
 */
export function fieldFinding(
  entity: Entity<unknown>,
  path: readonly PathSegment[],
  rule: string,
  severity: Severity,
  message: string,
  extra: { release?: string; modification?: string; where?: 'key' | 'value' } = {},
): Finding {
  const { where, ...ids } = extra;
  if (valueAt(entity.data, path) !== undefined) return findingAt(entity, path, rule, severity, message, { ...ids, where: where ?? 'value' });
  for (let n = path.length - 1; n > 0; n--) {
    const parent = path.slice(0, n);
    if (valueAt(entity.data, parent) !== undefined) return findingAt(entity, parent, rule, severity, message, { ...ids, where: 'key' });
  }
  return findingAt(entity, ['id'], rule, severity, message, { ...ids, where: 'key' });
}

/** `implementation.release`, `parts[1].release`: a path as the user would write it in a message. */
export function dotted(path: readonly PathSegment[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** '25 June 2020'. */
export const long = formatLong;

/**
 * A due date as a deadline message words it: '25 June 2020' on a Working Day; on a weekend or a bank holiday
 * it says so and names the last Working Day before, when the work must in practice be done:
 * 'Sunday 7 February 2027 (the last Working Day before is Friday 5 February)'.
 */
export function dueOn(date: IsoDate, holidays: HolidayCalendar): string {
  if (isWorkingDay(date, holidays)) return long(date);
  const before = previousWorkingDay(date, holidays);
  const sameYear = parseIsoDate(before).year === parseIsoDate(date).year;
  const beforeText = sameYear ? formatWithWeekday(before).replace(/ \d{4}$/, '') : formatWithWeekday(before);
  const holiday = weekday(date) === 0 || weekday(date) === 6 ? undefined : holidays.holidayName(date);
  return `${formatWithWeekday(date)}${holiday ? `, ${holiday}` : ''} (the last Working Day before is ${beforeText})`;
}

/** 'in 12 days', 'today', '3 days ago': how far `date` is from `asOf`. */
export function relative(asOf: IsoDate, date: IsoDate): string {
  const days = diffDays(asOf, date);
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}
