// Reference checks on release timelines (REF): an event that counts from an event that does not exist,
// events that count from each other in a cycle, two events with one ID. Without these the events concerned
// would silently drop out of the timetable, the plan and the rendered RID. An event years away from the
// release's go-live (an offset of -2386m puts it in 1829) is a warning: it stays in, but someone mistyped.
// And RID-3: the file lists the timetable in date order, as the RID prints it, so the two never read differently.
import type { Finding, Severity } from './findings.js';
import type { TimelineEntry } from './calendar.js';
import { formatLong } from './dates.js';
import { releaseMilestones, timelineId, type MilestoneProblemCode } from './milestones.js';
import { releaseFinder } from './releases.js';
import { findingAt, type PathSegment, type RepoModel } from './repository.js';

/**
 * How each problem is reported. An undated event ("to be confirmed"), and an event counting from one, are
 * no problem: they get their dates when the event they count from does.
 */
const REPORTED: Partial<Record<MilestoneProblemCode, { severity: Severity; field: PathSegment }>> = {
  cycle: { severity: 'error', field: 'from' },
  'unknown-from': { severity: 'error', field: 'from' },
  'duplicate-event': { severity: 'error', field: 'event' },
  'bad-offset': { severity: 'error', field: 'offset' },
  'bad-date': { severity: 'error', field: 'date' },
  'out-of-window': { severity: 'warning', field: 'offset' },
};

/** The first timeline event dated before the dated event above it in the file. */
function orderFinding(r: RepoModel['releases'][number], timeline: readonly TimelineEntry[], dates: ReadonlyMap<string, string>): Finding | undefined {
  let previous: { event: string; date: string } | undefined;
  for (const [i, e] of timeline.entries()) {
    const date = dates.get(timelineId(e));
    if (date === undefined) continue;
    if (previous && date < previous.date) {
      return findingAt(
        r,
        ['timeline', i, 'event'],
        'RID-3',
        'warning',
        `Timeline event "${e.event}" (${formatLong(date)}) comes after "${previous.event}" (${formatLong(previous.date)}) in the file, but before it in time: ` +
          'the RID lists the timetable in date order, so put the events in date order here too',
        { release: r.id },
      );
    }
    previous = { event: e.event, date };
  }
  return undefined;
}

export function timelineFindings(model: RepoModel): Finding[] {
  const out: Finding[] = [];
  // The reference checks' finder (made once per model): each release file is placed once.
  const find = releaseFinder(model);
  for (const r of model.releases) {
    const timeline = r.data.timeline ?? [];
    if (timeline.length === 0) continue;
    const planned = find(r.id);
    if (!planned) continue; // the calendar's own finding says why
    const { problems, milestones } = releaseMilestones({ release: { date: planned.date, type: planned.type }, timeline, holidays: model.config.holidays });
    const order = orderFinding(r, timeline, new Map(milestones.filter((m) => m.kind === 'event').map((m) => [m.id, m.date])));
    if (order) out.push(order);
    const duplicatesSeen = new Map<string, number>();
    for (const p of problems) {
      const how = REPORTED[p.code];
      if (!how || p.message === '') continue;
      // A duplicate is the second (third…) entry with that event; anything else is its first entry.
      const nth = p.code === 'duplicate-event' ? (duplicatesSeen.get(p.event) ?? 0) + 1 : 0;
      duplicatesSeen.set(p.event, nth);
      const index = timeline.map((e, i) => (e.event === p.event ? i : -1)).filter((i) => i >= 0)[nth] ?? timeline.findIndex((e) => e.event === p.event);
      const entry = timeline[index] as Record<string, unknown> | undefined;
      const field = [how.field, 'date'].find((f) => entry?.[f as string] !== undefined) ?? 'event';
      const path: PathSegment[] = index >= 0 ? ['timeline', index, field] : ['timeline'];
      const leftOut = p.code === 'cycle' ? 'these events are' : 'the event is';
      out.push(
        findingAt(
          r,
          path,
          'REF',
          how.severity,
          how.severity === 'error' ? `${p.message}; ${leftOut} left out of the timetable until this is fixed` : p.message,
          { release: r.id },
        ),
      );
    }
  }
  return out;
}
