// `secrel rid bump` and `secrel rid baseline`: the RID version record of each release (RID-1, RID-2).
import { Option, type Command } from 'commander';
import type { IsoDate } from '../../domain/dates.js';
import type { BaselineCoverage } from '../../domain/model.js';
import { dateArg } from '../context.js';
import { examples, type Run } from '../program.js';

/** `secrel rid bump [--since REF] [--release ID] [--dry-run]`. */
export interface RidBumpOptions {
  since?: string;
  release?: string;
  dryRun?: boolean;
}

/** `secrel rid baseline ID --date D [--covers systems|all]`. */
export interface RidBaselineOptions {
  id: string;
  date: IsoDate;
  covers?: BaselineCoverage;
}

export function defineRid(program: Command, run: Run): Command {
  const rid = program
    .command('rid')
    .description('the Release Implementation Document version: bump it when scope or content changed, record a baseline')
    .addHelpText(
      'after',
      examples([
        'secrel rid bump --dry-run',
        'secrel rid bump --since HEAD~1            # in CI on every merge to main',
        'secrel rid baseline 2020-06 --date 2019-10-11 --covers systems',
      ]),
    );

  rid
    .command('bump')
    .description(
      'apply RID-1 to every release: next integer version when the baselined scope changed, next minor version for any other change, nothing when nothing changed',
    )
    .option('--since <ref>', 'describe the changes against this git revision (status, dates, costs); the versions do not depend on it')
    .option('--release <id>', 'this release only; also starts the RID (0.1) of a release that has none')
    .option('--dry-run', 'print what would change and write nothing')
    .addHelpText(
      'after',
      examples([
        'secrel rid bump',
        'secrel rid bump --since HEAD~1 --as-of 2020-01-10',
        'secrel rid bump --release 2021-06        # first draft, 0.1',
        'secrel rid bump --dry-run --format json',
        'secrel rid bump --dry-run --format markdown   # for a job summary or a pull-request comment',
      ]) +
        `
A release whose file has no rid block is left alone until --release names it.
Each bump records what the version was computed from (rid.computedFrom), so running
it again, or on every merge, bumps once per change. History entries are dated --as-of
(default: today in the UK).
`,
    )
    .action((opts: RidBumpOptions, cmd: Command) => run(cmd, () => import('../actions/rid-bump.js'), opts, ['text', 'json', 'markdown']));

  rid
    .command('baseline')
    .description("record the Panel's baseline: a draft 0.x becomes 1.0; a later baseline records the current version and its scope")
    .argument('<id>', 'the release, e.g. 2020-06')
    .addOption(new Option('--date <date>', 'the Panel meeting that baselined it, YYYY-MM-DD').argParser(dateArg('--date', '2019-10-11')).makeOptionMandatory())
    .addOption(
      new Option(
        '--covers <part>',
        'what the baseline covers: the systems scope (12 months out) or all of it (6 months out); default: systems for the first baseline of a System Release, else all',
      ).choices(['systems', 'all'] satisfies BaselineCoverage[]),
    )
    .addHelpText(
      'after',
      examples(['secrel rid baseline 2020-06 --date 2019-10-11 --covers systems', 'secrel rid baseline 2020-06 --date 2020-01-17 --covers all']),
    )
    .action((id: string, opts: Omit<RidBaselineOptions, 'id'>, cmd: Command) =>
      run(cmd, () => import('../actions/rid-baseline.js'), { ...opts, id }, ['text', 'json']),
    );

  return rid;
}
