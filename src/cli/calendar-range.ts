// `secrel calendar [RANGE]`: the range of go-live dates asked for, checked as commander parses it; without
// one, the --as-of year and the next.
import { isValidIsoDate, makeIsoDate, parseIsoDate, type IsoDate } from '../domain/dates.js';
import { UsageError } from '../repo/errors.js';

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9998; // milestones run 3 months past go-live, and dates stop at 9999

function rangeEnd(text: string, end: 'from' | 'to', arg: string): IsoDate {
  const hint = 'write YEAR (2020) or FROM..TO with years or dates: 2019..2030, 2020-01-01..2021-06-30';
  let date: IsoDate | undefined;
  if (/^\d{4}$/.test(text)) date = end === 'from' ? `${text}-01-01` : `${text}-12-31`;
  else if (isValidIsoDate(text)) date = text;
  if (date === undefined) {
    throw new UsageError(text === arg ? `"${arg}" is not a year or a date range` : `"${text}" (in ${arg}) is not a year or a calendar date`, hint);
  }
  const { year } = parseIsoDate(date);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new UsageError(`"${arg}" is outside the years ${MIN_YEAR} to ${MAX_YEAR}`, hint);
  return date;
}

/** Commander's parser of the range: `2020` → that calendar year; `2019..2030` or `2020-01-01..2021-06-30` → inclusive range. */
export function calendarRange(arg: string): DateRange {
  const parts = arg.split('..');
  if (parts.length > 2) throw new UsageError(`"${arg}" has more than one ".."`, 'write FROM..TO, e.g. 2019..2030');
  const from = rangeEnd(parts[0]!.trim(), 'from', arg);
  const to = rangeEnd((parts[1] ?? parts[0]!).trim(), 'to', arg);
  if (from > to) throw new UsageError(`"${arg}" ends before it starts`, `put the earlier end first: ${parts[1] ?? ''}..${parts[0]}`);
  return { from, to };
}

/** No range given: the year of `asOf` and the next. */
export function yearAndNext(asOf: IsoDate): DateRange {
  const { year } = parseIsoDate(asOf);
  return { from: makeIsoDate(year, 1, 1), to: makeIsoDate(Math.min(year + 1, MAX_YEAR), 12, 31) };
}
