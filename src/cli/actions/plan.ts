// Runs `secrel plan`: every release in the window (or one), with scope, next milestones and findings;
// with `--assume`, as if the assumptions were recorded, and what they change.
import { isAssumption, parseAssumption, type Assumption } from '../../domain/assumptions.js';
import { addMonths, compare } from '../../domain/dates.js';
import type { Finding, Located } from '../../domain/findings.js';
import { planOrder, type PlanView } from '../../domain/plan.js';
import { planAssuming, planOf } from '../../domain/plan-assuming.js';
import { referenceFindings } from '../../domain/references.js';
import type { RepoModel } from '../../domain/repository.js';
import { timelineFindings } from '../../domain/timeline-refs.js';
import { UsageError } from '../../repo/errors.js';
import type { Repository } from '../../repo/load.js';
import type { PlanOptions } from '../commands/plan.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { place, warnNotLoaded } from '../print.js';
import { formatChangesText } from '../report/changes-text.js';
import { formatPlanMarkdown } from '../report/plan-markdown.js';
import { formatPlanText } from '../report/plan-text.js';
import { releaseOption } from '../release-option.js';
import { stopOnBrokenConfig } from '../config-broken.js';

export async function action(ctx: Context, args: PlanOptions): Promise<number> {
  const from = args.from ?? addMonths(ctx.asOf, -1);
  const to = args.to ?? addMonths(ctx.asOf, 18);
  if (compare(from, to) > 0) throw new UsageError(`--from ${from} is after --to ${to}`, 'give the earlier date to --from');
  const repo = await openRepository(ctx);
  const stopped = await stopOnBrokenConfig(ctx, repo);
  if (stopped !== undefined) return stopped;
  const assumptions = (args.assume ?? []).map((text) => assumption(text, repo, ctx.asOf));
  const release = args.release === undefined ? undefined : releaseOption(repo, args.release).id;
  const req = { asOf: ctx.asOf, from, to, loadFindings: loadOnly(repo), ...(release !== undefined ? { release } : {}) };
  const assumed = assumptions.length > 0 ? planAssuming(repo, assumptions, req) : undefined;
  const view = await placePlan(repo, assumed ?? planOf(repo, req));
  await warnNotLoaded(ctx, repo, repo.findings);
  if (ctx.format === 'json') {
    ctx.io.stdout(`${JSON.stringify(view, null, 2)}\n`);
    return 0;
  }
  if (ctx.format === 'markdown') {
    const md = { displayPath: (file: string) => ctx.displayPath(repo.root, file), codeName: repo.config.codeName };
    ctx.io.stdout(formatPlanMarkdown(view, assumed ? { ...md, assumed: { texts: assumed.assumptions.map((a) => a.text), changes: assumed.changes } } : md));
    return 0;
  }
  const head = assumed ? formatChangesText(assumed, { chalk: ctx.chalk }) : '';
  ctx.io.stdout(head + formatPlanText(view, { chalk: ctx.chalk, codeName: repo.config.codeName, displayPath: (file) => ctx.displayPath(repo.root, file) }));
  return 0;
}

function assumption(text: string, repo: RepoModel, asOf: string): Assumption {
  const a = parseAssumption(text, repo, asOf);
  if (!isAssumption(a)) throw new UsageError(a.message, a.hint);
  return a;
}

/**
 * The findings of reading the files (YAML, schema), without the reference and timeline findings the opener
 * added: those are recomputed on the model the plan is for, which assumptions may change.
 */
function loadOnly(repo: Repository): Finding[] {
  const key = (f: Finding) => `${f.rule}\u0000${f.file}\u0000${JSON.stringify(f.path)}\u0000${f.where ?? ''}\u0000${f.message}`;
  const derived = new Map<string, number>();
  for (const f of [...referenceFindings(repo), ...timelineFindings(repo)]) derived.set(key(f), (derived.get(key(f)) ?? 0) + 1);
  return repo.findings.filter((f) => {
    const n = derived.get(key(f)) ?? 0;
    if (n === 0) return true;
    derived.set(key(f), n - 1);
    return false;
  });
}

/** The plan with its findings placed in their files (line and column), in the plan's order. */
async function placePlan(repo: Repository, view: PlanView): Promise<PlanView<Located>> {
  const releases = await Promise.all(view.releases.map(async (r) => ({ ...r, findings: planOrder(await place(repo, r.findings)) })));
  return { ...view, releases };
}
