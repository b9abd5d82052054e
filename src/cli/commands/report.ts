// `secrel report pr`: the pull-request comment a reviewer needs, assembled from diff, rid bump, check and render.
import type { Command } from 'commander';
import { examples, type Run } from '../program.js';

/** `secrel report pr --base REF`. */
export interface ReportPrOptions {
  base: string;
}

export function defineReport(program: Command, run: Run): Command {
  const report = program
    .command('report')
    .description('reports that combine several commands, for people reviewing a change')
    .addHelpText('after', examples(['secrel report pr --base origin/main']));

  report
    .command('pr')
    .description(
      "a pull request's review comment: scope changes per release, the RID versions they make, new findings against the base, the documents that change",
    )
    .requiredOption('--base <ref>', 'the revision the pull request merges into (branch, tag or commit), e.g. origin/main')
    .addHelpText(
      'after',
      examples([
        'secrel report pr --base origin/main > comment.md',
        'secrel report pr --base main --as-of 2020-01-17',
        'secrel report pr --base origin/main --format json',
      ]) +
        `
Compares the work tree (the pull request) with --base, both as of --as-of:
  - scope, status, date and cost changes per release (as secrel diff BASE);
  - RID versions: at the base, on the branch, and what secrel rid bump would
    make of the branch (as secrel rid bump --dry-run);
  - findings on the branch that the base did not have (matched by rule, file,
    field and message, so a finding that only moved lines is not new), and how
    many the branch resolves;
  - documents (secrel render: RID, notices, site) whose content differs between
    the base and the branch, rendered in memory with the branch's templates, and
    whether the committed output folder is up to date (as secrel render --check).
Nothing is written. Markdown (for a comment or a job summary; --format text gives
the same), or --format json for programs. Exit 1 when the branch adds an error, else 0 (errors the base
already had do not fail it: secrel check gates those); 2 on bad usage.
In a shallow clone (CI), fetch the history first (actions/checkout: fetch-depth: 0).
`,
    )
    .action((opts: ReportPrOptions, cmd: Command) => run(cmd, () => import('../actions/report-pr.js'), opts, ['text', 'markdown', 'json']));
  return report;
}
