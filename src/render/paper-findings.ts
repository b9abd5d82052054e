// What the Panel paper must not leave out: the errors `secrel check` reports for the release the Panel is
// asked to baseline, as of the paper's date. A paper "for decision" that asked the Panel to baseline a RID
// while check reported missed baselines, notices or a modification that can no longer make the release
// would hide what the Panel should know (found in a new-user trial).
import type { IsoDate } from '../domain/dates.js';
import { findingsByRelease } from '../domain/release-groups.js';
import type { RepoModel } from '../domain/repository.js';
import { runRules } from '../domain/rules/index.js';

export interface PaperFinding {
  rule: string;
  message: string;
}

/**
 * The errors of every policy rule about `release`, as of `asOf`, in check's order; but a late addition the paper
 * itself proposes (`proposed`: modification ids) is not listed: agreeing to it as an exception is what the paper asks.
 */
export function paperFindings(model: RepoModel, release: string, asOf: IsoDate, proposed: ReadonlySet<string>): PaperFinding[] {
  const found = findingsByRelease(model, runRules(model, { asOf })).get(release) ?? [];
  return found
    .filter((f) => f.severity === 'error' && !(f.rule === 'SCP-2' && f.modification !== undefined && proposed.has(f.modification)))
    .map((f) => ({ rule: f.rule, message: f.message }));
}
