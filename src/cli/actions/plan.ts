// Runs `secrel plan`: every release in the window (or one), with scope, next milestones and findings.
import { addMonths, compare } from '../../domain/dates.js';
import { buildPlan } from '../../domain/plan.js';
import { releaseView, releaseViews, type ReleaseView } from '../../domain/releases.js';
import { runRules } from '../../domain/rules/index.js';
import { scopeByRelease } from '../../domain/scope.js';
import { UsageError } from '../../repo/errors.js';
import { dateOption, type Context } from '../context.js';
import { openRepository } from '../open.js';
import { place, warnNotLoaded } from '../print.js';
import { formatPlanText } from '../report/plan-text.js';
import { releaseOption } from './check.js';

export async function action(ctx: Context, args: Record<string, unknown>): Promise<number> {
  const from = optionalDate('--from', args.from) ?? addMonths(ctx.asOf, -1);
  const to = optionalDate('--to', args.to) ?? addMonths(ctx.asOf, 18);
  if (compare(from, to) > 0) throw new UsageError(`--from ${from} is after --to ${to}`, 'give the earlier date to --from');
  const repo = await openRepository(ctx);
  const scope = scopeByRelease(repo);
  let views: ReleaseView[];
  let range = { from, to };
  if (args.release !== undefined) {
    const planned = releaseOption(repo, String(args.release));
    views = [releaseView(repo, planned.id, scope)!];
    range = { from: planned.date, to: planned.date };
  } else {
    views = releaseViews(repo, range, scope);
  }
  const findings = await place(repo, [...repo.findings, ...runRules(repo, { asOf: ctx.asOf })]);
  const view = buildPlan(repo, { asOf: ctx.asOf, ...range, views, findings });
  await warnNotLoaded(ctx, repo, repo.findings);
  if (ctx.format === 'json') ctx.io.stdout(`${JSON.stringify(view, null, 2)}\n`);
  else ctx.io.stdout(formatPlanText(view, { chalk: ctx.chalk, codeName: repo.config.codeName, displayPath: (file) => ctx.displayPath(repo.root, file) }));
  return 0;
}

function optionalDate(name: string, value: unknown): string | undefined {
  return value === undefined ? undefined : dateOption(name, value, '2020-01-01');
}
