// Runs `secrel render`: load the repository, build the view models, render the templates (the user's
// overrides first), then write only the files that changed, or with --check say which are out of date.
import { resolve } from 'node:path';
import { UsageError } from '../../repo/errors.js';
import { releaseTexts, type Repository } from '../../repo/load.js';
import { TemplateError } from '../../render/engine.js';
import { syncOutputs, writeUncompared, type OutputResult } from '../../render/output.js';
import { withWordDocuments } from '../../render/word-documents.js';
import { ALL_TARGETS, findTargets, TARGETS, type OutputFile } from '../../render/targets.js';
import type { RenderOptions } from '../commands/render.js';
import type { Context } from '../context.js';
import { configuredFolder, documentStream, renderDocuments, selectReleases, templateEngine } from '../documents.js';
import { withWriteLock } from '../lock.js';
import { openRepository } from '../open.js';
import { printFindings } from '../print.js';
import { escapeData, escapeProperty } from '../report/escape.js';
import { plural } from '../report/findings.js';
import { withTighterHeapGrowth } from '../heap-growth.js';
import { checkPaperRequest } from '../paper-request.js';
import { outFolder } from '../out-folder.js';
import { isRecordedAfter } from '../../domain/recorded-after.js';

export async function action(ctx: Context, opts: RenderOptions): Promise<number> {
  const targets = findTargets(opts.target);
  if (!targets) throw new UsageError(`there is no render target "${opts.target}"`, `use one of: ${[...TARGETS.map((t) => t.name), ALL_TARGETS].join(', ')}`);
  const check = opts.check === true;
  const out = opts.out === undefined ? undefined : outFolder(ctx.io.cwd, opts.out);
  // --check writes nothing; a render reads and writes holding the repository's lock (or, with --out outside
  // a repository that may not be written, the lock of that folder, all it writes).
  if (check) return render(ctx, targets, opts, check);
  return withWriteLock(ctx, 'render', () => render(ctx, targets, opts, check), {
    ...(out !== undefined ? { only: out } : {}),
    readOnlyHint: 'or, to render from a read-only repository, write the documents outside it with --out DIR',
  });
}

