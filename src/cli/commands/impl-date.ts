// `secrel impl-date`: the Policy's implementation-date wording (IMP-1..5) for a lead time in months or Working Days.
import { Option, type Command } from 'commander';
import type { IsoDate } from '../../domain/dates.js';
import { dateArg } from '../context.js';
import { examples, type Run } from '../program.js';

/** `secrel impl-date --lead-time T …`: the lead time is checked in `impl-date-request.ts` (it is required, and words its own hint). */
export interface ImplDateOptions {
  leadTime?: string;
  system?: boolean;
  documentation?: boolean;
  decision?: IsoDate;
  release?: string;
  selfGovernance?: boolean;
  referralEnd?: IsoDate;
}

export function defineImplDate(program: Command, run: Run): Command {
  return program
    .command('impl-date')
    .description('the implementation-date wording for a lead time: primary and fall-back releases (12m) or "20 Working Days following decision" (20wd)')
    .option('--lead-time <time>', 'required: 12m (months before go-live) or 20wd (Working Days following decision)')
    .option('--system', 'the modification impacts DCC Systems: System Releases only (IMP-4)')
    .option('--documentation', 'documentation-only: any release fits (the default)')
    .addOption(
      new Option('--decision <date>', 'the (expected) decision date, YYYY-MM-DD: picks the primary release and says which window it falls in').argParser(
        dateArg('--decision', '2019-06-25'),
      ),
    )
    .option('--release <id>', 'the primary release, e.g. 2020-06 (default: the earliest whose decision-by date is not past)')
    .option('--self-governance', 'Working Days: count from the end of the referral window, not the decision (IMP-3)')
    .addOption(
      new Option('--referral-end <date>', 'Working Days: the end of the Self-Governance referral window, YYYY-MM-DD (implies --self-governance)').argParser(
        dateArg('--referral-end', '2019-06-25'),
      ),
    )
    .addHelpText(
      'after',
      examples([
        'secrel impl-date --lead-time 12m --system --release 2020-06',
        'secrel impl-date --lead-time 12m --system --decision 2019-08-01',
        'secrel impl-date --lead-time 6m --documentation --as-of 2019-08-01',
        'secrel impl-date --lead-time 20wd --decision 2020-06-03',
        'secrel impl-date --lead-time 20wd --self-governance --referral-end 2020-07-15',
        'secrel impl-date --lead-time 12m --system --release 2020-06 --format json',
      ]) +
        `
Inside a repository the releases are its own: a moved release's decision-by date
counts back from its moved go-live date. Outside one, the default cycle. Without
--decision or --release, the primary is the earliest release whose decision-by
date is on or after --as-of (today). Exit 1 when the decision comes after both
windows (IMP-5) or the date falls in a change freeze (CAL-6).
`,
    )
    .action((opts: ImplDateOptions, cmd: Command) => run(cmd, () => import('../actions/impl-date.js'), opts, ['text', 'json']));
}
