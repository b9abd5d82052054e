// Runs `secrel report pr --base REF`: the work tree (the pull request) against the base revision, both as
// of --as-of: what `diff` says changed, the RID versions (as `rid bump --dry-run` computes them), the
// findings the branch adds, and the documents whose rendering differs. Writes nothing.
import { existsSync } from 'node:fs';
import { compareFindings, summarise, type Finding } from '../../domain/findings.js';
import { lostRecords, type EarlierFile } from '../../domain/kept-records.js';
import { ridChanges } from '../../domain/rid-changes.js';
import { ridDetails } from '../../domain/rid-details.js';
import { everyFinding } from '../../domain/every-finding.js';
import { diffRepositories } from '../../domain/scope-diff.js';
import { findRepository } from '../../repo/discover.js';
import { verifyRevision } from '../../repo/git.js';
import type { Repository } from '../../repo/load.js';
import { TemplateError } from '../../render/engine.js';
import { syncOutputs } from '../../render/output.js';
import { contentBytes } from '../../render/content.js';
import { withWordDocuments } from '../../render/word-documents.js';
import { ALL_TARGETS, findTargets, type OutputFile } from '../../render/targets.js';
import type { ReportPrOptions } from '../commands/report.js';
import type { Context } from '../context.js';
import { configuredFolder, renderDocuments } from '../documents.js';
import { openRepository } from '../open.js';
import { place, warnUnreadable } from '../print.js';
import { formatPrJson } from '../report/pr-json.js';
import { formatPrMarkdown, type DocumentChange, type PrReport } from '../report/pr-markdown.js';
import { ridOutcomes } from '../rid-versions.js';

export async function action(ctx: Context, { base }: ReportPrOptions): Promise<number> {
  const root = await findRepository(ctx.io.cwd, ctx.repoOption);
  const commit = await verifyRevision(root, base);
  const before = await openRepository(ctx, { commit });
  const after = await openRepository(ctx);
  warnUnreadable(ctx, before);
  warnUnreadable(ctx, after);

  const releases = diffRepositories(before, after);
  const rid = ridChanges(before.releases, ridOutcomes(after, { asOf: ctx.asOf, details: ridDetails(releases) }));
  const found = compareFindings(everyFinding(before, ctx.asOf), everyFinding(after, ctx.asOf));
  const added = await place(after, [...found.added, ...keptRecords(before, after, base)]);
  const documents = await documentChanges(ctx, before, after);
  const report: PrReport = { base, commit, asOf: ctx.asOf, releases, rid, added, resolved: found.resolved.length, documents };

  if (ctx.format === 'json') ctx.io.stdout(formatPrJson(report));
  else ctx.io.stdout(formatPrMarkdown(report, { displayPath: (file) => ctx.displayPath(root, file) }));
  return summarise(added).errors > 0 ? 1 : 0;
}

/** Records the base holds that the branch drops (RID-1, COM-5): what the hook stops, for a change made without it. */
function keptRecords(before: Repository, after: Repository, base: string): Finding[] {
  const present = new Set(after.files.map((f) => f.file));
  const earlier: EarlierFile[] = [
    ...before.releases.map((r) => ({ file: r.file, kind: 'release' as const, data: r.data, deleted: !present.has(r.file) })),
    ...before.modifications.map((m) => ({ file: m.file, kind: 'modification' as const, data: m.data, deleted: !present.has(m.file) })),
  ];
  return lostRecords(earlier, after, {
    later: 'this branch',
    earlier: base,
    restore: (file) => `git checkout ${base} -- ${file}`,
    override: 'say why in the pull request (this report fails it all the same, for a reviewer to accept)',
  });
}

/**
 * The rendered documents (every target `secrel render` renders) whose bytes differ between the base and
 * the branch, both in memory; and, like `render --check`, which committed ones the branch leaves stale.
 */
async function documentChanges(ctx: Context, before: Repository, after: Repository): Promise<PrReport['documents']> {
  const targets = findTargets(ALL_TARGETS)!;
  const blocked = (repo: Repository) => repo.findings.some((f) => f.severity === 'error');
  if (blocked(before) || blocked(after))
    return {
      compared: false,
      reason: `${blocked(after) ? 'this branch' : 'the base'} has errors that stop \`secrel render\` (run \`secrel validate\`)`,
      changes: [],
    };
  let was: OutputFile[];
  let now: OutputFile[];
  try {
    was = await renderDocuments(ctx, before, targets, { quiet: true });
    now = await renderDocuments(ctx, after, targets);
  } catch (err) {
    if (err instanceof TemplateError) return { compared: false, reason: `a template does not render: ${err.message}`, changes: [] };
    throw err;
  }
  const bytes = (f: OutputFile) => contentBytes(f.content);
  const old = new Map(was.map((f) => [f.path, bytes(f)]));
  const changes: DocumentChange[] = [];
  for (const f of now) {
    const prior = old.get(f.path);
    old.delete(f.path);
    if (!prior) changes.push({ path: f.path, change: 'new' });
    else if (!prior.equals(bytes(f))) changes.push({ path: f.path, change: 'changed' });
  }
  for (const path of old.keys()) changes.push({ path, change: 'removed' });
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const outDir = await configuredFolder(after, 'output', 'write to');
  if (!existsSync(outDir)) return { compared: true, changes, total: now.length };
  // With the Word documents `secrel render` keeps up to date there (see word-documents.ts), as `render --check`.
  const compared = withWordDocuments(now, Promise.resolve(outDir), false);
  const results = await syncOutputs(outDir, compared, { check: true, targets: targets.map((t) => t.name), complete: true });
  const stale = results.filter((r) => r.state !== 'unchanged').map((r) => ({ path: ctx.displayPath(after.root, r.file), state: r.state }));
  return { compared: true, changes, total: now.length, output: { dir: ctx.displayPath(after.root, outDir) || '.', stale } };
}
