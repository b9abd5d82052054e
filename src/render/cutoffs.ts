// The scope cut-offs a release's RID and notices state: 12 months before go-live for changes to DCC or User
// Systems, six months for documentation-only changes (SCP-1). For an ad-hoc release the Panel agreed after
// one of those days, the scope of that kind was set the day it agreed (SCP-2 counts from there): the
// documents say so, rather than name a cut-off from before the release existed.
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
