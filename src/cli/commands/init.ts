// `secrel init`: a new release repository that validates at once, with editor, pre-commit and CI set-up.
import type { Command } from 'commander';
import { examples, type Run } from '../program.js';

/** `secrel init [DIR] [--code C] [--secrel-repo URL]`. */
export interface InitOptions {
  dir?: string;
  code?: string;
  secrelRepo?: string;
}

export function defineInit(program: Command, run: Run): Command {
  return program
    .command('init')
    .description('create a new release repository: config, an example release and modification, schemas for editors, pre-commit and CI')
    .argument('[dir]', 'the folder to create it in (made if missing; default: the current folder)')
    .option('--secrel-repo <url>', "secrel's git URL, for the pre-commit `repo:` and the workflow (secrel is not on the npm registry)")
    .option('--code <code>', 'the energy code the repository is for: sec (default), bsc, dcusa, unc or rec')
    .addHelpText(
      'after',
      examples([
        'secrel init sec-releases && cd sec-releases && git init && secrel validate && secrel plan',
        'secrel init                          # in the current folder',
        'secrel init --as-of 2020-01-17 demo  # the example release as of that day',
        'secrel init --code dcusa dcusa-releases   # a DCUSA repository: its cycle, ids and names',
        'secrel init --secrel-repo https://git.example.org/tools/secrel.git sec-releases',
      ]) +
        '\nThe example release is the first scheduled one whose milestones are all still ahead, and the\n' +
        'example modification targets it, so `secrel validate` and `secrel plan` are clean from the start.\n' +
        'Nothing is overwritten: if any of the files exists, init names them and writes nothing (exit 2).\n',
    )
    .action((dir: string | undefined, opts: Omit<InitOptions, 'dir'>, cmd: Command) =>
      run(cmd, () => import('../actions/init.js'), { ...opts, ...(dir !== undefined ? { dir } : {}) }, ['text', 'json']),
    );
}
