// The release calendar: the cycle's scheduled dates merged with release files that move, add or cancel releases.
import { isWithin, parseIsoDate } from './dates.js';
import type { IsoDate } from './dates.js';
import type { Release } from './model.js';
import { cycleEntryForMonth, parseReleaseId, scheduledDate, toReleaseCycle } from './cycle.js';
import type { CycleOption, ReleaseType } from './cycle.js';
import { fromCycle, planFile } from './release-placement.js';

/** One implementation-timetable line of a release file: a fixed date or an offset from another event. */
export type TimelineEntry = Pick<NonNullable<Release['timeline']>[number], 'id' | 'event' | 'date' | 'offset' | 'from'>;

/** The part of a release file the calendar needs (structural: the loaded model has more). */
export type ReleaseInput = Pick<Release, 'id' | 'date' | 'dateReason' | 'type' | 'version' | 'adhoc' | 'status' | 'agreed'> & {
  previousDates?: readonly IsoDate[];
  timeline?: readonly TimelineEntry[];
};

export interface PlannedRelease {
  id: string;
  /** "June 2020 SEC Release", from the go-live date (CAL-4). */
  name: string;
  date: IsoDate;
  /** 'Thursday'. */
  weekday: string;
  /** The rule set the release follows, from its kind. */
  type: ReleaseType;
  /** The code's kind of release (`system`; the BSC's `standard`) and its name ("Standard Release"). */
  kind: string;
  kindName: string;
  adhoc: boolean;
  /** The day the Panel agreed to create it (an ad-hoc release's file records it): before then it was no one's option. */
  agreed?: IsoDate;
  /** The file sets a date other than the cycle's (CAL-2). */
  moved: boolean;
  /** The cycle's date, for a release the cycle schedules. */
  scheduledDate?: IsoDate;
  /** How many times the go-live date has moved: the cycle's date and `previousDates`, less the date itself. */
  moves: number;
  dateReason?: string;
  cancelled?: boolean;
  /** The cycle schedules this release (its ID is `YYYY-MM` for a month in the cycle). */
  scheduled: boolean;
  /** Neither scheduled nor ad-hoc: a file the cycle does not know and that is not marked `adhoc`. */
  offCycle: boolean;
  /** A release file exists for it (false: it exists only because the cycle schedules it). */
  hasFile: boolean;
  status?: string;
}

export type CalendarProblemCode = 'bad-id' | 'bad-date' | 'missing-date' | 'missing-type' | 'duplicate-id' | 'off-cycle' | 'month-mismatch';

export interface CalendarProblem {
  code: CalendarProblemCode;
  rule: 'CAL-1' | 'CAL-2' | 'CAL-3' | 'CAL-4';
  severity: 'error' | 'warning';
  releaseId: string;
  message: string;
}

export interface ListReleasesOptions {
  cycle?: CycleOption;
  files?: readonly ReleaseInput[];
  /** Inclusive bounds on the go-live date. */
  from: IsoDate;
  to: IsoDate;
}

export interface ReleaseListing {
  releases: PlannedRelease[];
  /** Files that could not be placed (no usable date) or that the caller should report. */
  problems: CalendarProblem[];
}

function byDateThenId(a: PlannedRelease, b: PlannedRelease): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every release going live in [from, to]: the cycle's dates for each year in range, replaced by the
 * release file of the same ID where there is one, plus ad-hoc and off-cycle files. Sorted by date, then ID.
 */
export function listReleases(options: ListReleasesOptions): ReleaseListing {
  const cycle = toReleaseCycle(options.cycle);
  const { from, to } = options;
  const problems: CalendarProblem[] = [];
  const releases: PlannedRelease[] = [];
  const fileIds = new Set<string>();

  for (const file of options.files ?? []) {
    if (fileIds.has(file.id)) {
      problems.push({
        code: 'duplicate-id',
        rule: 'CAL-4',
        severity: 'error',
        releaseId: file.id,
        message: `Release ${file.id} is defined more than once; the first definition is used`,
      });
      continue;
    }
    fileIds.add(file.id);
    const planned = planFile(file, cycle);
    problems.push(...planned.problems);
    // A file's date decides whether it is in range, so a release moved into the range is listed.
    releases.push(...planned.releases.filter((r) => isWithin(r.date, from, to)));
  }

  const seenMonths = new Set<number>();
  for (let year = parseIsoDate(from).year; year <= parseIsoDate(to).year; year += 1) {
    seenMonths.clear();
    for (const entry of cycle.entries) {
      if (seenMonths.has(entry.month)) continue;
      seenMonths.add(entry.month);
      const id = `${String(year).padStart(4, '0')}-${String(entry.month).padStart(2, '0')}`;
      const date = scheduledDate(year, entry);
      if (!fileIds.has(id) && isWithin(date, from, to)) releases.push(fromCycle(id, date, entry, cycle));
    }
  }
  return { releases: releases.sort(byDateThenId), problems };
}

export interface FindReleaseOptions {
  cycle?: CycleOption;
  files?: readonly ReleaseInput[];
}

/**
 * The release with this ID: from its file when there is one, else from the cycle when the cycle
 * schedules it (so `2021-02` resolves with no file). Undefined when neither knows it.
 */
export function findRelease(id: string, options: FindReleaseOptions = {}): PlannedRelease | undefined {
  const cycle = toReleaseCycle(options.cycle);
  const file = options.files?.find((f) => f.id === id);
  if (file) return planFile(file, cycle).releases[0];
  const parsed = parseReleaseId(id);
  if (!parsed || parsed.suffix !== undefined) return undefined;
  const entry = cycleEntryForMonth(cycle, parsed.month);
  return entry ? fromCycle(id, scheduledDate(parsed.year, entry), entry, cycle) : undefined;
}

/**
 * `findRelease` for many lookups over the same files: each id is placed once, so asking for every
 * modification's release costs one pass over the files, not one per modification.
 */
export function releaseLookup(options: FindReleaseOptions = {}): (id: string) => PlannedRelease | undefined {
  const first = new Map<string, ReleaseInput>();
  for (const f of options.files ?? []) if (!first.has(f.id)) first.set(f.id, f);
  const found = new Map<string, PlannedRelease | undefined>();
  return (id) => {
    if (!found.has(id)) {
      const file = first.get(id);
      found.set(id, findRelease(id, { ...(options.cycle ? { cycle: options.cycle } : {}), files: file ? [file] : [] }));
    }
    return found.get(id);
  };
}
