// `secrel check`: every rule of the Release Management Policy, with load and reference findings, by release.
import { Option, type Command } from 'commander';
import { FINDINGS_FORMATS } from '../context.js';
import type { Severity } from '../../domain/findings.js';
import { examples, type Run } from '../program.js';

/** `secrel check [--release ID] [--min-severity S]`. */
export interface CheckOptions {
  release?: string;
  /** One of the choices, default `info`. */
  minSeverity: Severity;
}

export function defineCheck(program: Command, run: Run): Command {
  return program
    .command('check')
    .description('every policy rule (cut-offs, TAD, costs, notices, go-live criteria…): errors, warnings and infos, by release')
    .option('--release <id>', 'only findings about this release, e.g. 2020-06')
    .addOption(
      new Option('--min-severity <level>', 'leave out findings below this severity').choices(['error', 'warning', 'info'] satisfies Severity[]).default('info'),
    )
    .addHelpText(
      'after',
      examples([
        'secrel check',
        'secrel check --release 2020-06 --as-of 2020-01-17',
        'secrel check --min-severity warning',
        'secrel check --format github   # annotations in a pull request',
        'secrel check --format json',
      ]) +
        `
Deadlines (TAD, notices, evidence, cost reports) count from --as-of: a date
recorded late is an error, a deadline passed with nothing recorded is an error,
one due within 30 days and not yet recorded is a warning. Exit 1 when there is
any error.
`,
    )
    .action((opts: CheckOptions, cmd: Command) => run(cmd, () => import('../actions/check.js'), opts, FINDINGS_FORMATS, true));
}
