// Go-live rules: the acceptance criteria are set and each carries a status and evidence (GL-1), DCC's evidence
// comes 6 weeks before go-live (GL-2), and the go/no-go view: criteria not met close to or after go-live (GL-3).
import type { AcceptanceCriterionDefinition } from '../config.js';
import { addMonths, compare, diffDays, isValidIsoDate, type IsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import type { AcceptanceCriterion } from '../model.js';
import { goNoGoSummary, releaseCriteria, type GoNoGoSummary } from '../go-no-go.js';
import { changesDccSystems } from '../scope.js';
import type { ReleaseFacts, Rule, RuleContext } from './context.js';
import { deadlineFindings, recordIn } from './deadline.js';
import { fieldFinding, long } from './support.js';

/** GL-3 warns from this many months before go-live while criteria are not met. */
export const GO_NO_GO_MONTHS = 1;

interface Acceptance {
  facts: ReleaseFacts;
  setName: string;
  definitions?: readonly AcceptanceCriterionDefinition[];
  criteria: readonly AcceptanceCriterion[];
}

/** Releases the criteria apply to (`releaseCriteria`), with the criteria that apply to each. */
function acceptanceOf(ctx: RuleContext): Acceptance[] {
  const out: Acceptance[] = [];
  for (const facts of ctx.releases) {
    const { planned, entity } = facts;
    const found = releaseCriteria(ctx.model.config, {
      type: planned.type,
      cancelled: planned.cancelled === true,
      data: entity.data,
      hasScope: facts.hasScope,
      changesDccSystems: changesDccSystems(facts.scope, facts.changeRequests),
    });
    if (!found) continue;
    const a: Acceptance = { facts, setName: found.setName, criteria: found.criteria };
    if (found.definitions) a.definitions = found.definitions;
    out.push(a);
  }
  return out;
}

export const acceptanceCriteria: Rule = {
  id: 'GL-1',
  title: 'the acceptance criteria come from a known set, and each met criterion carries its evidence',
  check(ctx) {
    const out: Finding[] = [];
    for (const { facts, setName, definitions, criteria } of acceptanceOf(ctx)) {
      const ids = { release: facts.entity.id };
      if (!definitions) {
        const known = Object.keys(ctx.model.config.acceptanceSets).join(', ');
        out.push(
          fieldFinding(
            facts.entity,
            ['acceptance', 'set'],
            'GL-1',
            'error',
            `Acceptance criteria set "${setName}" is not defined: define it under acceptanceSets in secrel.config.yaml, or use one of: ${known}`,
            ids,
          ),
        );
        continue;
      }
      const known = new Set(definitions.map((d) => d.id));
      criteria.forEach((c, i) => {
        if (!known.has(c.id)) {
          out.push(
            fieldFinding(
              facts.entity,
              ['acceptance', 'criteria', i, 'id'],
              'GL-1',
              'warning',
              `Criterion ${c.id} is not in the "${setName}" set (${[...known].join(', ')}): correct the id, or add the criterion to the set in secrel.config.yaml`,
              ids,
            ),
          );
        } else if (c.met === true && !c.evidence?.trim()) {
          out.push(
            fieldFinding(
              facts.entity,
              ['acceptance', 'criteria', i, 'met'],
              'GL-1',
              'warning',
              `Criterion ${c.id} is recorded as met without evidence: add evidence (what shows it is met) so the Panel can rely on it`,
              ids,
            ),
          );
        }
      });
    }
    return out;
  },
};

export const goLiveEvidence: Rule = {
  id: 'GL-2',
  title: "DCC's go-live evidence comes at least 6 weeks before go-live",
  check: (ctx) => deadlineFindings(ctx, 'GL-2'),
};

export const goNoGo: Rule = {
  id: 'GL-3',
  title: 'close to go-live every acceptance criterion is met and reviewed by its body',
  check(ctx) {
    const out: Finding[] = [];
    for (const { facts, definitions, criteria } of acceptanceOf(ctx)) {
      if (!definitions) continue;
      const { planned, entity } = facts;
      const ids = { release: entity.id };
      const byId = new Map(criteria.map((c, i) => [c.id, { c, i }]));
      if (facts.hasScope && compare(ctx.asOf, addMonths(planned.date, -GO_NO_GO_MONTHS)) >= 0) {
        const summary = goNoGoSummary(definitions, criteria, ctx.asOf);
        if (summary.met.length < summary.total) out.push(openFinding(facts, ctx.asOf, summary, definitions));
      }
      for (const d of definitions) {
        const found = byId.get(d.id);
        if (!found || found.c.reviewedBy?.trim() || (isValidIsoDate(found.c.date) && compare(found.c.date, ctx.asOf) > 0)) continue;
        if (found.c.met === true) {
          out.push(
            fieldFinding(
              entity,
              ['acceptance', 'criteria', found.i, 'met'],
              'GL-3',
              'info',
              `Criterion ${d.id} is met but does not say who reviewed it: add reviewedBy (${reviewer(d)})`,
              ids,
            ),
          );
        } else if (found.c.met === false) {
          out.push(
            fieldFinding(
              entity,
              ['acceptance', 'criteria', found.i, 'met'],
              'GL-3',
              'info',
              `Criterion ${d.id} is recorded as not met but does not say who said so: add reviewedBy (${reviewer(d)}) and the date`,
              ids,
            ),
          );
        }
      }
    }
    return out;
  },
};

function openFinding(facts: ReleaseFacts, asOf: IsoDate, s: GoNoGoSummary, definitions: readonly AcceptanceCriterionDefinition[]): Finding {
  const { planned, entity } = facts;
  const days = diffDays(asOf, planned.date);
  const byId = new Map(definitions.map((d) => [d.id, d]));
  // "Not met" is a judgement someone made; "not yet assessed" is a gap: the Panel needs to see which is which.
  const notMet = s.notMet
    .map(
      (n) =>
        `${n.id} (${n.reviewedBy ? `${n.reviewedBy}${n.date ? `, ${long(n.date)}` : ''}` : `by whom is not recorded; ${reviewer(byId.get(n.id)!)} reviews it`})`,
    )
    .join(', ');
  const notAssessed = groupByReviewer(s.notAssessed.map((id) => byId.get(id)!));
  const state = [
    s.notMet.length > 0 ? `${s.notMet.length} ${s.notMet.length === 1 ? 'is' : 'are'} not met: ${notMet}` : '',
    s.notAssessed.length > 0 ? `${s.notAssessed.length} ${s.notAssessed.length === 1 ? 'is' : 'are'} not yet assessed: ${notAssessed}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const path = ['acceptance', 'criteria'];
  if (days > 0) {
    return fieldFinding(
      entity,
      path,
      'GL-3',
      'warning',
      `The ${planned.name} goes live in ${days} ${days === 1 ? 'day' : 'days'} (${long(planned.date)}) and ${s.total - s.met.length} of ${s.total} acceptance criteria ` +
        `are not recorded as met (${state}). Get each body's review and ${recordIn(facts, 'record met, evidence and reviewedBy under acceptance.criteria')} before the Panel's go/no-go decision`,
      { release: entity.id, where: 'key' },
    );
  }
  return fieldFinding(
    entity,
    path,
    'GL-3',
    'error',
    `The ${planned.name} ${days === 0 ? 'goes live today' : `went live on ${long(planned.date)}`} with ${s.total - s.met.length} of ${s.total} acceptance criteria ` +
      `not recorded as met (${state}). ${capitalise(recordIn(facts, 'record each outcome (met, evidence, reviewedBy) under acceptance.criteria as the Panel decided it'))}`,
    { release: entity.id, where: 'key' },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function reviewer(d: AcceptanceCriterionDefinition): string {
  return (d as { reviewer?: string }).reviewer ?? d.body;
}

/** 'OP1–OP9 (Operations Group), T1–T6 (TAG), S1 (SSC)'. */
function groupByReviewer(defs: readonly AcceptanceCriterionDefinition[]): string {
  const groups = new Map<string, string[]>();
  for (const d of defs) (groups.get(reviewer(d)) ?? groups.set(reviewer(d), []).get(reviewer(d))!).push(d.id);
  return [...groups].map(([who, list]) => `${compressIds(list)} (${who})`).join(', ');
}

/** Runs of ids with one prefix and consecutive numbers shortened: OP1, OP2, OP3, OP5 → OP1–OP3, OP5. */
export function compressIds(ids: readonly string[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ids.length) {
    const start = /^(.*?)(\d+)$/.exec(ids[i]!);
    let j = i;
    while (start && j + 1 < ids.length) {
      const next = /^(.*?)(\d+)$/.exec(ids[j + 1]!);
      if (!next || next[1] !== start[1] || Number(next[2]) !== Number(start[2]) + (j + 1 - i)) break;
      j++;
    }
    parts.push(j - i >= 2 ? `${ids[i]}–${ids[j]}` : ids.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

export const GOLIVE_RULES: readonly Rule[] = [acceptanceCriteria, goLiveEvidence, goNoGo];
