// The `secrel calendar` table for people: one release a row, 80 columns at most, notes for moved and ad-hoc releases.
import type { ChalkInstance } from 'chalk';
import { formatLong, formatWithWeekday, monthName, parseIsoDate, weekdayName } from '../../domain/dates.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Milestone } from '../../domain/milestones.js';
import { listedMilestones, type ReleaseView } from '../../domain/releases.js';
import type { WorkingDaysImplementation } from '../../domain/working-days-date.js';

export const TABLE_WIDTH = 80;

/** '25 Jun 2020', with the day padded so the column lines up. */
function shortDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')} ${monthName(month).slice(0, 3)} ${year}`;
}

/** `listed`: the release's listed milestones (listedMilestones), worked out once for its row. */
function milestoneDate(view: ReleaseView, listed: readonly Milestone[], id: string): string {
  if (!view.milestones.some((x) => x.id === id)) return '-';
  // Before the Panel agreed an ad-hoc release, its built-in deadline never applied (as the feed and pages have
  // it), or is due by a later day instead (the TAD by go-live), which listedMilestones gives.
  const shown = listed.find((x) => x.id === id);
  return shown ? shortDate(shown.date) : 'n/a';
}

/** Which of the table's deadlines fell before an ad-hoc release was agreed: shown as n/a, or due by a later day. */
function beforeAgreed(view: ReleaseView): { dropped: boolean; moved: boolean } {
  const listed = listedMilestones(view);
  const table = view.milestones.filter((m) => TABLE_MILESTONES.includes(m.id));
  return {
    dropped: table.some((m) => !listed.some((x) => x.id === m.id)),
    moved: table.some((m) => listed.some((x) => x.id === m.id && x.date !== m.date)),
  };
}

// One mark per caveat, explained in a note under the table (the table itself has no room for the reasons).
function marks(view: ReleaseView): string {
  const p = view.planned;
  return `${p.moved ? '*' : ''}${p.adhoc ? '+' : ''}${p.offCycle ? '?' : ''}${p.cancelled ? 'x' : ''}`;
}

function notes(view: ReleaseView): string[] {
  const p = view.planned;
  const out: string[] = [];
  if (p.moved && p.scheduledDate !== undefined) {
    const why = p.dateReason ? ` ${p.dateReason.trim()}` : ' No reason is recorded (add dateReason to the release file).';
    out.push(
      `* ${p.id} moved from ${formatWithWeekday(p.scheduledDate)} to ${formatWithWeekday(p.date)} (CAL-2); its cut-offs count back from the new date.${why}`,
    );
  }
  if (p.adhoc) {
    const agreed = view.entity?.data.agreed;
    const late = beforeAgreed(view);
    const which = late.dropped && late.moved ? 'Its deadlines marked n/a, and the TAD to TAG,' : late.dropped ? 'Its deadlines marked n/a' : 'Its TAD to TAG';
    const fate = [...(late.dropped ? ['those marked n/a do not apply'] : []), ...(late.moved ? ['the TAD is due by the later day shown'] : [])].join('; ');
    const na = (late.dropped || late.moved) && agreed !== undefined ? ` ${which} fell before the Panel agreed it on ${formatLong(agreed)}: ${fate}.` : '';
    // DCUSA's kind for one is itself "Ad-hoc Release": not "an ad-hoc Ad-hoc Release".
    const what = /^ad[- ]?hoc\b/i.test(p.kindName) ? `an ${p.kindName}` : `an ad-hoc ${p.kindName}`;
    out.push(`+ ${p.id} is ${what} (CAL-3).${na}`);
  }
  if (p.offCycle) out.push(`? ${p.id} is not in the release cycle; mark it "adhoc: true" if it is an ad-hoc release (CAL-3).`);
  if (p.cancelled) out.push(`x ${p.id} is cancelled.`);
  return out;
}

