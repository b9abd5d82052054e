// `secrel diff`: release status, go-live, RID, baselines, notices, scope and cost changes between two revisions (or a revision and the work tree).
import type { Command } from 'commander';
import { examples, type Run } from '../program.js';

/** `secrel diff REF [REF2]`: no REF2 is the work tree. */
export interface DiffOptions {
  from: string;
  to?: string;
}

export function defineDiff(program: Command, run: Run): Command {
  return program
    .command('diff')
    .description(
      'per release between two git revisions: its status (a cancellation first), go-live date, RID version, baselines and notices issued, then scope, status, date and cost changes',
    )
    .argument('<ref>', 'the earlier revision (branch, tag or commit)')
    .argument('[ref2]', 'the later revision (default: the work tree)')
    .addHelpText(
      'after',
      examples([
        'secrel diff HEAD~1                 # what the last commit or merge changed',
        "secrel diff main                   # this branch's changes against main",
        'secrel diff v2020.01 v2020.02 --format json',
        'secrel diff origin/main --format markdown   # for a job summary or a pull-request comment',
      ]) +
        `
In a shallow clone (CI), fetch the history first (actions/checkout: fetch-depth: 0).
`,
    )
    .action((ref: string, ref2: string | undefined, _opts: unknown, cmd: Command) =>
      run(cmd, () => import('../actions/diff.js'), { from: ref, ...(ref2 !== undefined ? { to: ref2 } : {}) }, ['text', 'json', 'markdown']),
    );
}
