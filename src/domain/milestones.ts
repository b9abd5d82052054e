// Per-release milestones: the Policy's cut-offs, TAD, notices, evidence and cost dates, plus the release's own timetable.
import { addDays, addMonths, addWeeks, formatLong, isValidIsoDate } from './dates.js';
import type { IsoDate } from './dates.js';
import type { ReleaseType } from './cycle.js';
import type { TimelineEntry } from './calendar.js';
import type { HolidayLookup } from './holidays.js';
import { closest } from './text.js';
import { addWorkingDays } from './working-days.js';

export type MilestoneKind = 'cutoff' | 'notice' | 'testing' | 'cost' | 'evidence' | 'go-live' | 'event' | 'dependency';
export type MilestoneRule = 'SCP-1' | 'RID-1' | 'TST-1' | 'COM-2' | 'COM-3' | 'CST-3' | 'CST-4' | 'GL-2' | 'DEP-1';

export interface Milestone {
  /** Stable within a release: a built-in ID (`systems-cutoff`) or the slug of a timeline event. */
  id: string;
  label: string;
  date: IsoDate;
  kind: MilestoneKind;
  rule?: MilestoneRule;
}

export type MilestoneProblemCode =
  'unknown-from' | 'unresolved-from' | 'cycle' | 'bad-offset' | 'bad-date' | 'missing-date' | 'duplicate-event' | 'out-of-window';

/**
 * A release's own events fall within this many years of its go-live (the 12-month notice and cut-offs come
 * a year or two before, cost reports after): an event further away is surely a wrong offset or year.
 */
export const TIMELINE_WINDOW_YEARS = 5;

export interface MilestoneProblem {
  code: MilestoneProblemCode;
  /** The timeline event the problem is about, as written. */
  event: string;
  message: string;
}

export interface ReleaseMilestones {
  milestones: Milestone[];
  problems: MilestoneProblem[];
}

interface BuiltIn {
  id: string;
  label: string;
  kind: MilestoneKind;
  rule?: MilestoneRule;
  months?: number;
  days?: number;
  systemOnly: boolean;
}

// In the order they are listed when two fall on the same day.
const BUILT_INS: readonly BuiltIn[] = [
  { id: 'systems-cutoff', label: 'Systems scope cut-off', kind: 'cutoff', rule: 'SCP-1', months: -12, systemOnly: true },
  { id: 'systems-baseline', label: 'RID baseline (systems scope)', kind: 'cutoff', rule: 'RID-1', months: -12, systemOnly: true },
  { id: 'forecast-cost', label: 'Forecast Release Cost due', kind: 'cost', rule: 'CST-3', months: -12, systemOnly: true },
  { id: 'notice-12m', label: '12-month notice', kind: 'notice', rule: 'COM-2', months: -12, systemOnly: false },
  { id: 'tad-to-tag', label: 'TAD to TAG', kind: 'testing', rule: 'TST-1', months: -9, systemOnly: true },
  { id: 'documentation-cutoff', label: 'Documentation scope cut-off', kind: 'cutoff', rule: 'SCP-1', months: -6, systemOnly: false },
  { id: 'full-baseline', label: 'RID baseline (full scope)', kind: 'cutoff', rule: 'RID-1', months: -6, systemOnly: false },
  { id: 'tad-published', label: 'TAD published', kind: 'testing', rule: 'TST-1', months: -6, systemOnly: true },
  { id: 'notice-6m', label: '6-month notice', kind: 'notice', rule: 'COM-2', months: -6, systemOnly: false },
  { id: 'notice-1m', label: '1-month notice (imminent go-live)', kind: 'notice', rule: 'COM-3', months: -1, systemOnly: false },
  { id: 'go-live-evidence', label: 'Go-live evidence due', kind: 'evidence', rule: 'GL-2', days: -42, systemOnly: true },
  { id: 'go-live', label: 'Go-live', kind: 'go-live', days: 0, systemOnly: false },
  { id: 'actual-cost-report', label: 'Actual cost report due', kind: 'cost', rule: 'CST-4', months: 3, systemOnly: true },
];

/**
 * The Policy's dates for a release going live on `date`. Documentation Releases have no systems scope,
 * TAD, go-live evidence or cost reports, so they get only the documentation cut-off and the notices.
 */
