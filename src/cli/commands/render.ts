// `secrel render`: the RID and the notices from templates, into the output folder (or --check them).
import { Option, type Command } from 'commander';
import { ALL_TARGETS, TARGETS } from '../../render/targets.js';
import type { IsoDate } from '../../domain/dates.js';
import { dateArg } from '../context.js';
import { examples, type Run } from '../program.js';

/** `secrel render [TARGET] …`: the target is checked by the action (its message lists the targets). */
export interface RenderOptions {
  target: string;
  release?: string;
  out?: string;
  meeting?: IsoDate;
  docx?: boolean;
  pdf?: boolean;
  check?: boolean;
}

export function defineRender(program: Command, run: Run): Command {
  const targets = [...TARGETS.map((t) => t.name), ALL_TARGETS];
  return program
    .command('render')
    .description('generate the documents (RID, notices) from the data and templates; --check tells whether they are up to date')
    .argument('[target]', `what to render: ${targets.join(', ')}`, ALL_TARGETS)
    .option('--release <id>', 'render this release only (default: every release that has a file, except cancelled ones)')
    .option('--out <dir>', 'write here instead of the configured output folder (config `output`, default out/)')
    .addOption(
      new Option('--meeting <date>', 'render paper: the Panel meeting the paper is for, YYYY-MM-DD (the paper is dated --as-of, default today)').argParser(
        dateArg('--meeting', '2020-01-17'),
      ),
    )
    .option(
      '--docx',
      'also write each RID and notice as a Word document beside its Markdown (rid/<release>.docx); once written, every render keeps it up to date',
    )
    .option('--pdf', 'also print each RID, notice and paper to PDF with Chromium beside its HTML (rid/<release>.pdf); never compared by --check')
    .option('--check', 'write nothing; list files that are stale or missing and exit 1 when there are any (for CI)')
    .addHelpText(
      'after',
      `\nTargets:\n${TARGETS.map((t) => `  ${t.name.padEnd(9)}${t.summary}`).join('\n')}\n  ${ALL_TARGETS.padEnd(9)}all of them\n` +
        '\nTemplates: put a file with the same name as a built-in one (rid.md.hbs, partials/rid-costs.md.hbs …) in the\n' +
        'folder config `templates` names (default templates/) to replace just that template.\n' +
        examples([
          'secrel render rid --release 2020-06',
          'secrel render --check            # in CI: exit 1 when the committed documents are out of date',
          'secrel render notices --out /tmp/notices',
          'secrel render rid --release 2020-06 --docx   # rid/2020-06.md, .html and .docx',
          'secrel render rid --release 2020-06 --pdf    # and rid/2020-06.pdf (needs Chromium)',
          'secrel render paper --release 2020-06 --meeting 2020-01-17 --as-of 2020-01-10',
        ]),
    )
    .action((target: string, opts: Omit<RenderOptions, 'target'>, cmd: Command) => run(cmd, () => import('../actions/render.js'), { ...opts, target }));
}
