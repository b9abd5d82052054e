// The Technical Specifications rules: DUIS, GBCS and Technical Specifications change in at most one System
// Release a year (SCP-4), and a release that changes them lists the new versions and Validity Periods (SCP-5).
import type { PlannedRelease } from '../calendar.js';
import { compare, diffDays, parseIsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import type { TechSpec } from '../model.js';
import type { Rule, RuleContext } from './context.js';
import { andList } from '../text.js';
import { itemName } from '../versioning.js';
import { DUE_SOON_DAYS, recordIn } from './deadline.js';
import { fieldFinding, long, relative } from './support.js';

/** Which of DUIS, GBCS and the Technical Specifications a release changes: from its scope and its own `techSpecs`. */
export function techSpecChanges(ctx: RuleContext, releaseId: string): Map<TechSpec, string[]> {
  const out = new Map<TechSpec, string[]>();
  const add = (doc: TechSpec, by: string) => (out.get(doc) ?? out.set(doc, []).get(doc)!).push(by);
  for (const e of ctx.scope.get(releaseId) ?? []) for (const doc of e.modification.data.techSpecs ?? []) add(doc, e.key);
  const file = ctx.fileOf(releaseId);
  for (const v of file?.entity.data.techSpecs ?? []) if (!out.has(v.document)) out.set(v.document, []);
  return out;
}

export const techSpecsOncePerYear: Rule = {
  id: 'SCP-4',
  title: 'DUIS, GBCS and Technical Specifications change in at most one System Release a year',
  check(ctx) {
    const ids = new Set([...ctx.scope.keys(), ...ctx.releases.map((r) => r.entity.id)]);
    const byYear = new Map<number, { release: PlannedRelease; docs: Map<TechSpec, string[]> }[]>();
    for (const id of ids) {
      const release = ctx.planned(id);
      if (!release || release.cancelled || release.type !== 'system') continue;
      const docs = techSpecChanges(ctx, id);
      if (docs.size === 0) continue;
      const year = parseIsoDate(release.date).year;
      (byYear.get(year) ?? byYear.set(year, []).get(year)!).push({ release, docs });
    }
    const out: Finding[] = [];
    for (const [year, group] of byYear) {
      // Once every release of the year has gone live there is nothing left to limit.
      if (group.length < 2 || group.every((g) => compare(g.release.date, ctx.asOf) < 0)) continue;
      group.sort((a, b) => compare(a.release.date, b.release.date));
      const names = andList(group.map((g) => `${g.release.name} (${[...g.docs.keys()].join(', ')})`));
      const message =
        `DUIS, GBCS or the Technical Specifications change in ${group.length} System Releases of ${year}: ${names}. ` +
        'The Panel endeavours to limit such changes to one System Release a year: consider moving them together, or record why not';
      for (const g of group) out.push(...placeTechSpecFinding(ctx, g.release, g.docs, 'SCP-4', 'warning', message));
    }
    return out;
  },
};

/** On the release file's `techSpecs` (or its id); a release without a file: on each modification that changes a spec. */
function placeTechSpecFinding(
  ctx: RuleContext,
  release: PlannedRelease,
  docs: Map<TechSpec, string[]>,
  rule: string,
  severity: 'warning',
  message: string,
): Finding[] {
  const file = ctx.fileOf(release.id);
  if (file) return [fieldFinding(file.entity, ['techSpecs'], rule, severity, message, { release: release.id, where: 'key' })];
  const byKey = new Set([...docs.values()].flat());
  return (ctx.scope.get(release.id) ?? [])
    .filter((e) => byKey.has(e.key))
    .map((e) => fieldFinding(e.modification, ['techSpecs'], rule, severity, message, { modification: e.modification.id, release: release.id, where: 'key' }));
}

export const validityPeriods: Rule = {
  id: 'SCP-5',
  title: 'a release that changes DUIS, GBCS or Technical Specifications lists the new versions and their Validity Periods',
  check(ctx) {
    const out: Finding[] = [];
    for (const facts of ctx.releases) {
      const { entity, planned, due } = facts;
      const cutOff = due.get('documentation-cutoff');
      // The RID sets out Validity Periods by the time the whole scope is set, six months before go-live; within
      // DUE_SOON_DAYS of that day, a missing version is due soon, as any deadline is.
      if (planned.cancelled || !cutOff) continue;
      const soon = compare(ctx.asOf, cutOff) < 0;
      if (soon && diffDays(ctx.asOf, cutOff) > DUE_SOON_DAYS) continue;
      const ids = { release: entity.id };
      const listed = entity.data.techSpecs ?? [];
      const changes = techSpecChanges(ctx, entity.id);
      for (const [doc, by] of changes) {
        if (listed.some((v) => v.document === doc)) continue;
        const when = soon ? `, due by the documentation scope cut-off (${long(cutOff)}, ${relative(ctx.asOf, cutOff)})` : '';
        out.push(
          fieldFinding(
            entity,
            ['techSpecs'],
            'SCP-5',
            'warning',
            `The ${planned.name} changes ${doc} (${by.map(itemName).join(', ')}) but lists no new ${doc} version${when}: ${recordIn(facts, 'add it under techSpecs')} with its version ` +
              `and validFrom (expected: the go-live date, ${long(planned.date)}), and previousValidTo if the old version ends`,
            { ...ids, where: 'key' },
          ),
        );
      }
      // A version listed that no modification in the scope changes any more (the one that did moved away), in a
      // release whose modifications do record what they change.
      const recorded = [...changes.values()].some((by) => by.length > 0);
      listed.forEach((v, i) => {
        if (!recorded || (changes.get(v.document) ?? []).length > 0) return;
        out.push(
          fieldFinding(
            entity,
            ['techSpecs', i, 'document'],
            'SCP-5',
            'info',
            `${v.document} ${v.version} is listed, but no modification in the scope of the ${planned.name} changes ${v.document} (techSpecs): ` +
              `remove it if the change left the release; if a DCC Change Request brings it, nothing to do`,
            ids,
          ),
        );
      });
      listed.forEach((v, i) => {
        if (v.validFrom === undefined) {
          out.push(
            fieldFinding(
              entity,
              ['techSpecs', i, 'document'],
              'SCP-5',
              'warning',
              `${v.document} ${v.version} has no Validity Period start: add validFrom (expected: the go-live date, ${long(planned.date)})`,
              ids,
            ),
          );
        } else if (v.validFrom !== planned.date) {
          out.push(
            fieldFinding(
              entity,
              ['techSpecs', i, 'validFrom'],
              'SCP-5',
              'info',
              `${v.document} ${v.version} becomes valid on ${long(v.validFrom)}, not on the go-live date (${long(planned.date)}): check it with the TABASC`,
              ids,
            ),
          );
        }
      });
    }
    return out;
  },
};