async function render(ctx: Context, targets: NonNullable<ReturnType<typeof findTargets>>, opts: RenderOptions, check: boolean): Promise<number> {
  const repo = await openRepository(ctx);
  // A date recorded after today (or --as-of) is a slip to correct, not data that breaks a document: said, not blocking.
  if (repo.findings.some((f) => f.severity === 'error' && !isRecordedAfter(f))) {
    await printFindings(ctx, repo, repo.findings, { checked: repo.files.length });
    ctx.io.stderr(
      `secrel: nothing ${check ? 'checked' : 'rendered'}: fix the errors above first (${loadErrors(repo) ? 'documents made from files that do not load would leave things out' : 'documents made from data with broken references would say wrong things'})\n`,
    );
    return 1;
  }
  const ahead = repo.findings.filter(isRecordedAfter).length;
  if (ahead > 0)
    ctx.io.stderr(
      `secrel: warning: ${plural(ahead, 'date')} ${ahead === 1 ? 'records' : 'record'} something done after ${ctx.asOf > ctx.today ? '--as-of' : 'today'} (REF); ` +
        'the documents show what is recorded: correct the dates before they go out (`secrel check` lists them)\n',
    );
  // Nothing is placed from here on: the documents are made from the model alone.
  releaseTexts(repo);
  const meeting = paperOptions(
    targets.map((t) => t.name),
    opts,
  );
  const releases = selectReleases(repo, opts.release);
  if (meeting !== undefined) checkPaperRequest(ctx, repo, releases[0]!, meeting);
  const options = { releases, meeting, ...(opts.release !== undefined ? { release: opts.release } : {}) };
  // --out may name any folder (the user typed it); the config's output folder must be in the repository.
  const outputFolder = () => (opts.out !== undefined ? Promise.resolve(resolve(ctx.io.cwd, opts.out)) : configuredFolder(repo, 'output', 'write to'));
  const sync = { check, targets: targets.map((t) => t.name), complete: opts.release === undefined };
  // Word documents: every one with --docx, else those secrel wrote here before (see word-documents.ts).
  const docx = opts.docx === true;
  let outDir: string;
  let results: OutputResult[];
  try {
    if (opts.pdf) {
      const documents = await renderDocuments(ctx, repo, targets, options);
      const folder = outputFolder();
      const files: OutputFile[] = [];
      for await (const f of withWordDocuments(documents, folder, docx)) files.push(f);
      // Printed before anything is written, so that a missing Chromium leaves the output folder as it was.
      const pdfs = await printPdfs(ctx, repo, files, check);
      outDir = await folder;
      results = await syncOutputs(outDir, files, sync);
      results.push(...(await writeUncompared(outDir, pdfs)));
    } else {
      // Each document goes to its temporary file as soon as it is made, and is not kept: see syncOutputs.
      const folder = outputFolder();
      const withWord = withWordDocuments(documentStream(ctx, repo, targets, options), folder, docx);
      // A site's thousands of pages: see heap-growth.ts.
      const files = targets.some((t) => t.name === 'site') ? withTighterHeapGrowth(withWord) : withWord;
      // A folder that may not be written is reported after the documents render: a broken template comes first.
      outDir = await folder.catch(async (err: unknown) => {
        for await (const _ of files);
        throw err;
      });
      results = await syncOutputs(outDir, files, sync);
    }
  } catch (err) {
    // A broken template (often the user's override) is a problem in the user's data: exit 1, say where.
    if (err instanceof TemplateError) {
      ctx.io.stderr(`secrel: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  return report(ctx, repo.root, outDir, results, check, fixCommand(ctx, opts));
}

/** `--pdf`: each document printed by Chromium; never with --check (a PDF's bytes change on every print). */
async function printPdfs(ctx: Context, repo: Repository, files: readonly OutputFile[], check: boolean): Promise<OutputFile[]> {
  if (check)
    throw new UsageError(
      '--check does not compare PDFs: a PDF carries the time it was printed, so it differs on every run',
      'leave out --pdf when checking; `secrel render --pdf` writes the PDFs',
    );
  const { pdfJobs, pdfOutputs } = await import('../../render/pdf/outputs.js');
  return pdfOutputs(pdfJobs(files, await templateEngine(ctx, repo)), ctx.io.env);
}

/** `render paper` needs `--release` and `--meeting`; no other target takes `--meeting`. */
function paperOptions(targets: readonly string[], { meeting, release }: RenderOptions): string | undefined {
  if (!targets.includes('paper')) {
    if (meeting !== undefined)
      throw new UsageError('--meeting is for `secrel render paper`', 'leave it out, or run `secrel render paper --release ID --meeting D`');
    return undefined;
  }
  if (meeting === undefined || release === undefined) {
    throw new UsageError(
      '`secrel render paper` needs the release whose RID the Panel is asked to baseline and the meeting date',
      'for example: secrel render paper --release 2020-06 --meeting 2020-01-17 --as-of 2020-01-10',
    );
  }
  return meeting;
}

/** Results that are files to remove, not to write. */
const GONE: ReadonlySet<OutputResult['state']> = new Set(['obsolete', 'leftover']);

/**
 * The render that writes what `--check` lists: the same command without --check, with the --repo and
 * --as-of it was given (a render without --docx also rewrites the Word documents it wrote before).
 */
function fixCommand(ctx: Context, { target, release, meeting, out, docx }: RenderOptions): string {
  const quote = (s: string) => (/^[\w./:@+=-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const words = ['secrel', 'render', ...(target !== ALL_TARGETS ? [target] : [])];
  if (release !== undefined) words.push('--release', quote(release));
  if (meeting !== undefined) words.push('--meeting', meeting);
  if (out !== undefined) words.push('--out', quote(out));
  if (docx === true) words.push('--docx');
  if (ctx.repoOption !== undefined) words.push('--repo', quote(ctx.repoOption));
  if (ctx.asOf !== ctx.today) words.push('--as-of', ctx.asOf);
  return words.join(' ');
}

function report(ctx: Context, root: string, outDir: string, results: readonly OutputResult[], check: boolean, fix: string): number {
  const show = (file: string) => ctx.displayPath(root, file);
  const outOfDate = results.filter((r) => r.state !== 'unchanged');
  if (ctx.format === 'json') {
    ctx.io.stdout(
      `${JSON.stringify(
        {
          outDir: show(outDir),
          check,
          files: results.map((r) => ({
            path: show(r.file),
            state: r.state,
            written: r.written && !GONE.has(r.state),
            ...(GONE.has(r.state) ? { removed: r.written } : {}),
          })),
          outOfDate: outOfDate.length,
        },
        null,
        2,
      )}\n`,
    );
  } else if (ctx.format === 'github' && check) {
    for (const r of outOfDate) {
      ctx.io.stdout(
        `::error file=${escapeProperty(show(r.file))},title=${escapeProperty('secrel render')}::${escapeData(`${show(r.file)} is ${r.state}: run ${fix} and commit the result`)}\n`,
      );
    }
  } else {
    const { chalk } = ctx;
    for (const r of outOfDate) {
      const label = check ? chalk.red(r.state.padEnd(7)) : GONE.has(r.state) ? chalk.yellow('removed') : chalk.green('wrote  ');
      ctx.io.stdout(
        `${label} ${show(r.file)}${r.state === 'leftover' ? ' (a temporary file an interrupted write left)' : r.state === 'obsolete' ? ' (rendered before, nothing renders it now)' : ''}\n`,
      );
    }
    const where = show(outDir) || '.';
    const removed = results.filter((r) => GONE.has(r.state)).length;
    const rendered = results.length - removed;
    if (!check) {
      ctx.io.stdout(
        `${plural(rendered, 'file')} in ${where}: ${outOfDate.length - removed} written, ${rendered - outOfDate.length + removed} unchanged${removed ? `, ${removed} removed` : ''}\n`,
      );
    } else if (outOfDate.length === 0) {
      ctx.io.stdout(chalk.green(`${plural(rendered, 'file')} in ${where} up to date\n`));
    } else {
      const what = removed
        ? `${outOfDate.length - removed} of ${plural(rendered, 'file')} in ${where} stale or missing, ${removed} to remove`
        : `${outOfDate.length} of ${plural(rendered, 'file')} in ${where} stale or missing`;
      ctx.io.stdout(chalk.red.bold(`${what}: run \`${fix}\` and commit the result\n`));
    }
  }
  return check && outOfDate.length > 0 ? 1 : 0;
}

/** Whether any error is a file that does not load (YAML or schema), rather than a reference between files. */
function loadErrors(repo: { findings: readonly { severity: string; rule: string }[] }): boolean {
  return repo.findings.some((f) => f.severity === 'error' && (f.rule === 'YAML' || f.rule === 'SCHEMA'));
}
