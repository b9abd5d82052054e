// Scope rules: cut-offs (SCP-1, SCP-2), no system change in a Documentation Release (SCP-3), tech-spec
// changes in one System Release a year (SCP-4), and the Validity Periods a release must list (SCP-5).
import type { PlannedRelease } from '../calendar.js';
import { addMonths, compare, isValidIsoDate, parseIsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import type { TechSpec } from '../model.js';
import type { ScopeEntry } from '../scope.js';
import type { Rule, RuleContext } from './context.js';
import { recordIn } from './deadline.js';
import { dotted, fieldFinding, long } from './support.js';

/** SCP-1: systems scope is set 12 months before go-live, documentation-only scope 6 months before. */
export function scopeCutOff(goLive: string, systemImpact: boolean): string {
  return addMonths(goLive, systemImpact ? -12 : -6);
}

function cutOffName(e: ScopeEntry): string {
  return e.systemsScope ? 'systems cut-off' : 'documentation-only cut-off';
}

/** The path of a scope entry's own field (`addedToScope`, `exception`): on its part, or on `implementation`. */
function entryPath(e: ScopeEntry, field: string): (string | number)[] {
  return e.part !== undefined ? [...e.releasePath.slice(0, -1), field] : ['implementation', field];
}

export interface Placed {
  entry: ScopeEntry;
  release: PlannedRelease;
  cutOff: string;
}

/** Every scope entry with its release placed on the calendar (cancelled releases and unknown ids left out). */
export function placedEntries(ctx: RuleContext): Placed[] {
  const out: Placed[] = [];
  for (const [id, entries] of ctx.scope) {
    const release = ctx.planned(id);
    if (!release || release.cancelled) continue;
    for (const entry of entries) out.push({ entry, release, cutOff: scopeCutOff(release.date, entry.systemsScope) });
  }
  return out;
}

export const cutOffRecorded: Rule = {
  id: 'SCP-1',
  title: 'once a scope cut-off has passed, each modification in scope records when it was added',
  check(ctx) {
    const baselined = new Map<string, Set<string>>();
    for (const r of ctx.releases) {
      const keys = new Set<string>();
      for (const b of r.entity.data.rid?.baselines ?? []) if (isValidIsoDate(b.date) && compare(b.date, ctx.asOf) <= 0) (b.scope ?? []).forEach((k) => keys.add(k));
      baselined.set(r.entity.id, keys);
    }
    const out: Finding[] = [];
    for (const { entry: e, release, cutOff } of placedEntries(ctx)) {
      // A Panel baseline that lists the entry confirms it was in the scope the Panel set.
      if (e.addedToScope !== undefined || compare(ctx.asOf, cutOff) <= 0 || baselined.get(release.id)?.has(e.key)) continue;
      out.push(fieldFinding(e.modification, e.releasePath, 'SCP-1', 'info',
        `When ${e.key} joined the ${release.name} is not recorded, so its ${cutOffName(e)} (${long(cutOff)}) cannot be checked: ` +
        `record ${dotted(entryPath(e, 'addedToScope'))}`, { modification: e.modification.id, release: release.id }));
    }
    return out;
  },
};

export const lateAddition: Rule = {
  id: 'SCP-2',
  title: "a modification added after its cut-off is a breach, or an exception with the Panel's rationale",
  check(ctx) {
    const out: Finding[] = [];
    for (const { entry: e, release, cutOff } of placedEntries(ctx)) {
      if (!isValidIsoDate(e.addedToScope) || compare(e.addedToScope, cutOff) <= 0) continue;
      const ids = { modification: e.modification.id, release: release.id };
      const what = `${e.key} joined the ${release.name} on ${long(e.addedToScope)}, after its ${cutOffName(e)} (${long(cutOff)})`;
      if (e.exception?.trim()) {
        out.push(fieldFinding(e.modification, e.releasePath, 'SCP-2', 'warning',
          `${what}: an exception with the Panel's rationale; make sure the Modification Report states it and Parties are told`, ids));
        continue;
      }
      const later = ctx.eligibleAfter(release.id, e.systemImpact).find((r) => compare(e.addedToScope!, scopeCutOff(r.date, e.systemsScope)) <= 0);
      const instead = later ? `, or move it to a later release such as ${later.id} (${later.name})` : ', or move it to a later release';
      out.push(fieldFinding(e.modification, e.releasePath, 'SCP-2', 'error',
        `${what}: record the Panel's rationale in ${dotted(entryPath(e, 'exception'))}${instead}`, ids));
    }
    return out;
  },
};

export const systemChangeInDocumentationRelease: Rule = {
  id: 'SCP-3',
  title: 'a Documentation Release holds no DCC-System-impacting modification',
  check(ctx) {
    const out: Finding[] = [];
    for (const { entry: e, release } of placedEntries(ctx)) {
      if (release.type !== 'documentation' || !e.systemImpact) continue;
      const system = ctx.eligibleAfter(release.id, true)[0];
      out.push(fieldFinding(e.modification, e.releasePath, 'SCP-3', 'error',
        `${e.key} impacts DCC Systems, but the ${release.name} is a Documentation Release, which holds no DCC-System-impacting modification: ` +
        `target a System Release${system ? ` (the next is the ${system.name}, ${system.id})` : ''}`, { modification: e.modification.id, release: release.id }));
    }
    return out;
  },
};

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
      const names = group.map((g) => `${g.release.name} (${[...g.docs.keys()].join(', ')})`).join(' and ');
      const message = `DUIS, GBCS or the Technical Specifications change in ${group.length} System Releases of ${year}: ${names}. ` +
        'The Panel endeavours to limit such changes to one System Release a year: consider moving them together, or record why not';
      for (const g of group) out.push(...placeTechSpecFinding(ctx, g.release, g.docs, 'SCP-4', 'warning', message));
    }
    return out;
  },
};

