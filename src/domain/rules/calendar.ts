// Calendar rules: a moved release needs a reason (CAL-2), an empty System Release may become a Documentation
// Release (CAL-5), nothing goes live inside a change freeze (CAL-6).
import type { ChangeFreeze } from '../config.js';
import { compare, formatWithWeekday, isValidIsoDate, type IsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import { describeFreeze, freezeOn } from '../freezes.js';
import { findingAt } from '../repository.js';
import { listReleases } from '../calendar.js';
import type { Rule } from './context.js';
import { changesDccSystems } from '../scope.js';
import { recordIn } from './deadline.js';
import { workingDaysDate } from '../working-days-date.js';
import { fieldFinding, long } from './support.js';

export const movedDateReason: Rule = {
  id: 'CAL-2',
  title: 'a release moved from its scheduled date records why',
  check(ctx) {
    const out: Finding[] = [];
    for (const { entity, planned } of ctx.releases) {
      if (!planned.moved || planned.cancelled || entity.data.dateReason?.trim()) continue;
      out.push(
        findingAt(
          entity,
          ['date'],
          'CAL-2',
          'warning',
          `The ${planned.name} goes live on ${formatWithWeekday(planned.date)} instead of the cycle's ${formatWithWeekday(planned.scheduledDate!)}, ` +
            "with no reason recorded: add dateReason (the Panel's decision, and the Authority's approval where needed)",
          { release: entity.id },
        ),
      );
    }
    return out;
  },
};

export const emptySystemRelease: Rule = {
  id: 'CAL-5',
  title: 'a System Release with no DCC-System-impacting modification may become a Documentation Release',
  check(ctx) {
    const out: Finding[] = [];
    // With a modification file that does not load, no release's scope is known to be empty or documentation-only.
    if (ctx.model.invalidIds.modifications.size > 0) return out;
    // A code with no documentation kind (DCUSA, the BSC) has nothing to make such a release into.
    const documentation = ctx.model.config.cycle.kinds.find((k) => k.rules === 'documentation');
    if (!documentation) return out;
    for (const facts of ctx.releases) {
      const { entity, planned, due, scope } = facts;
      const cutOff = due.get('systems-cutoff');
      // Only once the systems scope is closed is "nothing system-impacting" a settled fact, and only while it can still change.
      if (planned.type !== 'system' || planned.cancelled || !cutOff) continue;
      if (compare(ctx.asOf, cutOff) <= 0 || compare(ctx.asOf, planned.date) >= 0) continue;
      // A DCC Change Request alongside changes DCC Systems too: the DCC still builds, tests and goes live.
      if (changesDccSystems(scope, facts.changeRequests)) continue;
      // User System changes are no DCC System change: the DCC builds nothing for them either.
      const what =
        scope.length === 0
          ? 'has no modifications'
          : scope.some((e) => e.systemsScope)
            ? 'holds no DCC-System-impacting modification (User System and documentation changes only)'
            : 'holds only documentation-only modifications';
      out.push(
        fieldFinding(
          entity,
          ['type'],
          'CAL-5',
          'info',
          `The ${planned.name} ${what} and its systems scope closed on ${long(cutOff)}: the Panel may make it a ${documentation.name} ` +
            `(${recordIn(facts, `set type: ${documentation.id}`)} and tell Parties well in advance)`,
          { release: entity.id },
        ),
      );
    }
    return out;
  },
};

export const changeFreeze: Rule = {
  id: 'CAL-6',
  title: 'no release go-live and no implementation date inside a change freeze',
  check(ctx) {
    const freezes = ctx.model.config.freezes;
    if (freezes.length === 0) return [];
    const out: Finding[] = [];
    const checked = new Set<string>();
    for (const facts of ctx.releases) {
      const { entity, planned } = facts;
      checked.add(entity.id);
      const freeze = planned.cancelled ? undefined : freezeOn(freezes, planned.date);
      if (!freeze) continue;
      out.push(
        fieldFinding(entity, ['date'], 'CAL-6', 'error', freezeMessage(planned.name, planned.date, freeze, facts.hasFile, entity.file), { release: entity.id }),
      );
    }
    // A scheduled release exists with or without a file or scope: the cycle's date inside a freeze is a clash too.
    for (const freeze of freezes) {
      if (!isValidIsoDate(freeze.from) || !isValidIsoDate(freeze.to) || compare(freeze.from, freeze.to) > 0) continue;
      const { releases } = listReleases({ cycle: ctx.model.config.cycle, from: freeze.from, to: freeze.to });
      for (const planned of releases) {
        if (checked.has(planned.id) || ctx.model.releases.some((r) => r.id === planned.id) || ctx.model.invalidIds.releases.has(planned.id)) continue;
        checked.add(planned.id);
        const entity = ctx.standIn(planned.id);
        out.push(
          fieldFinding(entity, ['date'], 'CAL-6', 'error', freezeMessage(planned.name, planned.date, freeze, false, entity.file), { release: planned.id }),
        );
      }
    }
    for (const m of ctx.model.modifications) {
      // The recorded date, else the one a Working Days lead time gives (IMP-3).
      const recorded = m.data.implementation?.date;
      const computed = isValidIsoDate(recorded) ? undefined : workingDaysDate(m.data, ctx.model.config.holidays, ctx.asOf);
      const date = isValidIsoDate(recorded) ? recorded : computed?.date;
      const freeze = date ? freezeOn(freezes, date) : undefined;
      if (!freeze || !date) continue;
      const release = m.data.implementation?.release;
      const what = computed ? `${computed.sentence}, on ${long(date)}` : `on ${long(date)}`;
      out.push(
        fieldFinding(
          m,
          ['implementation', 'date'],
          'CAL-6',
          'error',
          `${m.id} is to be implemented ${what}, inside the change freeze ${describeFreeze(freeze)}: set a date outside the freeze` +
            (computed ? " (the Panel's decision; record it in implementation.date and implementation.revisions)" : ''),
          release ? { modification: m.id, release } : { modification: m.id },
        ),
      );
    }
    return out;
  },
};

function freezeMessage(name: string, date: IsoDate, freeze: ChangeFreeze, hasFile: boolean, file: string): string {
  const fix = hasFile
    ? 'move the release out of the freeze (date and dateReason)'
    : `move the release out of the freeze: create ${file} with a date outside it and the Panel's dateReason, or change the freeze`;
  return `The ${name} goes live on ${long(date)}, inside the change freeze ${describeFreeze(freeze)}: ${fix}`;
}

export const cancelledWithScope: Rule = {
  id: 'CAL-3',
  title: 'a cancelled release holds no modification',
  check(ctx) {
    const out: Finding[] = [];
    for (const { entity, planned, scope } of ctx.releases) {
      if (!planned.cancelled || scope.length === 0) continue;
      const keys = scope.map((e) => e.key).join(', ');
      out.push(
        fieldFinding(
          entity,
          ['status'],
          'CAL-3',
          'error',
          `The ${planned.name} is cancelled but still holds ${keys}: move each to another release (implementation.release, or its part's release) ` +
            'or record why it leaves the scope',
          { release: entity.id },
        ),
      );
    }
    return out;
  },
};

export const CALENDAR_RULES: readonly Rule[] = [movedDateReason, cancelledWithScope, emptySystemRelease, changeFreeze];
