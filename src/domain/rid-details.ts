// The changes a RID history entry words (RID-1): from a diff of the repository, the amendments per release.
import type { Change, ReleaseDiff } from './scope-change.js';

/**
 * The changes a RID history entry words: not scope movements (those come from `computedFrom`), nor the RID's
 * own record (version, baselines), the release's status or the notices issued, which are not amendments to it.
 */
const AMENDMENTS: ReadonlySet<Change['kind']> = new Set([
  'status',
  'date',
  'cost',
  'recorded',
  'deleted',
  'parts',
  'text',
  'change-request',
  'dependency',
  'tech-spec',
  'criteria',
  'acceptance-set',
  'timeline',
  'risk',
]);

/**
 * Per release, the changes of a diff that a RID history entry words (not scope movements). A modification
 * that left the release's scope takes its other changes with it: they amend the RID of the release it went to.
 */
export function ridDetails(diffs: readonly ReleaseDiff[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of diffs) {
    if (!d.release) continue;
    const left = new Set(d.changes.flatMap((c) => (c.kind === 'removed' && c.key === c.modification ? [c.modification] : [])));
    // A Change Request the release no longer waits on amends the RIDs of those that do.
    const amends = (c: Change) =>
      AMENDMENTS.has(c.kind) &&
      !(c.kind === 'change-request' && c.noLongerWaited) &&
      !(c.kind !== 'deleted' && 'modification' in c && c.modification !== undefined && left.has(c.modification));
    const lines = d.changes.flatMap((c, i) => (amends(c) ? [d.lines[i]!] : []));
    if (lines.length) out.set(d.release, lines);
  }
  return out;
}
