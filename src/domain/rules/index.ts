// The policy rule engine: every rule of the Release Management Policy secrel checks, run over one indexed model.
import type { IsoDate } from '../dates.js';
import { sortFindings, type Finding } from '../findings.js';
import type { RepoModel } from '../repository.js';
import { CALENDAR_RULES } from './calendar.js';
import { buildRuleContext, type Rule } from './context.js';
import { CAPACITY_RULES } from './capacity.js';
import { deadlineFindings } from './deadline.js';
import { COST_RULES } from './costs.js';
import { DEPENDENCY_RULES } from './dependencies.js';
import { GOLIVE_RULES } from './golive.js';
import { IMPLEMENTATION_RULES } from './implementation.js';
import { LIFECYCLE_RULES } from './lifecycle.js';
import { NOTICE_RULES } from './notices.js';
import { baselinedScopeChecks, ridRecordFindings } from './rid.js';
import { SCOPE_RULES } from './scope.js';
import { TESTING_RULES } from './testing.js';

export type { Rule } from './context.js';

/** RID-1: the RID's record keeps its integrity (validate runs that part too), and the baseline is due when the systems scope is set. */
export const ridRecord: Rule = {
  id: 'RID-1',
  title:
    'a RID version never goes below one its history or baselines record, each version has a history entry, and a System Release is baselined when its systems scope is set',
  check: (ctx) => [...ridRecordFindings(ctx.model.releases), ...deadlineFindings(ctx, 'RID-1')],
};

/** RID-2 lives with the versioning code (validate runs it too); here it joins every other rule. */
export const unbumpedBaselineChange: Rule = {
  id: 'RID-2',
  title: 'a change to the baselined scope makes the next integer RID version',
  check: (ctx) => baselinedScopeChecks(ctx.model, ctx.scope).map((c) => c.finding),
};

/** In SPEC order. */
export const RULES: readonly Rule[] = [
  ...CALENDAR_RULES,
  ...IMPLEMENTATION_RULES,
  ...SCOPE_RULES,
  ...DEPENDENCY_RULES,
  ...CAPACITY_RULES,
  ridRecord,
  unbumpedBaselineChange,
  ...TESTING_RULES,
  ...COST_RULES,
  ...GOLIVE_RULES,
  ...LIFECYCLE_RULES,
  ...NOTICE_RULES,
];

export interface RunRulesOptions {
  /** Today, for every deadline. */
  asOf: IsoDate;
  /** Only findings about this release. */
  release?: string;
  /** Run these rules instead of all of them (tests run one rule at a time). */
  rules?: readonly Rule[];
}

/** Every finding of every rule, in a stable order. The model is indexed once, whatever the number of rules. */
export function runRules(model: RepoModel, options: RunRulesOptions): Finding[] {
  const ctx = buildRuleContext(model, options.asOf);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) findings.push(...rule.check(ctx));
  return sortFindings(options.release === undefined ? findings : findings.filter((f) => f.release === options.release));
}
