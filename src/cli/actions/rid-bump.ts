// Runs `secrel rid bump`: RID-1 for every release, a history entry per change, written without losing a byte.
// Also home of what `rid baseline` shares with it: the load guard, the inputs hash and the file edits.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Release } from '../../domain/model.js';
import type { Entity } from '../../domain/repository.js';
import { impactLookup, scopeItems } from '../../domain/rules/rid.js';
import { diffRepositories, type Change, type ReleaseDiff } from '../../domain/scope-diff.js';
import { scopeByRelease, type ScopeEntry } from '../../domain/scope.js';
import { canonicalInputs, planBump, type BumpPlan, type ScopeItem } from '../../domain/versioning.js';
import { verifyRevision } from '../../repo/git.js';
import type { Repository } from '../../repo/load.js';
import { revisionSource } from '../../repo/source.js';
import { writeFilesAtomic, type PendingWrite } from '../../repo/atomic.js';
import { plannedYamlEdit, type YamlEdit } from '../../repo/write.js';
import { releaseFolders, sweepLeftovers } from '../leftover-sweep.js';
import type { Context } from '../context.js';
import { releaseFileOption } from '../release-option.js';
import { withWriteLock } from '../lock.js';
import { openRepository, read } from '../open.js';
import { notLoaded } from '../../domain/findings.js';
import { printFindings } from '../print.js';
import { formatRidMarkdown } from '../report/rid-markdown.js';

/** What versioning needs to know about one release now. */
export interface ReleaseState {
  entity: Entity<Release>;
  scope: ScopeItem[];
  inputs: string;
  impactOf(key: string): boolean | undefined;
}

/**
 * The work tree, or undefined (after printing why, exit 1) when a file could not be read: a scope computed
 * without it would be wrong, and a file with syntax errors is never rewritten.
 */
export async function openForRid(ctx: Context, command: string): Promise<Repository | undefined> {
  const repo = await openRepository(ctx);
  const broken = notLoaded(repo.findings);
  if (broken.length === 0) return repo;
  await printFindings(ctx, repo, broken, { checked: repo.files.length });
  ctx.io.stderr(`secrel: ${command} changed nothing: fix the errors above first (secrel validate shows them all)\n`);
  return undefined;
}

export function releaseStates(repo: Repository): Map<string, ReleaseState> {
  const scope = scopeByRelease(repo);
  const impactOf = impactLookup(repo);
  return new Map(repo.releases.map((entity) => [entity.id, releaseState(entity, scope.get(entity.id) ?? [], impactOf)]));
}

function releaseState(entity: Entity<Release>, entries: readonly ScopeEntry[], impactOf: (key: string) => boolean | undefined): ReleaseState {
  const mods = [...new Map(entries.map((e) => [e.modification.id, e.modification.data])).values()];
  const inputs = `sha256:${createHash('sha256').update(canonicalInputs(entity.data, mods)).digest('hex')}`;
  return { entity, scope: scopeItems(entries), inputs, impactOf };
}


/** The edits that record a plan in the release file: version, history entry, what it was computed from. */
export function planEdits(plan: BumpPlan): YamlEdit[] {
  const edits: YamlEdit[] = [];
  if (plan.history) {
    edits.push({ op: 'set', path: ['rid', 'version'], value: plan.to });
    edits.push({ op: 'append', path: ['rid', 'history'], value: plan.history, after: 'baselines' });
  }
  edits.push({ op: 'set', path: ['rid', 'computedFrom'], value: plan.computedFrom });
  return edits;
}

/** Computes the edits of several release files, then writes them all or none (a failure changes no file). */
export async function writeEdits(ctx: Context, repo: Repository, changes: readonly { entity: Entity<Release>; edits: readonly YamlEdit[] }[], command: string): Promise<void> {
  await sweepLeftovers(ctx, repo.root, releaseFolders(repo.root, repo.config.paths.releases, repo.releases.map((r) => r.file)), { dryRun: false, command });
  const writes: PendingWrite[] = [];
  for (const { entity, edits } of changes) {
    // Compare-and-swap: the file must still hold what the decision was made from.
    const read = repo.files.find((f) => f.file === entity.file)?.text;
    const write = await plannedYamlEdit(join(repo.root, entity.file), edits, { flowKeys: ['scope'], ...(read === undefined ? {} : { expected: read }) });
    if (write) writes.push(write);
  }
  // A release file that is a link to another file in the repository is written through the link.
  await writeFilesAtomic(writes, { linksWithin: repo.root });
}

/** What `rid bump` decides for one release (also what `report pr` shows). */
export interface RidOutcome {
  entity: Entity<Release>;
  /** None for a release whose file has no rid block (and was not named). */
  plan?: BumpPlan;
}

export async function action(ctx: Context, args: Record<string, unknown>): Promise<number> {
  // A dry run writes nothing and needs no lock; a real run reads, decides and writes under it.
  return args.dryRun === true ? bump(ctx, args) : withWriteLock(ctx, 'rid bump', () => bump(ctx, args));
}

