// What `render paper` refuses before it writes a word: a release already live at the meeting, a paper dated
// after its meeting, a RID with no version to baseline or whose version the Panel has baselined already; and
// what it warns about: a meeting on a day that is not a Working Day (a typo, likelier than a Saturday Panel).
import { compare, formatLong, formatWithWeekday } from '../domain/dates.js';
import type { ReleaseView } from '../domain/releases.js';
import { isWorkingDay } from '../domain/working-days.js';
import { UsageError } from '../repo/errors.js';
import type { Repository } from '../repo/load.js';
import type { Context } from './context.js';

export function checkPaperRequest(ctx: Context, repo: Repository, subject: ReleaseView, meeting: string): void {
  const { name, id, date } = subject.planned;
  if (compare(date, meeting) <= 0)
    throw new UsageError(
      `the ${name} goes live on ${formatLong(date)}, ${date === meeting ? 'the day of' : 'before'} the meeting (${formatLong(meeting)}): a paper asks the Panel to baseline the RID of a release still to come`,
      'give a later release (--release), or the meeting date you meant (--meeting)',
    );
  if (compare(ctx.asOf, meeting) > 0)
    throw new UsageError(
      `the paper would be dated ${formatLong(ctx.asOf)} (--as-of, default today), after the meeting it is for (${formatLong(meeting)})`,
      'date it before the meeting with --as-of (the day it is sent to the Panel), or give the meeting date you meant',
    );
  const file = `${repo.config.paths.releases}/${id}.yaml`;
  if (!subject.entity?.data.rid?.version)
    throw new UsageError(
      `the ${name} has no RID version yet (${subject.entity ? `no rid.version in ${file}` : `no release file, ${file}`}), so there is no document to ask the Panel to baseline`,
      `${subject.entity ? '' : `create ${file}, then `}run \`secrel rid bump --release ${id}\` for its first draft (0.1), then the paper`,
    );
  const rid = subject.entity?.data.rid;
  const baselined = (rid?.baselines ?? []).find((b) => b.version === rid?.version && compare(b.date, meeting) < 0);
  if (baselined)
    throw new UsageError(
      `version ${baselined.version} of the ${name} RID is the one the Panel baselined on ${formatLong(baselined.date)}: there is nothing new to ask it to baseline`,
      `after a change to the release or its scope, run \`secrel rid bump\` for the next version, then the paper`,
    );
  if (!isWorkingDay(meeting, repo.config.holidays)) {
    // A bank holiday is named (Good Friday, Christmas Day): a weekday is no clue on its own.
    const holiday = repo.config.holidays.holidayName(meeting);
    ctx.io.stderr(
      `secrel: warning: the meeting, ${formatWithWeekday(meeting)}${holiday ? `, ${holiday}` : ''} (--meeting), is not a Working Day; check the date\n`,
    );
  }
}