/** Greedy word wrap with a hanging indent, for notes that must stay inside the table's width. */
export function wrap(text: string, width = TABLE_WIDTH, indent = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length > width && line !== '') {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

type Cell = string;

/** The milestones the table has a column for, after the release, its type and go-live. */
const TABLE_MILESTONES: readonly string[] = ['systems-cutoff', 'documentation-cutoff', 'tad-to-tag'];

// Headers take two lines so the date columns can stay 11 characters wide.
const HEADERS: readonly [string, string][] = [
  ['', 'Release'],
  ['', 'Type'],
  ['', 'Go-live'],
  ['Systems', 'cut-off'],
  ['Docs', 'cut-off'],
  ['', 'TAD to TAG'],
];

/** The SEC's kinds as before ("System", "Docs"); another code's by name ("Standard", "Scheduled"). */
function typeLabel(p: ReleaseView['planned']): string {
  if (p.kind === 'system') return 'System';
  if (p.kind === 'documentation') return 'Docs';
  return p.kindName.replace(/ Release$/, '');
}

function row(view: ReleaseView): Cell[] {
  const p = view.planned;
  const flag = marks(view);
  const goLive = `${weekdayName(p.date).slice(0, 3)} ${shortDate(p.date)}${flag ? ` ${flag}` : ''}`;
  const listed = listedMilestones(view);
  return [p.id, typeLabel(p), goLive, ...TABLE_MILESTONES.map((id) => milestoneDate(view, listed, id))];
}

const GAP = '  ';

function layout(rows: readonly Cell[][], widths: readonly number[]): string[] {
  return rows.map((cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(GAP)
      .trimEnd(),
  );
}

/**
 * Column widths that keep the table inside 80 columns: every column but the first is at most 18 wide,
 * so only a long release ID (`2022-07-mp200-emergency`) can overflow, and that one gets a line of its own.
 */
function fit(rows: Cell[][]): { widths: number[]; rows: Cell[][] } {
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const rest = widths.slice(1).reduce((sum, w) => sum + w + GAP.length, 0);
  const idWidth = Math.min(widths[0] ?? 0, Math.max(HEADERS[0]![1].length, TABLE_WIDTH - rest));
  const out: Cell[][] = [];
  for (const r of rows) {
    if ((r[0] ?? '').length > idWidth) out.push([r[0] ?? ''], ['', ...r.slice(1)]);
    else out.push(r);
  }
  return { widths: [idWidth, ...widths.slice(1)], rows: out };
}

export interface CalendarTextOptions {
  from: IsoDate;
  to: IsoDate;
  chalk: ChalkInstance;
  /** "SEC", "BSC": the code whose releases these are. */
  codeName?: string;
  /** Approved modifications with a Working Days lead time going live in the range on their own date (IMP-3). */
  implementations?: readonly WorkingDaysImplementation[];
}

/** The table, then one note per moved, ad-hoc, off-cycle or cancelled release. */
export function formatCalendarText(views: readonly ReleaseView[], o: CalendarTextOptions): string {
  const code = o.codeName ?? 'SEC';
  const title = `${code} Releases going live from ${formatLong(o.from)} to ${formatLong(o.to)}`;
  const own = workingDaysLines(o.implementations ?? []);
  if (views.length === 0)
    return `No ${code} Release goes live from ${formatLong(o.from)} to ${formatLong(o.to)}.\n${own.length > 0 ? `\n${own.join('\n')}\n` : ''}`;
  const headerRows: Cell[][] = [HEADERS.map((h) => h[0]), HEADERS.map((h) => h[1])];
  const { widths, rows } = fit([...headerRows, ...views.map(row)]);
  const [top, bottom, ...body] = layout(rows, widths);
  const lines = [o.chalk.bold(title), ''];
  if (top) lines.push(o.chalk.bold(top));
  lines.push(o.chalk.bold(bottom ?? ''), ...body);
  const footnotes = views.flatMap(notes).flatMap((n) => wrap(n));
  if (footnotes.length > 0) lines.push('', ...footnotes);
  // Dependency milestones (DEP-1): the day each thing a release's scope waits on is needed by.
  const needs = views.flatMap((v) => v.milestones.filter((m) => m.kind === 'dependency').map((m) => `${v.planned.id}: by ${shortDate(m.date)}, ${m.label}`));
  if (needs.length > 0) lines.push('', 'Dependencies:', ...needs.flatMap((n) => wrap(n)));
  if (own.length > 0) lines.push('', ...own);
  return `${lines.join('\n')}\n`;
}

/** Modifications implemented on a date of their own, counted in Working Days from the decision (IMP-3). */
function workingDaysLines(items: readonly WorkingDaysImplementation[]): string[] {
  const dated = items.filter((w): w is WorkingDaysImplementation & { date: IsoDate } => w.date !== undefined);
  if (dated.length === 0) return [];
  const lines = ['Working Days implementations (on their own date, not with a release):'];
  for (const w of dated) {
    const from = w.recorded
      ? 'the date recorded'
      : w.start?.kind === 'referral-window-end'
        ? `the referral window ended ${shortDate(w.start.date)}`
        : `decision ${shortDate(w.start!.date)}`;
    lines.push(...wrap(`${w.id}: ${weekdayName(w.date).slice(0, 3)} ${shortDate(w.date)}, ${w.sentence} (${from}): ${w.title}`));
  }
  return lines;
}
