// `plan --assume`: the plan recomputed on the model with the assumptions applied, and what they change.
import { applyAssumptions, type Assumption } from './assumptions.js';
import type { IsoDate } from './dates.js';
import type { Finding } from './findings.js';
import { buildPlan, type PlanView } from './plan.js';
import { referenceFindings } from './references.js';
import { releaseView, releaseViews } from './releases.js';
import type { RepoModel } from './repository.js';
import { runRules } from './rules/index.js';
import { scopeByRelease } from './scope.js';
import { timelineFindings } from './timeline-refs.js';
import { whatIf, type WhatIfChange } from './what-if.js';

export interface PlanRequest {
  asOf: IsoDate;
  /** The window; for one release, its go-live date at both ends. */
  from: IsoDate;
  to: IsoDate;
  release?: string;
  /** Problems found while reading the files (YAML syntax, schema): the same with or without assumptions. */
  loadFindings: readonly Finding[];
}

export interface AssumedPlan extends PlanView {
  assumptions: { text: string; target: Assumption['target']; id: string }[];
  changes: WhatIfChange[];
}

/** Every finding `check` reports on a model: its references, timelines and every policy rule. */
export function modelFindings(model: RepoModel, asOf: IsoDate, loadFindings: readonly Finding[]): Finding[] {
  return [...loadFindings, ...referenceFindings(model), ...timelineFindings(model), ...runRules(model, { asOf })];
}

/** The plan of a model: every release in the window (or the one asked for), with its findings. */
export function planOf(model: RepoModel, req: PlanRequest): PlanView {
  const scope = scopeByRelease(model);
  const one = req.release === undefined ? undefined : releaseView(model, req.release, scope);
  const views = one ? [one] : releaseViews(model, { from: req.from, to: req.to }, scope);
  const range = one ? { from: one.planned.date, to: one.planned.date } : { from: req.from, to: req.to };
  return buildPlan(model, { asOf: req.asOf, ...range, views, findings: modelFindings(model, req.asOf, req.loadFindings) });
}

/** The plan as if the assumptions were recorded, with what they change against today's plan. */
export function planAssuming(model: RepoModel, assumptions: readonly Assumption[], req: PlanRequest): AssumedPlan {
  const after = applyAssumptions(model, assumptions);
  const view = planOf(after, req);
  const changes = whatIf({
    before: model,
    after,
    assumptions,
    asOf: req.asOf,
    findingsBefore: modelFindings(model, req.asOf, req.loadFindings),
    findingsAfter: modelFindings(after, req.asOf, req.loadFindings),
  });
  return { ...view, assumptions: assumptions.map((a) => ({ text: a.text, target: a.target, id: a.id })), changes };
}
