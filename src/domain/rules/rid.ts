// RID-1's record integrity (the version never goes back, every version has its history entry) and RID-2 (a
// change to the baselined scope without the next integer version), both found without git history.
import { compare, formatLong, isValidIsoDate } from '../dates.js';
import { systemsScope } from '../impact.js';
import type { Finding } from '../findings.js';
import type { Modification, Release } from '../model.js';
import { modificationRefFindings } from '../references.js';
import { fileNameId, findingAt, type Entity, type RepoModel } from '../repository.js';
import { scopeByRelease, whyLeft, type ScopeEntry } from '../scope.js';
import { baselineCoverage, compareVersions, itemName, nextVersion, unbumpedScopeChange, type ScopeItem } from '../versioning.js';

export interface RidCheck {
  finding: Finding;
  /** Every file the finding is about: the release and the modifications that moved (for `validate FILES…`). */
  files: string[];
}

/** Scope items as versioning reads them, and the impact of modifications that have left the scope. */
export function scopeItems(entries: readonly ScopeEntry[]): ScopeItem[] {
  return entries.map((e) => ({ key: e.key, systemImpact: e.systemsScope, ...(e.addedToScope !== undefined ? { addedToScope: e.addedToScope } : {}) }));
}

export function impactLookup(model: Pick<RepoModel, 'modifications'>): (key: string) => boolean | undefined {
  // Made when first asked: a release whose scope has not moved asks nothing.
  let byId: Map<string, Entity<Modification>> | undefined;
  return (key) => {
    byId ??= new Map(model.modifications.map((m) => [m.id, m]));
    const m = byId.get(key.split('#')[0]!);
    return m ? systemsScope(m.data) : undefined;
  };
}

/**
 * RID-2 for every release: compares the baselined part of today's scope with what the current version was
 * computed from (`rid.computedFrom`, else the latest baseline's list). Needs no git, so the pre-commit hook
 * stays instant. Modifications whose files failed validation are left out: their scope is unknown.
 */
export function baselinedScopeChecks(model: RepoModel, scope: ReadonlyMap<string, ScopeEntry[]> = scopeByRelease(model)): RidCheck[] {
  const impactOf = impactLookup(model);
  // Made only for a release whose scope moved: at 10,000 modifications, nearly always none.
  let files: Map<string, Entity<Modification>> | undefined;
  let broken: Set<string> | undefined;
  const out: RidCheck[] = [];
  for (const release of model.releases) {
    const rid = release.data.rid;
    const moved = unbumpedScopeChange(rid, scopeItems(scope.get(release.id) ?? []), impactOf);
    if (!moved) continue;
    const byId = (files ??= new Map<string, Entity<Modification>>(model.modifications.map((m) => [m.id, m])));
    // A modification whose file failed validation, or whose id or release name is a REF error (a typo), has an
    // unknown place in the scope: the REF finding says what is wrong, and RID-2 does not call it a scope change.
    const brokenIds = (broken ??= brokenReferences(model));
    const unknown = (key: string) => model.invalidIds.modifications.has(key.split('#')[0]!) || brokenIds.has(key.split('#')[0]!);
    const added = moved.added.filter((i) => !unknown(i.key)).map((i) => i.key);
    const removed = moved.removed.filter((i) => !unknown(i.key)).map((i) => i.key);
    if (added.length === 0 && removed.length === 0) continue;
    const left = (key: string) => {
      const m = byId.get(key.split('#')[0]!);
      const why = m && whyLeft(m.data, key, release.id);
      return why === undefined
        ? `${itemName(key)} removed`
        : 'movedTo' in why
          ? `${itemName(key)} moved to ${why.movedTo}`
          : `${itemName(key)} ${why.turnedDown}`;
    };
    const what = [...added.map((k) => `${itemName(k)} added`), ...removed.map(left)].join(', ');
    const part = baselineCoverage(rid) === 'systems' ? 'baselined systems scope' : 'baselined scope';
    const since = moved.reference.source === 'computedFrom' ? `RID ${moved.reference.version}` : `the ${moved.reference.version} baseline`;
    // A modification whose file is gone left the scope with no reason the RID history could give.
    const gone = removed.filter((k) => !byId.has(k.split('#')[0]!)).map((k) => k.split('#')[0]!);
    const withdrawn = gone.length
      ? `; if ${[...new Set(gone)].join(' and ')} ${gone.length === 1 ? 'was' : 'were'} withdrawn or rejected, keep the file and set its status instead, so the history says why`
      : '';
    const message =
      `the ${part} changed since ${since} (${what}) but the RID version is still ${rid!.version}: ` +
      `a change to the baselined scope needs the next integer version; run \`secrel rid bump\` (it makes ${nextVersion(rid!.version, 'major')})${withdrawn}`;
    const finding = findingAt(release, ['rid', 'version'], 'RID-2', 'error', message, { release: release.id });
    const related = [...added, ...removed].map((k) => byId.get(k.split('#')[0]!)?.file).filter((f): f is string => f !== undefined);
    out.push({ finding, files: [release.file, ...new Set(related)] });
  }
  return out;
}

