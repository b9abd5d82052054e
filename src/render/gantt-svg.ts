// The timetable chart as an inline SVG for the HTML RID: no script, no external assets, prints as drawn.
import { formatShort, makeIsoDate, parseIsoDate, toDayNumber, monthName } from '../domain/dates.js';
import type { IsoDate } from '../domain/dates.js';
import type { GanttChart } from './gantt.js';

const WIDTH = 960;
const LABEL_WIDTH = 380;
const RIGHT_PAD = 70;
const ROW = 24;
const AXIS = 46;

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const fixed = (n: number) => n.toFixed(1);

function monthStart(date: IsoDate, add = 0): IsoDate {
  const { year, month } = parseIsoDate(date);
  const index = year * 12 + month - 1 + add;
  return makeIsoDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

export function ganttSvg(chart: GanttChart): string {
  const dates = chart.sections.flatMap((s) => s.tasks.flatMap((t) => (t.end ? [t.start, t.end] : [t.start])));
  dates.push(chart.goLive);
  const sorted = [...dates].sort();
  const from = monthStart(sorted[0]!);
  const to = monthStart(sorted[sorted.length - 1]!, 1);
  const span = toDayNumber(to) - toDayNumber(from);
  const chartWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const x = (d: IsoDate) => LABEL_WIDTH + ((toDayNumber(d) - toDayNumber(from)) / span) * chartWidth;
  const rows = chart.sections.reduce((n, s) => n + 1 + s.tasks.length, 0);
  const height = AXIS + rows * ROW + 8;
  const out: string[] = [];
  out.push(`<svg class="gantt" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="gantt-title">`);
  out.push(`<title id="gantt-title">${xml(chart.title)}</title>`);
  // Month grid: a line at each month start, labelled, thinned out so labels never collide.
  const months: IsoDate[] = [];
  for (let m = from; m < to; m = monthStart(m, 1)) months.push(m);
  const step = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((m, i) => {
    out.push(`<line class="grid" x1="${fixed(x(m))}" y1="${AXIS - 6}" x2="${fixed(x(m))}" y2="${height}"/>`);
    if (i % step === 0) {
      const { year, month } = parseIsoDate(m);
      out.push(`<text class="axis" x="${fixed(x(m) + 3)}" y="${AXIS - 10}">${monthName(month).slice(0, 3)} ${String(year % 100).padStart(2, '0')}</text>`);
    }
  });
  let y = AXIS;
  for (const section of chart.sections) {
    out.push(`<rect class="band" x="0" y="${y}" width="${WIDTH}" height="${ROW}"/>`);
    out.push(`<text class="section" x="6" y="${y + 16}">${xml(clip(section.name, 48))}</text>`);
    y += ROW;
    for (const task of section.tasks) {
      const label = clip(task.label, 56);
      const full = label === task.label ? '' : `<title>${xml(task.label)}</title>`;
      out.push(`<text class="label" x="16" y="${y + 16}">${full}${xml(label)}</text>`);
      const x0 = x(task.start);
      if (task.end === null) {
        const cy = y + ROW / 2;
        out.push(
          `<path class="milestone" d="M${fixed(x0)} ${cy - 7}l7 7l-7 7l-7-7z"><title>${xml(`${task.label}: ${formatShort(task.start)}`)}</title></path>`,
        );
        out.push(`<text class="date" x="${fixed(x0 + 10)}" y="${y + 16}">${formatShort(task.start)}</text>`);
      } else {
        const w = Math.max(3, x(task.end) - x0);
        out.push(
          `<rect class="bar" x="${fixed(x0)}" y="${y + 5}" width="${fixed(w)}" height="${ROW - 10}" rx="3"><title>${xml(`${task.label}: ${formatShort(task.start)} to ${formatShort(task.end)}`)}</title></rect>`,
        );
      }
      y += ROW;
    }
  }
  const g = x(chart.goLive);
  out.push(`<line class="go-live" x1="${fixed(g)}" y1="20" x2="${fixed(g)}" y2="${height}"/>`);
  out.push(`<text class="go-live-label" x="${fixed(Math.min(g, WIDTH - 55))}" y="14" text-anchor="middle">Go-live ${formatShort(chart.goLive)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
