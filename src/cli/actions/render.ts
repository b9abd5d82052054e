// Runs `secrel render`: load the repository, build the view models, render the templates (the user's
// overrides first), then write only the files that changed, or with --check say which are out of date.
import { basename, resolve } from 'node:path';
import { releaseView, type ReleaseView } from '../../domain/releases.js';
import type { SecrelConfig } from '../../domain/model.js';
import { scopeByRelease } from '../../domain/scope.js';
import { UsageError } from '../../repo/errors.js';
import { folderInRepository } from '../../repo/inside.js';
import { loadRepository, type Repository } from '../../repo/load.js';
import { firstParentCommits, gitRoot } from '../../repo/git.js';
import { revisionSource } from '../../repo/source.js';
import { isValidIsoDate } from '../../domain/dates.js';
import type { RepoModel } from '../../domain/repository.js';
import { createEngine, TemplateError, type Engine } from '../../render/engine.js';
import { syncOutputs, writeUncompared, type OutputResult } from '../../render/output.js';
import { readOverrides } from '../../render/overrides.js';
import { ALL_TARGETS, findTargets, TARGETS, type OutputFile, type TargetEntry } from '../../render/targets.js';
import { dateOption, type Context } from '../context.js';
import { withWriteLock } from '../lock.js';
import { openRepository } from '../open.js';
import { releaseOption } from '../release-option.js';
import { printFindings } from '../print.js';
import { escapeData, escapeProperty } from '../report/escape.js';
import { plural } from '../report/findings.js';

export async function action(ctx: Context, args: Record<string, unknown>): Promise<number> {
  const targetName = typeof args.target === 'string' ? args.target : ALL_TARGETS;
  const targets = findTargets(targetName);
  if (!targets) throw new UsageError(`there is no render target "${targetName}"`, `use one of: ${[...TARGETS.map((t) => t.name), ALL_TARGETS].join(', ')}`);
  const check = args.check === true;
  // --check writes nothing; a render reads and writes holding the repository's lock.
  return check ? render(ctx, targets, args, check) : withWriteLock(ctx, 'render', () => render(ctx, targets, args, check));
}

