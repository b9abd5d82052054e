// Runs `secrel calendar`: release dates and key milestones for a range, as a table, JSON or an .ics file.
import { basename, dirname, resolve } from 'node:path';
import { isValidIsoDate, isWithin, makeIsoDate, parseIsoDate } from '../../domain/dates.js';
import type { IsoDate } from '../../domain/dates.js';
import { feedItems } from '../../domain/feed.js';
import { releasesToIcs, uidDomainFor } from '../../domain/ics.js';
import { listedMilestones, releaseViews, type ReleaseView } from '../../domain/releases.js';
import type { RepoModel } from '../../domain/repository.js';
import { workingDaysImplementations, type WorkingDaysImplementation } from '../../domain/working-days-date.js';
import { writeFileAtomic } from '../../repo/atomic.js';
import { UsageError } from '../../repo/errors.js';
import type { CalendarOptions } from '../commands/calendar.js';
import type { Context } from '../context.js';
import { sweepLeftovers } from '../leftover-sweep.js';
import { openReleaseModel } from '../open.js';
import { plural } from '../report/findings.js';
import { formatCalendarText } from '../report/calendar-text.js';

const MIN_YEAR = 1000;
const MAX_YEAR = 9998; // milestones run 3 months past go-live, and dates stop at 9999

function rangeEnd(text: string, end: 'from' | 'to', arg: string): IsoDate {
  const hint = 'write YEAR (2020) or FROM..TO with years or dates: 2019..2030, 2020-01-01..2021-06-30';
  let date: IsoDate | undefined;
  if (/^\d{4}$/.test(text)) date = end === 'from' ? `${text}-01-01` : `${text}-12-31`;
  else if (isValidIsoDate(text)) date = text;
  if (date === undefined) {
    throw new UsageError(text === arg ? `"${arg}" is not a year or a date range` : `"${text}" (in ${arg}) is not a year or a calendar date`, hint);
  }
  const { year } = parseIsoDate(date);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new UsageError(`"${arg}" is outside the years ${MIN_YEAR} to ${MAX_YEAR}`, hint);
  return date;
}

/** `2020` → that calendar year; `2019..2030` or `2020-01-01..2021-06-30` → inclusive range; none → as-of year and the next. */
export function parseRange(arg: string | undefined, asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  if (arg === undefined) {
    const { year } = parseIsoDate(asOf);
    return { from: makeIsoDate(year, 1, 1), to: makeIsoDate(Math.min(year + 1, MAX_YEAR), 12, 31) };
  }
  const parts = arg.split('..');
  if (parts.length > 2) throw new UsageError(`"${arg}" has more than one ".."`, 'write FROM..TO, e.g. 2019..2030');
  const from = rangeEnd(parts[0]!.trim(), 'from', arg);
  const to = rangeEnd((parts[1] ?? parts[0]!).trim(), 'to', arg);
  if (from > to) throw new UsageError(`"${arg}" ends before it starts`, `put the earlier end first: ${parts[1] ?? ''}..${parts[0]}`);
  return { from, to };
}

function calendarJson(views: readonly ReleaseView[], own: readonly WorkingDaysImplementation[]): string {
  const releases = views.map((v) => ({ p: v.planned, milestones: listedMilestones(v) })).map(({ p, milestones }) => ({
    id: p.id, name: p.name, date: p.date, type: p.type, ...(p.kind !== p.type ? { kind: p.kind } : {}), adhoc: p.adhoc,
    ...(p.cancelled ? { cancelled: true } : {}),
    milestones: milestones.map((m) => ({ id: m.id, label: m.label, date: m.date })),
  }));
  const implementations = own.map((w) => ({ id: w.id, title: w.title, date: w.date, sentence: w.sentence, ...(w.start && !w.recorded ? { from: w.start } : {}) }));
  return `${JSON.stringify({ releases, implementations }, null, 2)}\n`;
}

async function writeIcs(ctx: Context, file: string, views: readonly ReleaseView[], own: readonly WorkingDaysImplementation[], model: RepoModel, root: string | undefined, codeName: string): Promise<void> {
  const path = resolve(ctx.io.cwd, file);
  const ics = releasesToIcs(feedItems(model, views), { calendarName: `${codeName} Releases`, uidDomain: uidDomainFor(model.config.uidDomain, root === undefined ? undefined : basename(root)), implementations: own });
  try {
    await writeFileAtomic(path, ics);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`--ics ${file}: its folder does not exist`, 'create the folder first, or give a path in an existing one');
    if (code === 'EISDIR') throw new UsageError(`--ics ${file} is a folder`, 'give a file name, e.g. --ics sec-releases.ics');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`--ics ${file}: not allowed to write there`, 'choose a folder you can write to');
    throw err;
  }
  await sweepLeftovers(ctx, ctx.io.cwd, [dirname(path)], { dryRun: false, command: 'calendar --ics', of: path });
  const events = views.reduce((n, v) => n + listedMilestones(v).length, 0) + own.length;
  const modifications = own.length > 0 ? ` and ${plural(own.length, 'Working Days modification')}` : '';
  ctx.io.stderr(`Wrote ${plural(events, 'event')} for ${plural(views.length, 'release')}${modifications} to ${file}\n`);
}

export async function action(ctx: Context, opts: CalendarOptions): Promise<number> {
  const range = parseRange(opts.range, ctx.asOf);
  const opened = await openReleaseModel(ctx, opts.code);
  if (opened.exit !== undefined) return opened.exit;
  const views = releaseViews(opened.model, range);
  const { codeName, holidays } = opened.model.config;
  // Working Days modifications go live on their own date: listed with the releases of the range (IMP-3).
  const own = workingDaysImplementations(opened.model.modifications, holidays).filter((w) => w.date !== undefined && isWithin(w.date, range.from, range.to));
  if (opts.ics !== undefined) await writeIcs(ctx, opts.ics, views, own, opened.model, opened.root, codeName);
  ctx.io.stdout(ctx.format === 'json' ? calendarJson(views, own) : formatCalendarText(views, { ...range, chalk: ctx.chalk, codeName, implementations: own }));
  return 0;
}
