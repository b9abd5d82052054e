// `secrel validate`: schema, YAML and reference checks (and RID-2), for the pre-commit hook and CI.
import type { Command } from 'commander';
import { FINDINGS_FORMATS } from '../context.js';
import { examples, type Run } from '../program.js';

/** `secrel validate [files...] [--staged]`. */
export interface ValidateOptions {
  files: string[];
  staged?: boolean;
}

export function defineValidate(program: Command, run: Run): Command {
  return program
    .command('validate')
    .description('check files against the schemas and references (and RID-2); fast enough for a pre-commit hook')
    .argument('[files...]', 'report on these files only (references still resolve against the whole repository)')
    .option('--staged', 'read the git index (what the next commit will contain) instead of the work tree')
    .addHelpText(
      'after',
      examples([
        'secrel validate',
        'secrel validate modifications/MP079.yaml releases/2020-06.yaml',
        'secrel validate --staged',
        'secrel validate --format github   # annotations in a pull request',
      ]),
    )
    .action((files: string[], opts: Omit<ValidateOptions, 'files'>, cmd: Command) =>
      run(cmd, () => import('../actions/validate.js'), { ...opts, files }, FINDINGS_FORMATS, files.length === 0),
    );
}