async function render(ctx: Context, targets: NonNullable<ReturnType<typeof findTargets>>, args: Record<string, unknown>, check: boolean): Promise<number> {
  const repo = await openRepository(ctx);
  if (repo.findings.some((f) => f.severity === 'error')) {
    await printFindings(ctx, repo, repo.findings, { checked: repo.files.length });
    ctx.io.stderr('secrel: nothing rendered: fix the errors above first (documents made from files that do not load would leave things out)\n');
    return 1;
  }
  const meeting = paperOptions(targets.map((t) => t.name), args);
  const releases = selectReleases(repo, typeof args.release === 'string' ? args.release : undefined);
  const options = { releases, meeting, ...(typeof args.release === 'string' ? { release: args.release } : {}) };
  let results: OutputResult[];
  let outDir: string;
  try {
    if (args.pdf === true) {
      // Chromium prints every document before anything is written, so that a missing Chromium leaves the output folder as it was.
      const files: OutputFile[] = await renderDocuments(ctx, repo, targets, options);
      if (args.docx === true) files.push(...await (await import('../../render/docx/outputs.js')).docxOutputs(files));
      const pdfs = await printPdfs(ctx, repo, files, check);
      outDir = await outputFolder(ctx, repo, args);
      results = await syncOutputs(outDir, files, { check, targets: targets.map((t) => t.name), complete: typeof args.release !== 'string' });
      results.push(...await writeUncompared(outDir, pdfs));
    } else {
      // Each document is written (to its temporary file) as soon as it is made, and not kept: see syncOutputs.
      const documents = renderStream(ctx, repo, targets, options);
      const files = args.docx === true ? withDocx(documents) : documents;
      // A folder that may not be written is reported after the documents render, as a broken template comes first.
      outDir = await outputFolder(ctx, repo, args).catch(async (err: unknown) => {
        for await (const _ of files);
        throw err;
      });
      results = await syncOutputs(outDir, files, { check, targets: targets.map((t) => t.name), complete: typeof args.release !== 'string' });
    }
  } catch (err) {
    // A broken template (often the user's override) is a problem in the user's data: exit 1, say where.
    if (err instanceof TemplateError) {
      ctx.io.stderr(`secrel: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  return report(ctx, repo.root, outDir, results, check);
}

/** --out may name any folder (the user typed it); the config's output folder must be in the repository. */
function outputFolder(ctx: Context, repo: Repository, args: Record<string, unknown>): Promise<string> {
  return typeof args.out === 'string' ? Promise.resolve(resolve(ctx.io.cwd, args.out)) : configuredFolder(repo, 'output', 'write to');
}

/** `--docx`: after each Markdown document that says what it is, its Word document. */
async function* withDocx(files: AsyncIterable<OutputFile & { target: string }>): AsyncGenerator<OutputFile & { target: string }> {
  const { docxOutputs } = await import('../../render/docx/outputs.js');
  for await (const f of files) {
    yield f;
    for (const d of await docxOutputs([f])) yield { ...d, target: f.target };
  }
}

/**
 * The documents of `targets`, rendered in memory from `repo` with the templates of the work tree (the
 * user's overrides first): nothing is written. Throws TemplateError for a broken template.
 */
export async function renderDocuments(ctx: Context, repo: Repository, targets: readonly TargetEntry[], o: RenderOptions = {}): Promise<(OutputFile & { target: string })[]> {
  const out: (OutputFile & { target: string })[] = [];
  for await (const f of renderStream(ctx, repo, targets, o)) out.push(f);
  return out;
}

interface RenderOptions { releases?: ReleaseView[]; release?: string; meeting?: string | undefined; quiet?: boolean }

/** renderDocuments one document at a time, each made when asked for, target after target. */
async function* renderStream(ctx: Context, repo: Repository, targets: readonly TargetEntry[], o: RenderOptions = {}): AsyncGenerator<OutputFile & { target: string }> {
  const releases = o.releases ?? selectReleases(repo, undefined);
  const engine = await templateEngine(ctx, repo);
  for (const file of o.quiet ? [] : engine.unused) {
    ctx.io.stderr(`secrel: warning: ${file} has the name of no built-in template and is not under partials/, so nothing uses it\n  run \`secrel render --help\` for the template names\n`);
  }
  const loaded = await Promise.all(targets.map((t) => t.load()));
  const documentTitles = (repo.configFile?.data as SecrelConfig | undefined)?.documentTitles ?? {};
  const meeting = o.meeting;
  const noticeSnapshots = targets.some((t) => t.name === 'notices') ? await snapshotsForNotices(repo) : new Map<string, RepoModel>();
  for (const [i, t] of loaded.entries()) {
    const target = targets[i]!.name;
    for await (const f of t.render({ model: repo, releases, noticeSnapshots, ...(o.release !== undefined ? { release: o.release } : {}), documentTitles, engine, meeting, asOf: ctx.asOf, repositoryName: basename(repo.root) })) yield { ...f, target };
  }
}

/** The template engine: the built-in templates, under the user's overrides in the configured folder. */
async function templateEngine(ctx: Context, repo: Repository): Promise<Engine> {
  const templates = await configuredFolder(repo, 'templates', 'read templates from');
  return createEngine(await readOverrides(templates, (file) => ctx.displayPath(repo.root, file)));
}

/** `--pdf`: each document printed by Chromium; never with --check (a PDF's bytes change on every print). */
async function printPdfs(ctx: Context, repo: Repository, files: readonly OutputFile[], check: boolean): Promise<OutputFile[]> {
  if (check) throw new UsageError('--check does not compare PDFs: a PDF carries the time it was printed, so it differs on every run', 'leave out --pdf when checking; `secrel render --pdf` writes the PDFs');
  const { pdfJobs, pdfOutputs } = await import('../../render/pdf/outputs.js');
  return pdfOutputs(pdfJobs(files, await templateEngine(ctx, repo)), ctx.io.env);
}

/** `render paper` needs `--release` and `--meeting`; no other target takes `--meeting`. */
function paperOptions(targets: readonly string[], args: Record<string, unknown>): string | undefined {
  const meeting = typeof args.meeting === 'string' ? dateOption('--meeting', args.meeting, '2020-01-17') : undefined;
  if (!targets.includes('paper')) {
    if (meeting !== undefined) throw new UsageError('--meeting is for `secrel render paper`', 'leave it out, or run `secrel render paper --release ID --meeting D`');
    return undefined;
  }
  if (meeting === undefined || typeof args.release !== 'string') {
    throw new UsageError('`secrel render paper` needs the release whose RID the Panel is asked to baseline and the meeting date', 'for example: secrel render paper --release 2020-06 --meeting 2020-01-17 --as-of 2020-01-10');
  }
  return meeting;
}

/** A folder the config names, refused when it leads outside the repository (the schema refuses `..`). */
export async function configuredFolder(repo: Repository, key: 'templates' | 'output', verb: string): Promise<string> {
  const { path, problem } = await folderInRepository(repo.root, repo.config[key]);
  if (problem) {
    throw new UsageError(`secrel.config.yaml \`${key}\`: ${problem}; secrel does not ${verb} a folder outside the repository`,
      key === 'output' ? 'render elsewhere with --out DIR (a folder given on the command line may be anywhere), or fix the config' : 'keep the templates in a folder inside the repository');
  }
  return path;
}

/** One release when asked; else every release with a file that is not cancelled, in go-live order. */
function selectReleases(repo: Repository, id: string | undefined): ReleaseView[] {
  if (id !== undefined) {
    const view = releaseView(repo, releaseOption(repo, id).id);
    if (!view) throw new Error(`release ${id} was found but has no view`);
    return [view];
  }
  const scope = scopeByRelease(repo); // once, not once per release
  return repo.releases
    .map((r) => releaseView(repo, r.id, scope))
    .filter((v): v is ReleaseView => v !== undefined && v.planned.cancelled !== true)
    .sort((a, b) => (a.planned.date < b.planned.date ? -1 : a.planned.date > b.planned.date ? 1 : a.planned.id < b.planned.id ? -1 : 1));
}

/** Results that are files to remove, not to write. */
const GONE: ReadonlySet<OutputResult['state']> = new Set(['obsolete', 'leftover']);

function report(ctx: Context, root: string, outDir: string, results: readonly OutputResult[], check: boolean): number {
  const show = (file: string) => ctx.displayPath(root, file);
  const outOfDate = results.filter((r) => r.state !== 'unchanged');
  if (ctx.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({
      outDir: show(outDir),
      check,
      files: results.map((r) => ({ path: show(r.file), state: r.state, written: r.written && !GONE.has(r.state), ...(GONE.has(r.state) ? { removed: r.written } : {}) })),
      outOfDate: outOfDate.length,
    }, null, 2)}\n`);
  } else if (ctx.format === 'github' && check) {
    for (const r of outOfDate) {
      ctx.io.stdout(`::error file=${escapeProperty(show(r.file))},title=${escapeProperty('secrel render')}::${escapeData(`${show(r.file)} is ${r.state}: run secrel render and commit the result`)}\n`);
    }
  } else {
    const { chalk } = ctx;
    for (const r of outOfDate) {
      const label = check ? chalk.red(r.state.padEnd(7)) : GONE.has(r.state) ? chalk.yellow('removed') : chalk.green('wrote  ');
      ctx.io.stdout(`${label} ${show(r.file)}${r.state === 'leftover' ? ' (a temporary file an interrupted write left)' : r.state === 'obsolete' ? ' (rendered before, nothing renders it now)' : ''}\n`);
    }
    const where = show(outDir) || '.';
    const removed = results.filter((r) => GONE.has(r.state)).length;
    const rendered = results.length - removed;
    if (!check) {
      ctx.io.stdout(`${plural(rendered, 'file')} in ${where}: ${outOfDate.length - removed} written, ${rendered - outOfDate.length + removed} unchanged${removed ? `, ${removed} removed` : ''}\n`);
    } else if (outOfDate.length === 0) {
      ctx.io.stdout(chalk.green(`${plural(rendered, 'file')} in ${where} up to date\n`));
    } else {
      const what = removed ? `${outOfDate.length - removed} of ${plural(rendered, 'file')} in ${where} stale or missing, ${removed} to remove` : `${outOfDate.length} of ${plural(rendered, 'file')} in ${where} stale or missing`;
      ctx.io.stdout(chalk.red.bold(`${what}: run \`secrel render\` and commit the result\n`));
    }
  }
  return check && outOfDate.length > 0 ? 1 : 0;
}

