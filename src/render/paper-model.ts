// The Panel paper "SEC Releases update" as data (the shape of SECP_76_1701_23): its purpose, one section
// per release still to go live with what changed in its scope since the RID was last baselined, the
// decisions asked of the Panel, and the RID of the release to baseline as Appendix A.
//
// "Since the last baseline" is derived from what the repository records, not from git: a baseline lists
// the scope it covered (`rid.baselines[].scope`) and a re-target records the release it left and when
// (`implementation.retargets[]`), so the same data gives the same paper from a plain folder or a clone.
import { addMonths } from '../domain/dates.js';
import type { Modification } from '../domain/model.js';
import { releaseFinder, type ReleaseView } from '../domain/releases.js';
import type { Entity, RepoModel } from '../domain/repository.js';
import { whyLeft, type ScopeEntry } from '../domain/scope.js';
import { dccImpact } from '../domain/impact.js';

export interface PaperItem {
  key: string;
  id: string;
  title: string;
  /** ` part 1` for one part of a modification delivered in parts, else empty. */
  partLabel: string;
  systemImpact: boolean;
  /** Approved (by the paper's date), not only targeted. */
  approved: boolean;
  /** The Panel's rationale for taking it after its scope cut-off (SCP-2), when recorded. */
  exception: string | null;
}

export interface PaperMove {
  items: PaperItem[];
  /** The release they now target, or null while undetermined. */
  toName: string | null;
  reasons: string[];
}

export interface PaperSection {
  number: number;
  id: string;
  name: string;
  date: string;
  /** The release whose RID this paper asks the Panel to baseline. */
  subject: boolean;
  baseline: { version: string; date: string; covers: string } | null;
  /** The scope the last baseline covered, what has left it since included. */
  baselined: PaperItem[];
  /** Baselined items no longer in the scope, other than by a recorded re-target (`movedOut`): why, in words. */
  leftSince: { item: PaperItem; why: string }[];
  /** Every baselined item impacts DCC Systems (a baseline that covers the systems scope). */
  baselinedSystems: boolean;
  addedSystem: PaperItem[];
  addedDocumentation: PaperItem[];
  /** How many joined since the baseline (for "this modification" or "these modifications"). */
  addedCount: number;
  /** Anything joined, left or moved out since the last baseline. */
  scopeChanged: boolean;
  /** In scope and never baselined (a release without a baseline): all of its scope, then split by status. */
  scope: PaperItem[];
  approvedScope: PaperItem[];
  targetedScope: PaperItem[];
  movedOut: PaperMove[];
  changeRequests: boolean;
  notes: string | null;
  testNotes: string | null;
  /** The documentation cut-off has passed or falls within a month of the meeting. */
  documentationScopeClosing: boolean;
}

export interface PaperView {
  title: string;
  meeting: string;
  date: string;
  years: string;
  subject: { name: string; rebaseline: boolean; version: string | null };
  sections: PaperSection[];
  recommendations: { verb: string; text: string; last: boolean; penultimate: boolean }[];
  appendixTitle: string;
}

export interface PaperInput {
  model: RepoModel;
  subject: ReleaseView;
  /** Every release to report on (go-live after the meeting), the subject among them, in date order. */
  releases: readonly ReleaseView[];
  meeting: string;
  /** The paper's date (`--as-of`). */
  date: string;
  ridVersion: string | null;
}

