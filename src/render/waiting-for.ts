// "Waiting for": the dependencies of a release's scope that are not done yet (DEP-1), as the RID and the
// release page list them, earliest needed first.
import { NEED_WORDS } from '../domain/dependencies.js';
import { WAIT_STATE_WORDS } from '../domain/release-waits.js';
import type { ReleaseView } from '../domain/releases.js';
import type { ReleaseWait } from '../domain/release-waits.js';

export interface WaitingForRow {
  id: string;
  /** "DCC Change Request" or "Modification". */
  kind: string;
  /** "before development", "before testing", "before go-live". */
  needed: string;
  neededBy: string;
  /** The scope items that wait on it, in words ("MP104 and MP105"). */
  forWhat: string[];
  expected: string | null;
  /** "in time", "late", "date unknown", "cancelled". */
  state: string;
  /** Late or cancelled: the release cannot have what waits on it as planned. */
  atRisk: boolean;
}

/** `view`'s dependencies not done yet, or those of `waits` (the same, as of a day: a RID's version date). */
export function waitingForView(view: ReleaseView, waits: readonly ReleaseWait[] = view.dependencies): WaitingForRow[] {
  return waits
    .filter((d) => !d.done)
    .map((d) => ({
      id: d.id,
      kind: d.kind === 'change-request' ? 'DCC Change Request' : 'Modification',
      needed: NEED_WORDS[d.needed],
      neededBy: d.neededBy,
      forWhat: d.for,
      expected: d.date ?? null,
      state: WAIT_STATE_WORDS[d.state],
      atRisk: d.state === 'late' || d.state === 'cancelled',
    }));
}