/** Modification ids (as written, and as their file names say) that a REF error is about. */
function brokenReferences(model: RepoModel): Set<string> {
  const out = new Set<string>();
  const mods = new Set(model.modifications.map((m) => m.file));
  for (const f of modificationRefFindings(model)) {
    if (f.rule !== 'REF' || f.severity !== 'error' || !mods.has(f.file)) continue;
    if (f.modification) out.add(f.modification);
    out.add(fileNameId(f.file));
  }
  return out;
}

/**
 * RID-1's record: the version is never lower than a version its history or baselines already record (a version
 * does not go back), and the current version has its history entry (the RID's version-control appendix).
 */
export function ridRecordFindings(releases: readonly Entity<Release>[]): Finding[] {
  const out: Finding[] = [];
  for (const release of releases) {
    out.push(...baselineRecordFindings(release));
    const rid = release.data.rid;
    const version = rid?.version;
    if (!rid || version === undefined || !/^[0-9]+\.[0-9]+$/.test(version)) continue;
    const recorded = [
      ...(rid.history ?? []).map((h) => ({ version: h.version, date: h.date, where: 'history' })),
      ...(rid.baselines ?? []).map((b) => ({ version: b.version, date: b.date, where: 'baseline' })),
    ].filter((r) => /^[0-9]+\.[0-9]+$/.test(r.version));
    const highest = recorded.reduce<(typeof recorded)[number] | undefined>(
      (top, r) => (!top || compareVersions(r.version, top.version) > 0 ? r : top),
      undefined,
    );
    const ids = { release: release.id };
    if (highest && compareVersions(version, highest.version) < 0) {
      out.push(
        findingAt(
          release,
          ['rid', 'version'],
          'RID-1',
          'error',
          `the RID version is ${version}, lower than the ${highest.version} its ${highest.where} records (${formatLong(highest.date)}): a RID version never goes back; ` +
            `set rid.version to ${highest.version} or later, or correct the ${highest.where} entry`,
          ids,
        ),
      );
    } else if (!(rid.history ?? []).some((h) => h.version === version)) {
      out.push(
        findingAt(
          release,
          ['rid', 'version'],
          'RID-1',
          'error',
          `RID ${version} has no entry in rid.history: every version the Panel sees is in the RID's version history; ` +
            `if it was there before, put it back as it was (\`git log -p\` on the file shows it); else add {version: "${version}", date, changes} ` +
            'to rid.history (`secrel rid bump` writes both together)',
          ids,
        ),
      );
    }
    out.push(...historyOrderFindings(release));
  }
  return out;
}

/**
 * RID-1: a baseline is the record of what the Panel set, so it lists that scope (RID-2 compares with it; the
 * Panel paper says what joined since); a release said to be baselined has a baseline on record.
 */
function baselineRecordFindings(release: Entity<Release>): Finding[] {
  const ids = { release: release.id };
  const baselines = release.data.rid?.baselines ?? [];
  const out = baselines.flatMap((b, i) =>
    b.scope !== undefined
      ? []
      : [
          findingAt(
            release,
            ['rid', 'baselines', i],
            'RID-1',
            'warning',
            `the baseline of RID ${b.version} on ${isValidIsoDate(b.date) ? formatLong(b.date) : String(b.date)} does not list the scope the Panel baselined, ` +
              'so no check can tell a later change to that scope (RID-2) and the Panel paper presents the whole scope as joined since: ' +
              'add `scope: [ID, …]` with the modifications it covered (`secrel rid baseline` records it)',
            ids,
          ),
        ],
  );
  if (release.data.status === 'baselined' && baselines.length === 0)
    out.push(
      findingAt(
        release,
        ['status'],
        'RID-1',
        'warning',
        'the status is `baselined`, but no baseline of the RID is recorded: record the Panel’s baseline (`secrel rid baseline ' +
          `${release.id} --date YYYY-MM-DD\`, which sets the status too), or set the status back to \`planned\``,
        ids,
      ),
    );
  return out;
}

/** RID-1: a later version dated before an earlier one (a `rid bump --as-of` in the past, a typo in a date). */
function historyOrderFindings(release: Entity<Release>): Finding[] {
  const history = (release.data.rid?.history ?? []).map((h, i) => ({ ...h, i })).filter((h) => /^[0-9]+\.[0-9]+$/.test(h.version) && isValidIsoDate(h.date));
  const ordered = [...history].sort((a, b) => compareVersions(a.version, b.version));
  const out: Finding[] = [];
  for (let k = 1; k < ordered.length; k++) {
    const [before, after] = [ordered[k - 1]!, ordered[k]!];
    if (compare(after.date, before.date) >= 0) continue;
    out.push(
      findingAt(
        release,
        ['rid', 'history', after.i, 'date'],
        'RID-1',
        'warning',
        `RID ${after.version} is dated ${formatLong(after.date)}, before RID ${before.version} (${formatLong(before.date)}): the RID's Document History would run backwards; correct whichever date is wrong`,
        { release: release.id },
      ),
    );
  }
  return out;
}
