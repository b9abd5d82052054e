// A release's inputs (its file, the modifications in its scope, the Change Requests they wait on) as one
// canonical string: what RID-1's `computedFrom.inputs` hash is made of, so that only a change of data, never
// of layout, is an amendment.
import type { DependencyFacts } from './dependency-facts.js';
import type { ChangeRequestRecord, Modification, Release } from './model.js';

/**
 * A release's inputs as one canonical string, hashed at the edge into `computedFrom.inputs`: the release
 * file without its `rid` block and the modifications in its scope (their parts for this release whole; of
 * their other parts, what the RID says of them: each one's release and summary), with keys sorted, so
 * re-formatting or re-ordering a file never counts as an amendment. The notices
 * issued (the release's and each modification's `notices`, and each revision's `notified`) are left out too: the RID does not show them,
 * so recording that a notice went out is no amendment to it. What the scope waits on is in, as the RID's
 * "Waiting for" shows it: the DCC Change Requests' records, and the other modifications' dates and state
 * (`dependencies`; not their whole files, which the RID does not show).
 */
export function canonicalInputs(
  release: Release,
  modifications: readonly Modification[],
  changeRequests: readonly ChangeRequestRecord[] = [],
  dependencies: readonly DependencyFacts[] = [],
  { otherParts = true }: { otherParts?: boolean } = {},
): string {
  // `lateReported` (a breach reported to the Panel) is a record of the process, like the notices: no RID content.
  const { notices: _notices, lateReported: _reported, ...kept } = release;
  const crs = [...changeRequests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(({ $schema: _s, ...c }) => c);
  return canonical(
    kept,
    release.id,
    modifications.map(({ notices: _n, lateReported: _r, ...m }) => withoutRevisionNotices(m)),
    crs,
    dependencies,
    otherParts,
  );
}

/** Whether one of `modifications` is delivered in parts: its inputs then differ from older secrels'. */
export function hasParts(modifications: readonly Modification[]): boolean {
  return modifications.some((m) => m.parts !== undefined);
}

/** A modification without the days its revisions' notices went out (`revisions[].notified`): like `notices`, a record of telling Parties, no RID content. */
function withoutRevisionNotices<M extends Pick<Modification, 'implementation'>>(m: M): M {
  const revisions = m.implementation?.revisions;
  if (!revisions?.some((r) => r.notified !== undefined)) return m;
  return { ...m, implementation: { ...m.implementation, revisions: revisions.map(({ notified: _n, ...r }) => r) } };
}

/**
 * The inputs as secrel wrote their hash until December 2026, notices included and no Change Requests: a RID
 * computed from that hash was computed from these inputs (rid bump then records the new hash, without a new version).
 */
export function legacyCanonicalInputs(release: Release, modifications: readonly Modification[]): string {
  return canonical(release, release.id, modifications);
}

function canonical(
  release: Omit<Release, 'notices'>,
  id: string,
  modifications: readonly Omit<Modification, 'notices'>[],
  changeRequests: readonly object[] = [],
  dependencies: readonly DependencyFacts[] = [],
  otherParts = false,
): string {
  const { rid: _rid, $schema: _schema, ...rest } = release;
  const mods = [...modifications]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ $schema: _s, ...m }) => (m.parts ? { ...m, ...partsOf(m.parts, id, otherParts) } : m));
  // Only when there are some: a release whose scope waits on nothing hashes as it did before they were inputs.
  return canonicalJson({
    release: rest,
    modifications: mods,
    ...(changeRequests.length ? { changeRequests } : {}),
    ...(dependencies.length ? { dependencies } : {}),
  });
}

/**
 * A modification's parts as a release's inputs: its own whole, and (left out until December 2026, though the
 * RID lists them: "being implemented in three parts") each other part's number, release and summary. The
 * list is there even when empty, so that no hash made since is one an older secrel made (rid-versions.ts
 * takes those as computed from the same inputs): a part added elsewhere later is then a change.
 */
function partsOf(parts: NonNullable<Modification['parts']>, release: string, otherParts: boolean): Pick<Modification, 'parts'> & { otherParts?: object[] } {
  const own = parts.filter((p) => p.release === release);
  if (!otherParts) return { parts: own };
  const others = parts.filter((p) => p.release !== release).map((p) => ({ part: p.part, release: p.release, summary: p.summary }));
  return { parts: own, otherParts: others };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