export function paperView({ model, subject, releases, meeting, date, ridVersion }: PaperInput): PaperView {
  const find = releaseFinder(model);
  const sections = releases
    .filter(
      (v) =>
        v.planned.id === subject.planned.id ||
        v.scope.length > 0 ||
        v.entity?.data.notes !== undefined ||
        retargetedFrom(model.modifications, v.planned.id, meeting),
    )
    .map((v, i) => sectionView(v, i + 2, v.planned.id === subject.planned.id, meeting, model.modifications, (id) => find(id)?.name ?? id));
  const main = sections.find((s) => s.subject)!;
  const recommendations: { verb: string; text: string }[] = [];
  const code = model.config.codeName;
  if (main.addedDocumentation.length > 0) recommendations.push({ verb: 'AGREE', text: `the targeted scope for the ${main.name} on the ${code} documentation` });
  if (main.addedSystem.length > 0) recommendations.push({ verb: 'AGREE', text: `the targeted scope for the ${main.name} on the DCC Systems` });
  recommendations.push({ verb: 'BASELINE', text: `the ${main.name} Implementation Document` });
  // Modifications moved out of any release reported on (the subject's too) go to later releases: their scopes are proposed.
  if (sections.some((s) => s.movedOut.length > 0))
    recommendations.push({ verb: 'AGREE', text: `the proposed scopes for subsequent ${code} Releases on the DCC Systems` });
  const years = [...new Set(sections.map((s) => s.date.slice(0, 4)))].sort();
  return {
    title: `${code} Releases update`,
    meeting,
    date,
    years: years.length === 1 ? years[0]! : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`,
    subject: { name: main.name, rebaseline: main.baseline !== null, version: ridVersion },
    sections,
    recommendations: recommendations.map((r, i) => ({ ...r, last: i === recommendations.length - 1, penultimate: i === recommendations.length - 2 })),
    appendixTitle: `Appendix A: ${main.name} Implementation Document${ridVersion ? ` v${ridVersion}` : ''}`,
  };
}

function retargetedFrom(mods: readonly Entity<Modification>[], release: string, meeting: string): boolean {
  return mods.some((m) => (m.data.implementation?.retargets ?? []).some((r) => r.from === release && r.date <= meeting));
}

function item(
  e: Pick<ScopeEntry, 'key' | 'part' | 'systemImpact'> & { status?: ScopeEntry['status']; exception?: string; modification: Entity<Modification> },
): PaperItem {
  return {
    key: e.key,
    id: e.modification.id,
    title: e.modification.data.title,
    partLabel: e.part === undefined ? '' : ` part ${e.part}`,
    systemImpact: e.systemImpact,
    approved: e.status === 'approved',
    exception: e.exception?.trim() || null,
  };
}

function sectionView(
  v: ReleaseView,
  number: number,
  subject: boolean,
  meeting: string,
  mods: readonly Entity<Modification>[],
  nameOf: (id: string) => string,
): PaperSection {
  const data = v.entity?.data;
  // What the Panel baselined before: not the baseline made at this meeting (what the paper asks for), nor a later one.
  const baselines = (data?.rid?.baselines ?? []).filter((b) => b.date < meeting);
  const last = baselines.length > 0 ? baselines.reduce((a, b) => (b.date > a.date ? b : a)) : undefined;
  const inScope = v.scope.map(item).sort(byNumber);
  const baselineKeys = new Set(last?.scope ?? []);
  const movedOut = movesOut(v.planned.id, mods, last?.date, meeting, nameOf);
  const leftSince = last ? leftScope(v.planned.id, [...baselineKeys], inScope, movedOut, mods, nameOf) : [];
  const baselined = last ? [...inScope.filter((i) => baselineKeys.has(i.key)), ...leftSince.map((l) => l.item)].sort(byNumber) : [];
  const documentationCutoff = v.milestones.find((m) => m.id === 'documentation-cutoff')?.date;
  const addedSystem = last ? inScope.filter((i) => !baselineKeys.has(i.key) && i.systemImpact) : [];
  const addedDocumentation = last ? inScope.filter((i) => !baselineKeys.has(i.key) && !i.systemImpact) : [];
  const scope = last ? [] : inScope;
  return {
    number,
    id: v.planned.id,
    name: v.planned.name,
    date: v.planned.date,
    subject,
    baseline: last ? { version: last.version, date: last.date, covers: last.covers ?? 'all' } : null,
    baselined,
    leftSince,
    baselinedSystems: baselined.length > 0 && baselined.every((i) => i.systemImpact),
    addedSystem,
    addedDocumentation,
    addedCount: addedSystem.length + addedDocumentation.length,
    scopeChanged: addedSystem.length + addedDocumentation.length + leftSince.length + movedOut.length > 0,
    scope,
    approvedScope: scope.filter((i) => i.approved),
    targetedScope: scope.filter((i) => !i.approved),
    movedOut,
    changeRequests: v.changeRequests.length > 0,
    // The subject's own notes are in its RID (Appendix A); another release's are this paper's news of it.
    notes: subject ? null : (data?.notes ?? null),
    testNotes: subject ? (data?.tad?.notes ?? null) : null,
    // The seed's paragraph: the cut-off falls within a month of the meeting, either side (25 December for 17 January).
    documentationScopeClosing:
      documentationCutoff !== undefined && addMonths(meeting, 1) >= documentationCutoff && addMonths(meeting, -1) <= documentationCutoff,
  };
}

/** Modifications re-targeted away from this release after its last baseline, up to the meeting, by new release. */
function movesOut(
  release: string,
  mods: readonly Entity<Modification>[],
  since: string | undefined,
  meeting: string,
  nameOf: (id: string) => string,
): PaperMove[] {
  // A modification that left is no longer in the release's scope; only its retargets name the release.
  const groups = new Map<string, PaperMove>();
  for (const m of mods) {
    for (const r of m.data.implementation?.retargets ?? []) {
      if (r.from !== release || r.date > meeting || (since !== undefined && r.date <= since)) continue;
      const key = r.to ?? m.data.implementation?.release ?? '';
      const group = groups.get(key) ?? { items: [], toName: key === '' ? null : nameOf(key), reasons: [] };
      group.items.push(item({ key: m.id, part: undefined, systemImpact: dccImpact(m.data), modification: m }));
      if (r.reason && !group.reasons.includes(r.reason)) group.reasons.push(r.reason);
      groups.set(key, group);
    }
  }
  for (const g of groups.values()) g.items.sort(byNumber);
  return [...groups.values()];
}

/**
 * What the last baseline listed that is not in the scope now, and is not among the recorded re-targets: a
 * modification withdrawn or rejected since, or moved without a re-target on record. A Panel that baselined
 * it must hear that it left, not find it silently missing from the list.
 */
function leftScope(
  release: string,
  keys: readonly string[],
  inScope: readonly PaperItem[],
  movedOut: readonly PaperMove[],
  mods: readonly Entity<Modification>[],
  nameOf: (id: string) => string,
): { item: PaperItem; why: string }[] {
  const here = new Set(inScope.map((i) => i.key));
  const moved = new Set(movedOut.flatMap((g) => g.items.map((i) => i.id)));
  const byId = new Map(mods.map((m) => [m.id, m]));
  return keys.flatMap((key) => {
    const [id = key, part] = key.split('#');
    const m = byId.get(id);
    if (here.has(key) || moved.has(id) || !m) return [];
    const left = whyLeft(m.data, key, release);
    const why = !left ? 'no longer targeted at this release' : 'turnedDown' in left ? left.turnedDown : `now targeted at the ${nameOf(left.movedTo)}`;
    return [{ item: item({ key, part: part === undefined ? undefined : Number(part), systemImpact: dccImpact(m.data), modification: m }), why }];
  });
}

/**
 * SECMP0007 … SECMP0067 then MP078 …: one numbering series under two prefixes, so by number, as the
 * Panel papers list them; then by part.
 */
function byNumber(a: PaperItem, b: PaperItem): number {
  const n = (i: PaperItem) => Number(/(\d+)$/.exec(i.id)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return n(a) - n(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
