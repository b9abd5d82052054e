// The RID as it stood on a day (RID-1): the version its history had reached and the latest baseline by then,
// for a plan of that day and for a notice issued then.
import { compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { BaselineCoverage, Release } from './model.js';

export interface PlanRid {
  /** The RID version as of the as-of date (from the history when it has one). */
  version?: string;
  lastBaseline?: { version: string; date: IsoDate; covers: BaselineCoverage };
}

/** The RID as it stood on `asOf`: the latest history entry and baseline dated on or before it. */
export function ridAsOf(data: Release, asOf: IsoDate): PlanRid {
  const rid: PlanRid = {};
  const known = (d: unknown) => isValidIsoDate(d) && compare(d, asOf) <= 0;
  const history = data.rid?.history ?? [];
  const past = history.filter((h) => known(h.date));
  if (history.length === 0 || past.length === history.length) {
    if (data.rid?.version !== undefined) rid.version = data.rid.version;
  } else if (past.length > 0) {
    rid.version = past[past.length - 1]!.version;
  }
  const baselines = (data.rid?.baselines ?? []).filter((b) => known(b.date));
  const last = baselines.sort((a, b) => compare(a.date, b.date)).at(-1);
  if (last) rid.lastBaseline = { version: last.version, date: last.date, covers: last.covers };
  return rid;
}