/** On the release file's `techSpecs` (or its id); a release without a file: on each modification that changes a spec. */
function placeTechSpecFinding(ctx: RuleContext, release: PlannedRelease, docs: Map<TechSpec, string[]>, rule: string, severity: 'warning', message: string): Finding[] {
  const file = ctx.fileOf(release.id);
  if (file) return [fieldFinding(file.entity, ['techSpecs'], rule, severity, message, { release: release.id, where: 'key' })];
  const byKey = new Set([...docs.values()].flat());
  return (ctx.scope.get(release.id) ?? []).filter((e) => byKey.has(e.key))
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
      // The RID sets out Validity Periods by the time the whole scope is set, six months before go-live.
      if (planned.cancelled || !cutOff || compare(ctx.asOf, cutOff) < 0) continue;
      const ids = { release: entity.id };
      const listed = entity.data.techSpecs ?? [];
      for (const [doc, by] of techSpecChanges(ctx, entity.id)) {
        if (listed.some((v) => v.document === doc)) continue;
        out.push(fieldFinding(entity, ['techSpecs'], 'SCP-5', 'warning',
          `The ${planned.name} changes ${doc} (${by.join(', ')}) but lists no new ${doc} version: ${recordIn(facts, 'add it under techSpecs')} with its version ` +
          `and validFrom (expected: the go-live date, ${long(planned.date)}), and previousValidTo if the old version ends`, { ...ids, where: 'key' }));
      }
      listed.forEach((v, i) => {
        if (v.validFrom === undefined) {
          out.push(fieldFinding(entity, ['techSpecs', i, 'document'], 'SCP-5', 'warning',
            `${v.document} ${v.version} has no Validity Period start: add validFrom (expected: the go-live date, ${long(planned.date)})`, ids));
        } else if (v.validFrom !== planned.date) {
          out.push(fieldFinding(entity, ['techSpecs', i, 'validFrom'], 'SCP-5', 'info',
            `${v.document} ${v.version} becomes valid on ${long(v.validFrom)}, not on the go-live date (${long(planned.date)}): check it with the TABASC`, ids));
        }
      });
    }
    return out;
  },
};

export const SCOPE_RULES: readonly Rule[] = [cutOffRecorded, lateAddition, systemChangeInDocumentationRelease, techSpecsOncePerYear, validityPeriods];
