// The RID's acceptance criteria as data (GL-1): the release's set from config, grouped by the body that
// reviews them, with the release's own wording and each criterion's status where it has been assessed.
import { STANDARD_ACCEPTANCE_SET_NAME } from '../domain/acceptance-standard.js';
import { addDays } from '../domain/dates.js';
import type { ReleaseAcceptance } from '../domain/model.js';
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
}

const GROUP_TITLES: Readonly<Record<string, string>> = {
  operations: 'Operational acceptance criteria',
  testing: 'Testing acceptance criteria',
  security: 'Security acceptance criteria',
};

function withArticle(reviewer: string): string {
  return /^the\s/i.test(reviewer) ? reviewer : `the ${reviewer}`;
}

export function acceptanceView(config: ResolvedConfig, acceptance: ReleaseAcceptance | undefined, release: { date: string; system: boolean }): AcceptanceView {
  const setName = acceptance?.set ?? STANDARD_ACCEPTANCE_SET_NAME;
  const set = config.acceptanceSets[setName];
  const status = new Map((acceptance?.criteria ?? []).map((c) => [c.id, c]));
  const definitions = [...(set ?? []).map((d) => ({ ...d, reviewer: (d as { reviewer?: string }).reviewer }))];
  // A criterion the release adds with its own wording, outside the set, is still shown (never dropped).
  for (const c of acceptance?.criteria ?? []) {
    if (!definitions.some((d) => d.id === c.id) && c.text) definitions.push({ id: c.id, body: 'additional', text: c.text, reviewer: undefined });
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
  return {
    setName,
    unknownSet: set === undefined,
    groups,
    reviewers,
    anyAssessed: groups.some((g) => g.criteria.some((c) => c.assessed)),
    evidenceSubmitted: acceptance?.evidenceSubmitted ?? null,
    evidenceDue: release.system ? addDays(release.date, -42) : null,
  };
}
