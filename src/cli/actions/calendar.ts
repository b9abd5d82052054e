// Runs `secrel calendar`: release dates and key milestones for a range, as a table, JSON or an .ics file.
import { isWithin } from '../../domain/dates.js';
import { releaseViews } from '../../domain/releases.js';
import { workingDaysImplementations } from '../../domain/working-days-date.js';
import { yearAndNext } from '../calendar-range.js';
import type { CalendarOptions } from '../commands/calendar.js';
import type { Context } from '../context.js';
import { writeIcsFile } from '../ics-file.js';
import { openReleaseModel } from '../open.js';
import { formatCalendarJson } from '../report/calendar-json.js';
import { formatCalendarText } from '../report/calendar-text.js';

export async function action(ctx: Context, opts: CalendarOptions): Promise<number> {
  const range = opts.range ?? yearAndNext(ctx.asOf);
  const opened = await openReleaseModel(ctx, opts.code);
  if (opened.exit !== undefined) return opened.exit;
  const { model, root } = opened;
  const views = releaseViews(model, range);
  // Working Days modifications go live on their own date: listed with the releases of the range (IMP-3).
  const own = workingDaysImplementations(model.modifications, model.config.holidays).filter(
    (w) => w.date !== undefined && isWithin(w.date, range.from, range.to),
  );
  if (opts.ics !== undefined) await writeIcsFile(ctx, opts.ics, { views, own, model, root });
  ctx.io.stdout(
    ctx.format === 'json'
      ? formatCalendarJson(views, own)
      : formatCalendarText(views, { ...range, chalk: ctx.chalk, codeName: model.config.codeName, implementations: own }),
  );
  return 0;
}
