// IMP-4 for the fall-back a modification's file names: IMP-1's fall-back is the next *eligible* release, so
// a recorded one the modification may not go into (a Documentation Release for a DCC-System-impacting
// modification, a cancelled release) is an error at implementation.fallback, naming the one it should be;
// about the release it targets, whose plan the fall-back belongs to (`check --release` there shows it).
import type { Finding } from '../findings.js';
import { recordedFallback } from '../release-eligibility.js';
import { isTurnedDown } from '../status.js';
import type { Rule } from './context.js';
import { nextOpenRelease } from './next-release.js';
import { fieldFinding } from './support.js';

export const eligibleFallback: Rule = {
  id: 'IMP-4',
  title: "the fall-back a modification's file names is a release that may hold it",
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) {
      const { status, implementation: impl, parts } = m.data;
      // Turned down or implemented, it goes into no fall-back; delivered in parts, the parts name their releases.
      if (isTurnedDown(status) || status === 'implemented' || (parts ?? []).length > 0) continue;
      const named = recordedFallback(ctx.planned, m.data);
      if (!named?.ineligible) continue;
      const { release, ineligible } = named;
      const what = release.cancelled
        ? `${m.id}'s fall-back, the ${release.name} (${release.id}), ${ineligible}`
        : `${m.id} impacts DCC Systems, but its fall-back, the ${release.name} (${release.id}), ${ineligible}`;
      const primary = impl?.release ? ctx.planned(impl.release) : undefined;
      const next = primary && nextOpenRelease(ctx, m.data, primary.id);
      const fix = !primary
        ? ': set implementation.fallback to a later release that may hold it, or remove it'
        : next
          ? `, and the fall-back is the next release after the ${primary.name} that may hold it (IMP-1): set implementation.fallback to ${next.id} (the ${next.name})`
          : `, and no release in the three years after the ${primary.name} may hold it and is still open: remove implementation.fallback`;
      out.push(fieldFinding(m, ['implementation', 'fallback'], 'IMP-4', 'error', `${what}${fix}`, { modification: m.id, release: (primary ?? release).id }));
    }
    return out;
  },
};
