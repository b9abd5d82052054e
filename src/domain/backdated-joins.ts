// SCP-2 at commit time: a modification (or a part of one) that joins a release's scope in this commit, with an
// `addedToScope` dated on or before a cut-off that has passed, would slip past SCP-2 unseen if the date is
// wrong. It may be right (the team records the week's work later), so a warning: say so in the commit, or
// record the day it joined. HEAD's copy of the file (EarlierFile, none for a new file) tells what joined; a
// first commit of the data (every modification file new) is an import, not an addition.
import { formatLong, compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { Finding, PathSegment } from './findings.js';
import type { EarlierFile } from './kept-records.js';
import type { Modification } from './model.js';
import { releaseFinder } from './releases.js';
import { findingAt, type Entity, type RepoModel } from './repository.js';
import { beforeAgreed } from './rules/deadline.js';
import { scopeCutOff } from './rules/scope.js';
import { scopeEntriesOf, type ScopeEntry } from './scope.js';
import { itemName } from './versioning.js';

/** The findings for the modifications the commit adds or changes (`earlier`: HEAD's copies), as of `asOf`. */
export function backdatedJoins(earlier: readonly EarlierFile[], model: RepoModel, asOf: IsoDate): Finding[] {
  const changed = new Map(earlier.filter((e) => e.kind === 'modification').map((e) => [e.file, e]));
  // A commit that adds every modification file imports the repository's data: nothing joins a scope that existed.
  if (changed.size === 0 || model.modifications.every((m) => changed.get(m.file)?.added)) return [];
  const find = releaseFinder(model);
  const agreedOf = new Map(model.releases.map((r) => [r.id, r.data.agreed]));
  const out: Finding[] = [];
  for (const m of model.modifications) {
    const head = changed.get(m.file);
    if (!head) continue;
    const had = headEntries(m, head);
    if (had === undefined) continue;
    for (const e of scopeEntriesOf(m)) {
      if (had.has(`${e.key} ${e.release}`) || !isValidIsoDate(e.addedToScope) || e.exception?.trim()) continue;
      const release = find(e.release);
      if (!release || release.cancelled) continue;
      const cutOff = scopeCutOff(release.date, e.systemsScope);
      // Joined after the cut-off: SCP-2 says so already. The cut-off still to come: joining now is no breach.
      if (compare(e.addedToScope, cutOff) > 0 || compare(asOf, cutOff) <= 0) continue;
      // An ad-hoc release agreed after its cut-off was agreed with its scope: no cut-off to slip past.
      const agreed = agreedOf.get(e.release);
      if (isValidIsoDate(agreed) && beforeAgreed({ agreed }, cutOff)) continue;
      const cut = e.systemsScope ? 'systems cut-off' : 'documentation-only cut-off';
      out.push(
        findingAt(
          m,
          addedPath(m, e),
          'SCP-2',
          'warning',
          `${itemName(e.key)} joins the ${release.name} in this commit (HEAD does not have it there), but addedToScope says it joined on ${formatLong(e.addedToScope)}, ` +
            `by the ${cut} (${formatLong(cutOff)}), which has passed: if it did join then and is only recorded now, say so in the commit message; ` +
            `if not, record the day it joined, and SCP-2 then asks for the Panel's exception`,
          { modification: m.id, release: e.release },
        ),
      );
    }
  }
  return out;
}

/** The scope entries HEAD had for the modification (`key release`); none for a new file; undefined when HEAD's copy is unreadable. */
function headEntries(m: Entity<Modification>, head: EarlierFile): Set<string> | undefined {
  if (head.added) return new Set();
  try {
    return new Set(scopeEntriesOf({ ...m, data: head.data as Modification }).map((e) => `${e.key} ${e.release}`));
  } catch {
    // HEAD's copy did not hold a modification's shape: what it had in scope is not known.
    return undefined;
  }
}

/** Where the entry's `addedToScope` is recorded: on its part when the part has its own, else on `implementation`. */
function addedPath(m: Entity<Modification>, e: ScopeEntry): PathSegment[] {
  const at = e.part === undefined ? undefined : e.releasePath[1];
  const own = typeof at === 'number' && m.data.parts?.[at]?.addedToScope !== undefined;
  return own ? ['parts', at, 'addedToScope'] : ['implementation', 'addedToScope'];
}
