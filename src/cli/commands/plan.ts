// `secrel plan`: the morning overview of every release in a window: dates, scope, next milestones, breaches.
import { Option, type Command } from 'commander';
import type { IsoDate } from '../../domain/dates.js';
import { dateArg } from '../context.js';
import { examples, type Run } from '../program.js';

/** `secrel plan [--release ID] [--from D] [--to D] [--assume ID=CHANGE…]`. */
export interface PlanOptions {
  release?: string;
  from?: IsoDate;
  to?: IsoDate;
  assume?: string[];
}

export function definePlan(program: Command, run: Run): Command {
  return program
    .command('plan')
    .description('where each release stands: date, scope, next milestones (overdue ones marked) and its findings')
    .option('--release <id>', 'just this release, e.g. 2020-06')
    .addOption(
      new Option('--from <date>', 'first go-live date to show, YYYY-MM-DD (default: one month before --as-of)').argParser(dateArg('--from', '2020-01-01')),
    )
    .addOption(new Option('--to <date>', 'last go-live date to show, YYYY-MM-DD (default: 18 months after --as-of)').argParser(dateArg('--to', '2020-01-01')))
    .option('--assume <change...>', 'what if: ID=CHANGE, as if recorded (repeatable), e.g. MP104=approved@2026-12-10')
    .addHelpText(
      'after',
      examples([
        'secrel plan',
        'secrel plan --repo fixtures/sec-2020 --as-of 2020-01-17',
        'secrel plan --release 2020-06',
        'secrel plan --from 2020-01-01 --to 2020-12-31 --format json',
        'secrel plan --assume MP104=approved@2026-12-10',
        'secrel plan --assume MP104=release:2027-11 --assume CR1047=done@2027-03-31',
        'secrel plan --assume 2027-06=date:2027-07-01 --format json',
        'secrel plan --format markdown >> "$GITHUB_STEP_SUMMARY"',
      ]) +
        `
Everything is as of --as-of (default today): days to go-live, what is overdue,
which deadlines are near. Errors and warnings are listed under each release,
infos counted (\`secrel check\` lists them). Exit 0 whatever the findings: use
\`secrel check\` as the gate in CI. Exit 2 on bad usage.

--assume recomputes the plan as if each change were recorded in the files
(nothing is written) and lists first what it changes: where a modification
lands (primary or fall-back), scope, RID versions, notices, new and resolved
findings. Changes: MOD=approved@DATE, MOD=<status>, MOD=release:ID,
MOD=expected:DATE, RELEASE=date:DATE, RELEASE=cancelled, CR=done@DATE,
CR=expected:DATE, CR=<status>. --format json adds "assumptions" and "changes".
`,
    )
    .action((opts: PlanOptions, cmd: Command) => run(cmd, () => import('../actions/plan.js'), opts, ['text', 'json', 'markdown'], true));
}
