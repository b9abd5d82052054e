// `secrel calendar`: release dates, cut-offs and key milestones for a range of years or dates; .ics export.
import type { Command } from 'commander';
import { calendarRange, type DateRange } from '../calendar-range.js';
import { examples, type Run } from '../program.js';

/** `secrel calendar [RANGE] [--code C] [--ics FILE]`: the range checked as commander parses it (absent: the action's default). */
export interface CalendarOptions {
  range?: DateRange;
  code?: string;
  ics?: string;
}

export function defineCalendar(program: Command, run: Run): Command {
  return program
    .command('calendar')
    .description("release dates, cut-offs and key milestones (a moved date wins over the rule's); optional .ics export")
    .argument(
      '[range]',
      'YEAR (2020), or FROM..TO in years or dates (2019..2030, 2020-01-01..2021-06-30); default: the --as-of year and the next',
      calendarRange,
    )
    .option('--code <code>', "outside a repository: the release cycle of another GB energy code's preset (sec, bsc, dcusa, unc, rec; default sec)")
    .option('--ics <file>', 'also write an iCalendar file: every milestone as an all-day event, with UIDs that stay the same on re-export')
    .addHelpText(
      'after',
      examples([
        'secrel calendar                      # this year and next',
        'secrel calendar 2021',
        'secrel calendar 2019..2030',
        'secrel calendar 2020-01-01..2021-06-30 --repo fixtures/sec-2020',
        'secrel calendar 2020..2022 --ics sec-releases.ics',
        'secrel calendar 2020 --format json',
        'secrel calendar --code dcusa 2020          # DCUSA: the three Thursdays and 1 April',
        'secrel calendar --code bsc 2026',
      ]) +
        `
Without a range: the --as-of year (today's) and the next. Outside a repository
(and without --repo) the dates are the default cycle's: last Thursday of February
(Documentation Release), last Thursday of June and first Thursday of November
(System Releases), or with --code those of another code's preset. In a
repository, its config's code and cycle, and a release file's own date, win.
`,
    )
    .action((range: DateRange | undefined, opts: Omit<CalendarOptions, 'range'>, cmd: Command) =>
      run(cmd, () => import('../actions/calendar.js'), { ...opts, ...(range !== undefined ? { range } : {}) }, ['text', 'json']),
    );
}