export function builtInMilestones(release: { date: IsoDate; type: ReleaseType }): Milestone[] {
  return BUILT_INS.filter((b) => release.type === 'system' || !b.systemOnly).map((b) => {
    const date = b.months !== undefined ? addMonths(release.date, b.months) : addDays(release.date, b.days ?? 0);
    const milestone: Milestone = { id: b.id, label: b.label, date, kind: b.kind };
    if (b.rule) milestone.rule = b.rule;
    return milestone;
  });
}

export type OffsetUnit = 'wd' | 'd' | 'w' | 'm';
export interface Offset {
  amount: number;
  unit: OffsetUnit;
}

const OFFSET = /^([+-]?)(\d{1,5})(wd|d|w|m)$/;

/** '-10wd' (Working Days), '5d' (calendar days), '+3m' (months), '-2w' (weeks); undefined if malformed. */
export function parseOffset(text: string): Offset | undefined {
  const match = OFFSET.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  return { amount, unit: match[3] as OffsetUnit };
}

export function applyOffset(date: IsoDate, offset: Offset, holidays: HolidayLookup): IsoDate {
  switch (offset.unit) {
    case 'wd':
      return addWorkingDays(date, offset.amount, holidays);
    case 'd':
      return addDays(date, offset.amount);
    case 'w':
      return addWeeks(date, offset.amount);
    case 'm':
      return addMonths(date, offset.amount);
  }
}

/** The ID a timeline event gets and the form a `from:` is matched in: 'TAG reviews draft TAD' → 'tag-reviews-draft-tad'. */
export function eventSlug(event: string): string {
  return (
    event
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'event'
  );
}

/** A timeline event's ID: its own `id` when it has one (so rewording it changes nothing), else its slug. */
export function timelineId(entry: { id?: string | undefined; event: string }): string {
  return entry.id ?? eventSlug(entry.event);
}

export interface ReleaseMilestonesOptions {
  release: { date: IsoDate; type: ReleaseType };
  timeline?: readonly TimelineEntry[];
  holidays: HolidayLookup;
}

/**
 * Built-in milestones plus the release's timeline, sorted by date. Timeline entries may refer to each
 * other in any order; an offset without `from` counts from go-live. Unknown references, cycles and bad
 * offsets come back as problems and the entries concerned are left out: the rest still resolve.
 */
