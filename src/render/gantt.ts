// The implementation timetable as a chart: dated events become milestones, grouped by who owns them,
// and an event that "commences" paired with the later one that "closes" or "completes" becomes a bar.
import type { IsoDate } from '../domain/dates.js';

export interface GanttTask {
  label: string;
  start: IsoDate;
  /** Null for a milestone (a single day). */
  end: IsoDate | null;
}

export interface GanttSection {
  name: string;
  tasks: GanttTask[];
}

export interface GanttChart {
  title: string;
  goLive: IsoDate;
  sections: GanttSection[];
}

export interface DatedEvent {
  event: string;
  date: IsoDate;
  owner: string | null;
}

const START = /^(.+?)\s+(?:commences|starts|begins)$/i;
const END = /\s+(?:window\s+)?(?:closes|completes|ends|finishes)$/i;

export function ganttChart(title: string, goLive: IsoDate, events: readonly DatedEvent[]): GanttChart {
  const used = new Set<number>();
  const tasks: { owner: string; task: GanttTask }[] = [];
  events.forEach((e, i) => {
    if (used.has(i)) return;
    const subject = START.exec(e.event)?.[1];
    const endIndex =
      subject === undefined
        ? -1
        : events.findIndex((o, j) => j > i && !used.has(j) && o.event.startsWith(`${subject} `) && END.test(o.event) && o.date >= e.date);
    if (subject !== undefined && endIndex >= 0) {
      used.add(endIndex);
      tasks.push({ owner: e.owner ?? 'Release', task: { label: subject, start: e.date, end: events[endIndex]!.date } });
    } else {
      tasks.push({ owner: e.owner ?? 'Release', task: { label: e.event, start: e.date, end: null } });
    }
  });
  const sections: GanttSection[] = [];
  for (const { owner, task } of tasks) {
    const section = sections.find((s) => s.name === owner);
    if (section) section.tasks.push(task);
    else sections.push({ name: owner, tasks: [task] });
  }
  return { title, goLive, sections };
}