/**
 * COM-5: for each recorded notice issue date, the repository at the last commit (on HEAD's first-parent line)
 * committed on or before that day. No git, no such commit, or a snapshot that does not load cleanly: no entry,
 * and the notice is rendered from what the data records about that day.
 */
async function snapshotsForNotices(repo: Repository): Promise<Map<string, RepoModel>> {
  const dates = new Set<string>();
  for (const r of repo.releases) for (const d of Object.values(r.data.notices ?? {})) if (isValidIsoDate(d)) dates.add(d);
  for (const m of repo.modifications) if (isValidIsoDate(m.data.notices?.approval)) dates.add(m.data.notices.approval);
  const out = new Map<string, RepoModel>();
  if (dates.size === 0 || !(await gitRoot(repo.root))) return out;
  const commits = await firstParentCommits(repo.root);
  const loaded = new Map<string, Repository | undefined>();
  for (const date of [...dates].sort()) {
    const commit = commits.find((c) => c.date <= date)?.commit;
    if (!commit) continue;
    if (!loaded.has(commit)) {
      const then = await loadRepository(repo.root, await revisionSource(repo.root, commit));
      loaded.set(commit, then.findings.some((f) => f.severity === 'error') ? undefined : then);
    }
    const then = loaded.get(commit);
    if (then) out.set(date, then);
  }
  return out;
}