export function releaseMilestones(options: ReleaseMilestonesOptions): ReleaseMilestones {
  const builtIns = builtInMilestones(options.release);
  const builtInById = new Map(builtIns.map((m) => [m.id, m]));
  const problems: MilestoneProblem[] = [];
  const entries = new Map<string, TimelineEntry>();

  for (const entry of options.timeline ?? []) {
    const id = timelineId(entry);
    if (builtInById.has(id) || entries.has(id)) {
      const what = builtInById.has(id) ? 'a built-in milestone' : 'another event';
      problems.push({ code: 'duplicate-event', event: entry.event, message: `Timeline event "${entry.event}" has the same ID (${id}) as ${what}; rename it` });
      continue;
    }
    entries.set(id, entry);
  }
  // `from` may also name an entry with an `id` by its event text (undefined: two entries share that text).
  const byWording = new Map<string, string | undefined>();
  for (const [id, entry] of entries) {
    const slug = eventSlug(entry.event);
    if (slug !== id) byWording.set(slug, byWording.has(slug) ? undefined : id);
  }

  const resolved = new Map<string, IsoDate | undefined>(); // undefined: failed
  const stack: string[] = [];
  const inCycle = new Set<string>();

  // The stack holds the events being resolved, so a reference back into it is a cycle.
  const resolve = (id: string, entry: TimelineEntry): IsoDate | undefined => {
    if (resolved.has(id)) return resolved.get(id);
    stack.push(id);
    try {
      return resolveUncached(id, entry);
    } finally {
      stack.pop();
    }
  };

  const resolveUncached = (id: string, entry: TimelineEntry): IsoDate | undefined => {
    const fail = (code: MilestoneProblemCode, message: string): undefined => {
      if (!inCycle.has(id)) problems.push({ code, event: entry.event, message });
      resolved.set(id, undefined);
      return undefined;
    };
    if (entry.date !== undefined) {
      if (!isValidIsoDate(entry.date)) return fail('bad-date', `Timeline event "${entry.event}" has date "${entry.date}", which is not YYYY-MM-DD`);
      resolved.set(id, entry.date);
      return entry.date;
    }
    if (entry.offset === undefined) return fail('missing-date', `Timeline event "${entry.event}" needs a date, or an offset and a from`);
    const offset = parseOffset(entry.offset);
    if (!offset) return fail('bad-offset', `Timeline event "${entry.event}" has offset "${entry.offset}"; write e.g. -10wd, +3m, -2w or 5d`);
    const from = eventSlug(entry.from ?? 'go-live');
    const fromId = entries.has(from) || builtInById.has(from) ? from : (byWording.get(from) ?? from);
    const target = entries.get(fromId);
    let base: IsoDate | undefined;
    if (target) {
      if (stack.includes(fromId)) {
        const loop = [...stack.slice(stack.indexOf(fromId)), fromId];
        loop.forEach((member) => inCycle.add(member));
        problems.push({ code: 'cycle', event: entry.event, message: `Timeline events refer to each other in a cycle: ${loop.join(' → ')}` });
        return fail('cycle', '');
      }
      base = resolve(fromId, target);
      if (base === undefined) return fail('unresolved-from', `Timeline event "${entry.event}" counts from "${entry.from}", which has no date`);
    } else {
      base = builtInById.get(fromId)?.date;
      const ambiguous = byWording.has(from) && byWording.get(from) === undefined;
      if (base === undefined) return fail('unknown-from', unknownFrom(entry, entries, ambiguous, [...builtInById.keys()]));
    }
    const date = applyOffset(base, offset, options.holidays);
    resolved.set(id, date);
    return date;
  };

  const events: Milestone[] = [];
  const [earliest, latest] = [-1, 1].map((sign) => addMonths(options.release.date, sign * 12 * TIMELINE_WINDOW_YEARS));
  for (const [id, entry] of entries) {
    const date = resolve(id, entry);
    if (date === undefined) continue;
    events.push({ id, label: entry.event, date, kind: 'event' });
    if (date < earliest! || date > latest!) {
      problems.push({
        code: 'out-of-window',
        event: entry.event,
        message: `Timeline event "${entry.event}" falls on ${formatLong(date)}, more than ${TIMELINE_WINDOW_YEARS} years from the release's go-live (${formatLong(options.release.date)}); check its ${entry.date !== undefined ? 'date' : 'offset'}`,
      });
    }
  }

  // Stable sort keeps built-ins in their listed order, ahead of timeline events on the same day.
  const milestones = [...builtIns, ...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { milestones, problems };
}

/** Why an entry's `from` names nothing: the timeline's own events (the first 10) and the milestones it could name, and the likely one. */
function unknownFrom(entry: TimelineEntry, entries: ReadonlyMap<string, TimelineEntry>, ambiguous: boolean, builtIns: readonly string[]): string {
  const [from, head] = [entry.from ?? '', `Timeline event "${entry.event}" counts from "${entry.from}"`];
  const others = [...entries].filter(([, e]) => e !== entry);
  if (ambiguous) {
    const ids = others.filter(([, e]) => e.id !== undefined && eventSlug(e.event) === eventSlug(from)).map(([id]) => id);
    return `${head}, which is the event of more than one entry (ids ${ids.join(', ')}): name the one it counts from by its id`;
  }
  const names = others.map(([id, e]) => (e.id !== undefined ? `"${e.event}" (id ${id})` : `"${e.event}"`));
  const listed = names.length > 10 ? [...names.slice(0, 10), `and ${names.length - 10} more`] : names;
  const guess = closest(from, [...others.flatMap(([id, e]) => (e.id !== undefined ? [e.event, id] : [e.event])), ...builtIns]);
  const milestones = `a milestone (${builtIns.join(', ')})`;
  const which =
    names.length > 0 ? `neither an event of this timeline (${listed.join(', ')}) nor ${milestones}` : `not ${milestones}, and this timeline has no other event`;
  return `${head}${guess ? ` (did you mean "${guess}"?)` : ''}, which is ${which}`;
}
