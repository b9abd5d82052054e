// A modification's system impact as the Policy uses it: two facts, not one. The release *type* follows DCC-System
// impact (section 3: a change with only a User impact can still be in a Documentation Release); the 12-month
// scope *cut-off* follows DCC-or-User-system impact (section 5). `true` reads as `dcc`, `false` as `none`.
import type { Modification, SystemImpact } from './model.js';

export type Impact = 'dcc' | 'user' | 'none';

export function impactOf(m: Pick<Modification, 'systemImpact'>): Impact {
  const v: SystemImpact | undefined = m.systemImpact;
  return v === true || v === 'dcc' ? 'dcc' : v === 'user' ? 'user' : 'none';
}

/** Impacts DCC Systems: needs a System Release (IMP-4, SCP-3), costed by the DCC (CST-1). */
export function dccImpact(m: Pick<Modification, 'systemImpact'>): boolean {
  return impactOf(m) === 'dcc';
}

/** Impacts DCC or User Systems: in the systems scope, set 12 months before go-live (SCP-1). */
export function systemsScope(m: Pick<Modification, 'systemImpact'>): boolean {
  return impactOf(m) !== 'none';
}

/** How a reader sees it: 'DCC System-impacting', 'User System-impacting', 'Documentation only'. */
export function impactLabel(impact: Impact): string {
  return impact === 'dcc' ? 'DCC System-impacting' : impact === 'user' ? 'User System-impacting' : 'Documentation only';
}

/**
 * An impact text that says there is none ("none", "None expected", "No impact", "Not impacted", "N/A", with
 * an optional "expected", "anticipated" or "identified" and a full stop) is a statement of no impact: it
 * ticks no box in the RID's impact matrix and is not listed as an impact. Anything else is an impact.
 */
export function statesImpact(text: string | undefined): text is string {
  if (typeof text !== 'string' || text.trim() === '') return false;
  return !/^(none|no impacts?|not impacted|not applicable|n\/a|nil)( (is |are )?(expected|anticipated|identified))?\.?$/i.test(text.trim());
}
