// The scope cut-offs a release's RID and notices state: 12 months before go-live for changes to DCC or User
// Systems, six months for documentation-only changes (SCP-1). For an ad-hoc release the Panel agreed after
// one of those days, the scope of that kind was set the day it agreed (SCP-2 counts from there): the
// documents say so, rather than name a cut-off from before the release existed. A notice words each in the
// tense of its own day: was set, is set, will be set.
import { compare, isValidIsoDate } from '../domain/dates.js';
import type { ReleaseView } from '../domain/releases.js';

export interface Cutoffs {
  systems: string | null;
  documentation: string | null;
  /** The day is the Panel's agreement to create the release, which came after the Policy's cut-off. */
  systemsAgreed: boolean;
  documentationAgreed: boolean;
}

export function releaseCutoffs(view: ReleaseView): Cutoffs {
  const agreed = view.entity?.data.agreed;
  const at = (id: string) => {
    const day = view.milestones.find((m) => m.id === id)?.date ?? null;
    const late = day !== null && isValidIsoDate(agreed) && compare(day, agreed) < 0;
    return { day: late ? agreed : day, late };
  };
  const systems = at('systems-cutoff');
  const documentation = at('documentation-cutoff');
  return { systems: systems.day, documentation: documentation.day, systemsAgreed: systems.late, documentationAgreed: documentation.late };
}

/** How a notice words a cut-off, seen from its own day (the issue date, or the day it is due for a draft). */
export type SetVerb = 'was set' | 'is set' | 'will be set';

/** Each cut-off's tense on `day`: still to come on the issue day of an early notice, past on that of a late one. */
export function cutoffVerbs(cutoffs: Cutoffs, day: string): { systems: SetVerb | null; documentation: SetVerb | null; toCome: boolean } {
  const verb = (cutoff: string | null): SetVerb | null => {
    if (cutoff === null) return null;
    const order = compare(cutoff, day);
    return order < 0 ? 'was set' : order === 0 ? 'is set' : 'will be set';
  };
  const systems = verb(cutoffs.systems);
  const documentation = verb(cutoffs.documentation);
  return { systems, documentation, toCome: systems === 'will be set' || documentation === 'will be set' };
}
