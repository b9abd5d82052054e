// The plan's go/no-go summary (GL-3): where the acceptance criteria that apply stand, from six weeks before
// go-live (when the DCC's evidence is due, GL-2), or earlier once any criterion is assessed.
import { addDays, compare, type IsoDate } from './dates.js';
import { goNoGoSummary, goNoGoText, releaseCriteria, type GoNoGoSummary } from './go-no-go.js';
import type { RepoModel } from './repository.js';
import type { ReleaseView } from './releases.js';
import { compressIds } from './rules/golive.js';
import { changesDccSystems } from './scope.js';

export interface PlanGoNoGo extends GoNoGoSummary {
  /** "9 of 16 acceptance criteria met; not met: S1 (SSC); not yet assessed: T1–T6". */
  text: string;
}

const EVIDENCE_DAYS = 42;

export function planGoNoGo(model: Pick<RepoModel, 'config'>, v: ReleaseView, asOf: IsoDate): PlanGoNoGo | undefined {
  const data = v.entity?.data;
  const crs = v.changeRequests;
  const found = releaseCriteria(model.config, {
    type: v.planned.type,
    cancelled: v.planned.cancelled === true,
    data,
    hasScope: v.scope.length > 0 || crs.length > 0,
    changesDccSystems: changesDccSystems(v.scope, crs),
  });
  if (!found?.definitions) return undefined;
  const s = goNoGoSummary(found.definitions, found.criteria, asOf);
  const due = compare(asOf, addDays(v.planned.date, -EVIDENCE_DAYS)) >= 0;
  if (!due && s.met.length + s.notMet.length === 0) return undefined;
  return { ...s, text: goNoGoText(s, compressIds) };
}
