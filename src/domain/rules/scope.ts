// Scope rules: cut-offs (SCP-1, SCP-2), no system change in a Documentation Release (SCP-3); with the
// Technical Specifications rules (SCP-4, SCP-5, in tech-specs.ts), every rule about what is in a release.
import { itemName } from '../versioning.js';
import type { PlannedRelease } from '../calendar.js';
import { addMonths, compare, isValidIsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import type { ScopeEntry } from '../scope.js';
import type { Rule, RuleContext } from './context.js';
import { beforeAgreed } from './deadline.js';
import { dotted, fieldFinding, long } from './support.js';
import { moveWords, nextOpenRelease } from './next-release.js';
import { techSpecsOncePerYear, validityPeriods } from './tech-specs.js';

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
      for (const b of r.entity.data.rid?.baselines ?? [])
        if (isValidIsoDate(b.date) && compare(b.date, ctx.asOf) <= 0) (b.scope ?? []).forEach((k) => keys.add(k));
      baselined.set(r.entity.id, keys);
    }
    const out: Finding[] = [];
    for (const { entry: e, release, cutOff } of placedEntries(ctx)) {
      // A Panel baseline that lists the entry confirms it was in the scope the Panel set.
      if (e.addedToScope !== undefined || compare(ctx.asOf, cutOff) <= 0 || baselined.get(release.id)?.has(e.key)) continue;
      out.push(
        fieldFinding(
          e.modification,
          e.releasePath,
          'SCP-1',
          'info',
          `When ${itemName(e.key)} joined the ${release.name} is not recorded, so its ${cutOffName(e)} (${long(cutOff)}) cannot be checked: ` +
            `record ${dotted(entryPath(e, 'addedToScope'))}`,
          { modification: e.modification.id, release: release.id },
        ),
      );
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
      // An ad-hoc release agreed after its cut-off: the scope it was agreed with is not late, since the
      // cut-off fell before the release existed; what joins after it was agreed is.
      const agreed = ctx.fileOf(release.id)?.entity.data.agreed;
      const lateAgreed = isValidIsoDate(agreed) && beforeAgreed({ agreed }, cutOff);
      if (lateAgreed && compare(e.addedToScope, agreed) <= 0) {
        out.push(
          fieldFinding(
            e.modification,
            e.releasePath,
            'SCP-2',
            'info',
            `${itemName(e.key)} joined the ${release.name} on ${long(e.addedToScope)}, by the day the Panel agreed to create it (${long(agreed)}): its ${cutOffName(e)} ` +
              `(${long(cutOff)}) fell before the release existed, so it is not late; nothing to do`,
            ids,
          ),
        );
        continue;
      }
      const what = lateAgreed
        ? `${itemName(e.key)} joined the ${release.name} on ${long(e.addedToScope)}, after the Panel agreed to create it with its scope on ${long(agreed)} (its ${cutOffName(e)}, ${long(cutOff)}, fell before the release existed)`
        : `${itemName(e.key)} joined the ${release.name} on ${long(e.addedToScope)}, after its ${cutOffName(e)} (${long(cutOff)})`;
      if (e.exception?.trim()) {
        out.push(
          fieldFinding(
            e.modification,
            e.releasePath,
            'SCP-2',
            'warning',
            `${what}: an exception with the Panel's rationale; make sure the Modification Report states it and Parties are told`,
            ids,
          ),
        );
        continue;
      }
      // Moved in by an Authority revision, which the Panel asks for (Policy, "Amending approved implementation
      // dates"): that request is the exception to record, not a move to suggest away again.
      const revised =
        e.part === undefined && (e.modification.data.implementation?.revisions ?? []).some((r) => r.to === release.id && r.date === e.addedToScope);
      const instead = revised
        ? ` (it joined with the Authority's revision of ${long(e.addedToScope)}, which the Panel asked for: the reasons for that request are the rationale)`
        : `, or ${moveWords(e.modification.data, e.key, nextOpenRelease(ctx, e.modification.data, release.id))}`;
      out.push(
        fieldFinding(
          e.modification,
          e.releasePath,
          'SCP-2',
          'error',
          `${what}: record the Panel's rationale in ${dotted(entryPath(e, 'exception'))}${instead}`,
          ids,
        ),
      );
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
      const system = nextOpenRelease(ctx, e.modification.data, release.id);
      out.push(
        fieldFinding(
          e.modification,
          e.releasePath,
          'SCP-3',
          'error',
          `${itemName(e.key)} impacts DCC Systems, but the ${release.name} is a Documentation Release, which holds no DCC-System-impacting modification: ` +
            `target a System Release${system ? ` (the next it could still make is the ${system.name}, ${system.id})` : ''}`,
          { modification: e.modification.id, release: release.id },
        ),
      );
    }
    return out;
  },
};

export const SCOPE_RULES: readonly Rule[] = [cutOffRecorded, lateAddition, systemChangeInDocumentationRelease, techSpecsOncePerYear, validityPeriods];
