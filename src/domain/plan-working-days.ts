// The plan's Working Days implementations (IMP-3): modifications that go live on a date of their own,
// counted from the decision, rather than with a release.
import { compare, diffDays, isValidIsoDate, type IsoDate } from './dates.js';
import type { RepoModel } from './repository.js';
import { scopeStatus } from './scope.js';
import { inRelease, workingDaysDate } from './working-days-date.js';

export interface PlanWorkingDays {
  id: string;
  title: string;
  status: string;
  /** "20 Working Days following decision". */
  sentence: string;
  /** The recorded implementation.date, else the computed one, once the decision (or referral window end) is known. */
  date?: IsoDate;
  days?: number;
  /** What the count starts from. */
  start?: { date: IsoDate; kind: 'decision' | 'referral-window-end' };
}

/** Working Days modifications not yet decided, or going live in the plan's window; not those in a release (they are in its scope). */
export function workingDaysItems(model: RepoModel, asOf: IsoDate, range: { from: IsoDate; to: IsoDate }): PlanWorkingDays[] {
  const out: PlanWorkingDays[] = [];
  for (const m of model.modifications) {
    const wd = workingDaysDate(m.data, model.config.holidays, asOf);
    const status = scopeStatus(m.data.status);
    if (!wd || !status || inRelease(m.data)) continue;
    const recorded = m.data.implementation?.date;
    const date = isValidIsoDate(recorded) ? recorded : wd.date;
    if (date && (compare(date, range.from) < 0 || compare(date, range.to) > 0)) continue;
    const item: PlanWorkingDays = { id: m.id, title: m.data.title, status: m.data.status ?? 'raised', sentence: wd.sentence };
    if (date) Object.assign(item, { date, days: diffDays(asOf, date) });
    if (wd.start) item.start = wd.start;
    out.push(item);
  }
  return out.sort((a, b) => (a.date && b.date ? compare(a.date, b.date) : a.date ? -1 : b.date ? 1 : 0) || (a.id < b.id ? -1 : 1));
}
