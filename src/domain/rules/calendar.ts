// Calendar rules: a moved release needs a reason (CAL-2), an empty System Release may become a Documentation
// Release (CAL-5), nothing goes live inside a change freeze (CAL-6).
import type { ChangeFreeze } from '../config.js';
import { compare, formatWithWeekday, isValidIsoDate, isWithin, type IsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import { findingAt } from '../repository.js';
import type { Rule } from './context.js';
import { fieldFinding, long } from './support.js';

export const movedDateReason: Rule = {
  id: 'CAL-2',
  title: 'a release moved from its scheduled date records why',
  check(ctx) {
    const out: Finding[] = [];
    for (const { entity, planned } of ctx.releases) {
      if (!planned.moved || planned.cancelled || entity.data.dateReason?.trim()) continue;
      out.push(findingAt(entity, ['date'], 'CAL-2', 'warning',
        `The ${planned.name} goes live on ${formatWithWeekday(planned.date)} instead of the cycle's ${formatWithWeekday(planned.scheduledDate!)}, ` +
        "with no reason recorded: add dateReason (the Panel's decision, and the Authority's approval where needed)", { release: entity.id }));
    }
    return out;
  },
};

export const emptySystemRelease: Rule = {
  id: 'CAL-5',
  title: 'a System Release with no DCC-System-impacting modification may become a Documentation Release',
  check(ctx) {
    const out: Finding[] = [];
    for (const { entity, planned, due, scope } of ctx.releases) {
      const cutOff = due.get('systems-cutoff');
      // Only once the systems scope is closed is "nothing system-impacting" a settled fact, and only while it can still change.
      if (planned.type !== 'system' || planned.cancelled || !cutOff) continue;
      if (compare(ctx.asOf, cutOff) <= 0 || compare(ctx.asOf, planned.date) >= 0) continue;
      if (scope.some((e) => e.systemImpact)) continue;
      const what = scope.length === 0 ? 'has no modifications' : 'holds only documentation-only modifications';
      out.push(fieldFinding(entity, ['type'], 'CAL-5', 'info',
        `The ${planned.name} ${what} and its systems scope closed on ${long(cutOff)}: the Panel may make it a Documentation Release ` +
        '(set type: documentation and tell Parties well in advance)', { release: entity.id }));
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
    for (const { entity, planned } of ctx.releases) {
      const freeze = planned.cancelled ? undefined : freezeOn(freezes, planned.date);
      if (!freeze) continue;
      out.push(fieldFinding(entity, ['date'], 'CAL-6', 'error',
        `The ${planned.name} goes live on ${long(planned.date)}, inside the change freeze ${describeFreeze(freeze)}: move the release out of the freeze`, { release: entity.id }));
    }
    for (const m of ctx.model.modifications) {
      const date = m.data.implementation?.date;
      const freeze = isValidIsoDate(date) ? freezeOn(freezes, date) : undefined;
      if (!freeze || !date) continue;
      const release = m.data.implementation?.release;
      out.push(findingAt(m, ['implementation', 'date'], 'CAL-6', 'error',
        `${m.id} is to be implemented on ${long(date)}, inside the change freeze ${describeFreeze(freeze)}: set a date outside the freeze`,
        release ? { modification: m.id, release } : { modification: m.id }));
    }
    return out;
  },
};

export function freezeOn(freezes: readonly ChangeFreeze[], date: IsoDate): ChangeFreeze | undefined {
  return freezes.find((f) => isValidIsoDate(f.from) && isValidIsoDate(f.to) && isWithin(date, f.from, f.to));
}

export function describeFreeze(f: ChangeFreeze): string {
  return `from ${long(f.from)} to ${long(f.to)}${f.reason ? ` (${f.reason.trim().replace(/\.$/, '')})` : ''}`;
}

export const CALENDAR_RULES: readonly Rule[] = [movedDateReason, emptySystemRelease, changeFreeze];
