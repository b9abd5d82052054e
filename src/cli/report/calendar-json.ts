// `secrel calendar --format json`: each release with its milestones, and the Working Days implementations of the range.
import { listedMilestones, type ReleaseView } from '../../domain/releases.js';
import type { WorkingDaysImplementation } from '../../domain/working-days-date.js';

export function formatCalendarJson(views: readonly ReleaseView[], own: readonly WorkingDaysImplementation[]): string {
  const releases = views
    .map((v) => ({ p: v.planned, milestones: listedMilestones(v) }))
    .map(({ p, milestones }) => ({
      id: p.id,
      name: p.name,
      date: p.date,
      type: p.type,
      ...(p.kind !== p.type ? { kind: p.kind } : {}),
      adhoc: p.adhoc,
      ...(p.cancelled ? { cancelled: true } : {}),
      milestones: milestones.map((m) => ({ id: m.id, label: m.label, date: m.date })),
    }));
  const implementations = own.map((w) => ({
    id: w.id,
    title: w.title,
    date: w.date,
    sentence: w.sentence,
    ...(w.start && !w.recorded ? { from: w.start } : {}),
  }));
  return `${JSON.stringify({ releases, implementations }, null, 2)}\n`;
}
