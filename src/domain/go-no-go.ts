// Which acceptance criteria a release is judged by (GL-1), and where each stands for the go/no-go decision
// (GL-3): met, not met (someone said so: `met: false`, with who), or not yet assessed. `check`, `plan` and
// the RID all ask here, so they list the same criteria and count them the same way.
import { STANDARD_ACCEPTANCE_SET_NAME } from './acceptance-standard.js';
import type { AcceptanceCriterionDefinition, ResolvedConfig } from './config.js';
import { compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { AcceptanceCriterion, Release } from './model.js';

/** The DCC's own criteria: they apply only when the release changes DCC Systems (the DCC tests nothing else). */
const DCC_BODIES: ReadonlySet<string> = new Set(['testing', 'security']);

/**
 * The set's criteria that apply to a release: all of them when its scope changes DCC Systems; without the
 * DCC's testing and security criteria when it does not (a Documentation Release, or a System Release holding
 * only documentation changes), since the DCC tests nothing then.
 */
export function applicableCriteria<D extends AcceptanceCriterionDefinition>(definitions: readonly D[], changesDccSystems: boolean): D[] {
  return changesDccSystems ? [...definitions] : definitions.filter((d) => !DCC_BODIES.has(d.body));
}

export interface ReleaseCriteria {
  setName: string;
  /** Undefined when the config defines no such set (GL-1 says so). */
  definitions?: AcceptanceCriterionDefinition[];
  criteria: readonly AcceptanceCriterion[];
}

/**
 * The criteria a release is judged by, or undefined when none apply: System Releases with something in scope,
 * and any release whose file sets acceptance criteria; never a cancelled release.
 */
export function releaseCriteria(
  config: Pick<ResolvedConfig, 'acceptanceSets'>,
  release: { type: string; cancelled?: boolean; data: Release | undefined; hasScope: boolean; changesDccSystems: boolean },
): ReleaseCriteria | undefined {
  const acceptance = release.data?.acceptance;
  // The criteria are set with the scope: a release with nothing in scope and no criteria of its own has none.
  if (release.cancelled || (release.type !== 'system' && !acceptance) || (!release.hasScope && !acceptance)) return undefined;
  const setName = acceptance?.set ?? STANDARD_ACCEPTANCE_SET_NAME;
  const set = config.acceptanceSets[setName];
  const out: ReleaseCriteria = { setName, criteria: acceptance?.criteria ?? [] };
  if (set) out.definitions = applicableCriteria(set, release.changesDccSystems);
  return out;
}

export interface GoNoGoSummary {
  total: number;
  met: string[];
  /** Assessed and not met: who said so (reviewedBy) and when, where recorded. */
  notMet: { id: string; reviewedBy: string | null; date: IsoDate | null }[];
  notAssessed: string[];
}

/**
 * Where each applicable criterion stands. With `asOf`, an assessment dated after it had not happened yet
 * (`--as-of` shows what was known then); without, the record as it stands (the RID is a function of the data).
 */
export function goNoGoSummary(definitions: readonly AcceptanceCriterionDefinition[], criteria: readonly AcceptanceCriterion[], asOf?: IsoDate): GoNoGoSummary {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const out: GoNoGoSummary = { total: definitions.length, met: [], notMet: [], notAssessed: [] };
  for (const d of definitions) {
    const c = byId.get(d.id);
    const later = asOf !== undefined && isValidIsoDate(c?.date) && compare(c.date, asOf) > 0;
    if (!c || later || (c.met !== true && c.met !== false)) out.notAssessed.push(d.id);
    else if (c.met) out.met.push(d.id);
    else out.notMet.push({ id: d.id, reviewedBy: c.reviewedBy?.trim() || null, date: isValidIsoDate(c.date) ? c.date : null });
  }
  return out;
}

/** "12 of 16 met; not met: S1 (SSC); not yet assessed: T1, T2, T3". */
export function goNoGoText(s: GoNoGoSummary, compress: (ids: readonly string[]) => string = (ids) => ids.join(', ')): string {
  const parts = [`${s.met.length} of ${s.total} acceptance criteria met`];
  if (s.notMet.length > 0) parts.push(`not met: ${s.notMet.map((n) => `${n.id}${n.reviewedBy ? ` (${n.reviewedBy})` : ''}`).join(', ')}`);
  if (s.notAssessed.length > 0) parts.push(`not yet assessed: ${compress(s.notAssessed)}`);
  return parts.join('; ');
}