/** RID-1 for every release with a RID (or just `named`, which may start one), in release-id order. */
export function ridOutcomes(repo: Repository, o: { asOf: string; details: ReadonlyMap<string, string[]>; named?: Entity<Release> }): RidOutcome[] {
  const states = releaseStates(repo);
  const outcomes: RidOutcome[] = [];
  for (const entity of [...repo.releases].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (o.named && entity !== o.named) continue;
    if (!entity.data.rid && !o.named) {
      outcomes.push({ entity });
      continue;
    }
    const s = states.get(entity.id)!;
    const plan = planBump({ rid: entity.data.rid, scope: s.scope, inputs: s.inputs, impactOf: s.impactOf, date: o.asOf, details: o.details.get(entity.id) ?? [] });
    outcomes.push({ entity, plan });
  }
  return outcomes;
}

async function bump(ctx: Context, args: Record<string, unknown>): Promise<number> {
  const repo = await openForRid(ctx, 'rid bump');
  if (!repo) return 1;
  const named = typeof args.release === 'string' ? releaseFileOption(repo, args.release) : undefined;
  const details = typeof args.since === 'string' ? await detailsSince(ctx, repo, args.since) : new Map<string, string[]>();
  const outcomes = ridOutcomes(repo, { asOf: ctx.asOf, details, ...(named ? { named } : {}) });
  const dryRun = args.dryRun === true;
  if (!dryRun) {
    await writeEdits(ctx, repo, outcomes.flatMap(({ entity, plan }) => (plan && plan.kind !== 'none' ? [{ entity, edits: planEdits(plan) }] : [])), 'rid bump');
  } else {
    await sweepLeftovers(ctx, repo.root, releaseFolders(repo.root, repo.config.paths.releases, repo.releases.map((r) => r.file)), { dryRun: true, command: 'rid bump' });
  }
  const displayPath = (file: string) => ctx.displayPath(repo.root, file);
  ctx.io.stdout(ctx.format === 'json' ? formatJson(outcomes, dryRun) : ctx.format === 'markdown' ? formatRidMarkdown(outcomes, { dryRun, displayPath }) : formatText(ctx, repo.root, outcomes, dryRun));
  return 0;
}

/**
 * The changes a RID history entry words: not scope movements (those come from `computedFrom`), nor the RID's
 * own record (version, baselines), the release's status or the notices issued, which are not amendments to it.
 */
const AMENDMENTS: ReadonlySet<Change['kind']> = new Set(['status', 'date', 'cost', 'recorded', 'deleted']);

/** Words for what changed since REF, other than scope movements (those come from `computedFrom`). */
async function detailsSince(ctx: Context, repo: Repository, ref: string): Promise<Map<string, string[]>> {
  const commit = await verifyRevision(repo.root, ref);
  return ridDetails(diffRepositories(await read(ctx, repo.root, await revisionSource(repo.root, commit, ref)), repo));
}

/** Per release, the changes of a diff that a RID history entry words (not scope movements). */
export function ridDetails(diffs: readonly ReleaseDiff[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of diffs) {
    if (!d.release) continue;
    const lines = d.changes.flatMap((c, i) => (AMENDMENTS.has(c.kind) ? [d.lines[i]!] : []));
    if (lines.length) out.set(d.release, lines);
  }
  return out;
}

function formatText(ctx: Context, root: string, outcomes: readonly RidOutcome[], dryRun: boolean): string {
  const lines: string[] = dryRun ? ['Dry run: no file is changed.'] : [];
  const untracked: string[] = [];
  for (const { entity, plan } of outcomes) {
    const release = entity.id;
    const where = ctx.displayPath(root, entity.file);
    if (!plan) untracked.push(release);
    else if (plan.kind === 'none') lines.push(`${release}: RID ${plan.from} unchanged`);
    else if (plan.kind === 'record') lines.push(`${release}: RID ${plan.from} unchanged; ${dryRun ? 'would record' : 'recorded'} what it was computed from in ${where}`);
    else if (plan.from === plan.to) lines.push(`${release}: RID ${plan.to} (raised by hand) ${dryRun ? 'would be recorded' : 'recorded'} in ${where}`, ...plan.changes.map((c) => `  - ${c}`));
    else {
      const what = plan.kind === 'first' ? `RID ${plan.to}, first draft` : `RID ${plan.from} ${dryRun ? 'would become' : '→'} ${plan.to}`;
      lines.push(`${ctx.chalk.bold(`${release}: ${what}`)} (${where})`, ...plan.changes.map((c) => `  - ${c}`));
    }
  }
  if (untracked.length) lines.push(`No RID yet: ${untracked.join(', ')} (start one with \`secrel rid bump --release ID\`)`);
  return lines.length ? `${lines.join('\n')}\n` : 'No release files.\n';
}

function formatJson(outcomes: readonly RidOutcome[], dryRun: boolean): string {
  const releases = outcomes.map(({ entity: { id: release, file }, plan }) =>
    plan
      ? { release, file, kind: plan.kind, from: plan.from ?? null, to: plan.to ?? null, changes: plan.changes, computedFrom: plan.computedFrom, written: !dryRun && plan.kind !== 'none' }
      : { release, file, kind: 'untracked', from: null, to: null, changes: [], written: false },
  );
  return `${JSON.stringify({ dryRun, releases }, null, 2)}\n`;
}
