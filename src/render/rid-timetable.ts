// The RID's implementation timetable as data: the release's own timeline (dates resolved, offsets
// counted in Working Days), or the Policy's milestones when the release has no timeline yet; plus the chart.
import { timelineId } from '../domain/milestones.js';
import { listedMilestones, type ReleaseView } from '../domain/releases.js';
import { Trusted } from './escape.js';
import { ganttChart, type DatedEvent } from './gantt.js';
import { ganttSvg } from './gantt-svg.js';
import { mermaidGantt } from './mermaid.js';

export interface TimetableRow {
  date: string | null;
  event: string;
  notes: string | null;
  owner: string | null;
}

export interface TimetableView {
  rows: TimetableRow[];
  /** True when the release has no timeline and the rows are the Policy's milestones. */
  fromPolicy: boolean;
  undatedCount: number;
  /** Mermaid source for Markdown (drawn by code hosts) and an inline SVG for HTML. */
  mermaid: Trusted;
  svg: Trusted;
}

export function timetableView(view: ReleaseView): TimetableView {
  const timeline = view.entity?.data.timeline ?? [];
  const dates = new Map(view.milestones.filter((m) => m.kind === 'event').map((m) => [m.id, m.date]));
  // In date order whatever the file's order (RID-3 warns when they differ); an event with no date yet keeps its
  // place after the dated event above it in the file ("to be confirmed" steps stay where the plan has them).
  const rows: TimetableRow[] =
    timeline.length > 0
      ? inDateOrder(timeline.map((t) => ({ date: dates.get(timelineId(t)) ?? null, event: t.event, notes: t.description ?? null, owner: t.owner ?? null })))
      : // The Policy's dates that apply to it, as its page and the calendar list them (no DCC cost of a release
        // that changes no DCC System, no full-scope baseline of a scope set at the systems cut-off).
        listedMilestones(view)
          .filter((m) => m.kind !== 'event')
          .map((m) => ({ date: m.date, event: m.label, notes: m.rule ? `Release Management Policy (${m.rule})` : null, owner: null }));
  const dated: DatedEvent[] = rows.flatMap((r) => (r.date ? [{ event: r.event, date: r.date, owner: r.owner }] : []));
  const chart = ganttChart(`${view.planned.name}: implementation timetable`, view.planned.date, dated);
  return {
    rows,
    fromPolicy: timeline.length === 0,
    undatedCount: rows.filter((r) => r.date === null).length,
    mermaid: new Trusted(mermaidGantt(chart)),
    svg: new Trusted(ganttSvg(chart)),
  };
}

function inDateOrder(rows: TimetableRow[]): TimetableRow[] {
  let anchor = '';
  const keyed = rows.map((r, i) => {
    if (r.date) anchor = r.date;
    return { r, i, key: r.date ?? anchor };
  });
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i)).map(({ r }) => r);
}
