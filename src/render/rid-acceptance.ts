// The RID's acceptance criteria as data (GL-1): the release's set from config, grouped by the body that
// reviews them, with the release's own wording and each criterion's status where it has been assessed.
import { STANDARD_ACCEPTANCE_SET_NAME } from '../domain/acceptance-standard.js';
import { addDays } from '../domain/dates.js';
import { goNoGoSummary, goNoGoText, releaseCriteria } from '../domain/go-no-go.js';
import type { Release } from '../domain/model.js';
import { compressIds } from '../domain/rules/golive.js';
import type { ResolvedConfig } from '../domain/config.js';
import { ownValue } from '../domain/records.js';

export interface CriterionView {
  number: number;
  id: string;
  text: string;
  assessed: boolean;
  met: boolean;
  evidence: string | null;
  reviewedBy: string | null;
  date: string | null;
}

export interface AcceptanceView {
  setName: string;
  /** The release names a set the config does not define. */
  unknownSet: boolean;
  groups: { title: string; reviewer: string | null; criteria: CriterionView[] }[];
  /** "the Operations Group", "the TAG": who reviews, for the introduction. */
  reviewers: string[];
  anyAssessed: boolean;
  evidenceSubmitted: string | null;
  /** GL-2: six weeks before go-live, for a System Release. */
  evidenceDue: string | null;
  /** Why the DCC's testing and security criteria are left out (the release changes no DCC System), or null. */
  dccCriteriaOmitted: string | null;
  /** Once any criterion is assessed: "12 of 16 acceptance criteria met; not met: S1 (SSC); not yet assessed: T1, T2". */
  goNoGo: string | null;
}

const GROUP_TITLES: Readonly<Record<string, string>> = {
  operations: 'Operational acceptance criteria',
  testing: 'Testing acceptance criteria',
  security: 'Security acceptance criteria',
};

function withArticle(reviewer: string): string {
  return /^the\s/i.test(reviewer) ? reviewer : `the ${reviewer}`;
}

export interface AcceptanceRelease {
  date: string;
  system: boolean;
  cancelled: boolean;
  hasScope: boolean;
  changesDccSystems: boolean;
}

/** The criteria `check` judges the release by (GL-1, GL-3: `releaseCriteria`), so the RID and check agree. */
export function acceptanceView(config: ResolvedConfig, data: Release | undefined, release: AcceptanceRelease): AcceptanceView {
  const acceptance = data?.acceptance;
  const found = releaseCriteria(config, {
    type: release.system ? 'system' : 'documentation',
    cancelled: release.cancelled,
    data,
    hasScope: release.hasScope,
    changesDccSystems: release.changesDccSystems,
  });
  const setName = found?.setName ?? acceptance?.set ?? STANDARD_ACCEPTANCE_SET_NAME;
  const named = config.acceptanceSets[setName];
  const set = found ? named : [];
  const status = new Map((acceptance?.criteria ?? []).map((c) => [c.id, c]));
  const definitions = [...(found?.definitions ?? []).map((d) => ({ ...d, reviewer: (d as { reviewer?: string }).reviewer }))];
  // A criterion the release adds with its own wording, outside the set, is still shown (never dropped).
  for (const c of acceptance?.criteria ?? []) {
    if (!(set ?? []).some((d) => d.id === c.id) && c.text) definitions.push({ id: c.id, body: 'additional', text: c.text, reviewer: undefined });
  }
  const groups: AcceptanceView['groups'] = [];
  for (const d of definitions) {
    const title = ownValue(GROUP_TITLES, d.body) ?? `${d.body.charAt(0).toUpperCase()}${d.body.slice(1)} acceptance criteria`;
    let group = groups.find((g) => g.title === title);
    if (!group) {
      group = { title, reviewer: d.reviewer ? withArticle(d.reviewer) : null, criteria: [] };
      groups.push(group);
    }
    const s = status.get(d.id);
    group.criteria.push({
      number: group.criteria.length + 1,
      id: d.id,
      text: s?.text ?? d.text,
      assessed: s?.met === true || s?.met === false,
      met: s?.met === true,
      evidence: s?.evidence ?? null,
      reviewedBy: s?.reviewedBy ?? null,
      date: s?.date ?? null,
    });
  }
  const reviewers = [...new Set(groups.flatMap((g) => (g.reviewer ? [g.reviewer] : [])))];
  const anyAssessed = groups.some((g) => g.criteria.some((c) => c.assessed));
  const omitted = !release.changesDccSystems && (named ?? []).some((d) => d.body === 'testing' || d.body === 'security');
  return {
    setName,
    unknownSet: found !== undefined && set === undefined,
    groups,
    reviewers,
    anyAssessed,
    evidenceSubmitted: acceptance?.evidenceSubmitted ?? null,
    evidenceDue: release.system ? addDays(release.date, -42) : null,
    dccCriteriaOmitted: omitted
      ? "The release changes no DCC System, so the acceptance criteria on the DCC's testing and the security of its systems do not apply to it."
      : null,
    goNoGo: anyAssessed && found?.definitions ? goNoGoText(goNoGoSummary(found.definitions, found.criteria), compressIds) : null,
  };
}
