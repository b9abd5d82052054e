// `secrel suggest`: the earliest feasible release for a modification or a described proposal, and why not the earlier ones.
import { Option, type Command } from 'commander';
import type { IsoDate } from '../../domain/dates.js';
import { dateArg } from '../context.js';
import { examples, type Run } from '../program.js';

/** `secrel suggest [ID] …`: a modification's id, or a proposal described by the options. */
export interface SuggestOptions {
  id?: string;
  leadTime?: string;
  system?: boolean;
  userSystems?: boolean;
  documentation?: boolean;
  techSpecs?: string;
  decision?: IsoDate;
  depends?: string[];
}

export function defineSuggest(program: Command, run: Run): Command {
  return program
    .command('suggest [id]')
    .description('the earliest feasible release for a modification (by id) or a proposal described by the options, with why each earlier release does not work')
    .option('--lead-time <time>', 'the lead time, 12m or 20wd (a proposal; for an id, overrides its leadTime)')
    .option('--system', 'the proposal impacts DCC Systems: System Releases only, scope set 12 months before go-live')
    .option('--user-systems', 'the proposal impacts User Systems only: any release, scope set 12 months before go-live')
    .option('--documentation', 'the proposal is documentation-only (the default for a described proposal)')
    .option('--tech-specs <list>', 'DUIS, GBCS and/or TS it changes, comma-separated (SCP-4)')
    .addOption(
      new Option('--decision <date>', "the (expected) decision date, YYYY-MM-DD (default: the modification's, else --as-of)").argParser(
        dateArg('--decision', '2026-12-10'),
      ),
    )
    .option('--depends <dep...>', 'what it waits on: ID[:before-development|before-testing|before-go-live[:LEAD]], e.g. CR1047:before-development:9m')
    .addHelpText(
      'after',
      examples([
        'secrel suggest MP078 --repo fixtures/sec-2020 --as-of 2020-01-17',
        'secrel suggest --lead-time 9m --system --tech-specs GBCS --depends CR1047:before-development',
        'secrel suggest --lead-time 12m --system --decision 2026-12-10 --format json',
        'secrel suggest --lead-time 6m --user-systems',
      ]) +
        `
Candidates are the releases going live from the decision date (from --as-of
when there is none, or it is past) to three years after it, in date order. Each that does not work says why: the
decision-by date passed (IMP-1), the scope cut-off passed without an exception
(SCP-2), a change freeze (CAL-6), a dependency not done in time (DEP-1), or any
other error \`check\` would report with the modification placed there. What only
warns is a note under a release that works: tech-spec changes already in another
System Release that year (SCP-4), a dependency with no date yet. The first that
works is shown with the Policy's wording (IMP-2) and its fall-back; an earlier
one the Panel could open with an exception is named too.
Exit 0 when a release is found within the horizon, 1 when none is, 2 on bad usage.
`,
    )
    .action((id: string | undefined, opts: Omit<SuggestOptions, 'id'>, cmd: Command) =>
      run(cmd, () => import('../actions/suggest.js'), { ...opts, ...(id !== undefined ? { id } : {}) }, ['text', 'json']),
    );
}
