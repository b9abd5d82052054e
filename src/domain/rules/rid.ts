// RID-2: a change to the baselined scope without the next integer RID version, found without git history.
import { systemsScope } from '../impact.js';
import type { Finding } from '../findings.js';
import type { Modification } from '../model.js';
import { findingAt, type Entity, type RepoModel } from '../repository.js';
import { scopeByRelease, type ScopeEntry } from '../scope.js';
import { baselineCoverage, itemName, nextVersion, unbumpedScopeChange, type ScopeItem } from '../versioning.js';

export interface RidCheck {
  finding: Finding;
  /** Every file the finding is about: the release and the modifications that moved (for `validate FILES…`). */
  files: string[];
}

/** Scope items as versioning reads them, and the impact of modifications that have left the scope. */
export function scopeItems(entries: readonly ScopeEntry[]): ScopeItem[] {
  return entries.map((e) => ({ key: e.key, systemImpact: e.systemsScope }));
}

export function impactLookup(model: Pick<RepoModel, 'modifications'>): (key: string) => boolean | undefined {
  const byId = new Map(model.modifications.map((m) => [m.id, m]));
  return (key) => {
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
  const files = new Map<string, Entity<Modification>>(model.modifications.map((m) => [m.id, m]));
  const unknown = (key: string) => model.invalidIds.modifications.has(key.split('#')[0]!);
  const out: RidCheck[] = [];
  for (const release of model.releases) {
    const rid = release.data.rid;
    const moved = unbumpedScopeChange(rid, scopeItems(scope.get(release.id) ?? []), impactOf);
    if (!moved) continue;
    const added = moved.added.filter((i) => !unknown(i.key)).map((i) => i.key);
    const removed = moved.removed.filter((i) => !unknown(i.key)).map((i) => i.key);
    if (added.length === 0 && removed.length === 0) continue;
    const what = [...added.map((k) => `${itemName(k)} added`), ...removed.map((k) => `${itemName(k)} removed`)].join(', ');
    const part = baselineCoverage(rid) === 'systems' ? 'baselined systems scope' : 'baselined scope';
    const since = moved.reference.source === 'computedFrom' ? `RID ${moved.reference.version}` : `the ${moved.reference.version} baseline`;
    const message =
      `the ${part} changed since ${since} (${what}) but the RID version is still ${rid!.version}: ` +
      `a change to the baselined scope needs the next integer version; run \`secrel rid bump\` (it makes ${nextVersion(rid!.version, 'major')})`;
    const finding = findingAt(release, ['rid', 'version'], 'RID-2', 'error', message, { release: release.id });
    const related = [...added, ...removed].map((k) => files.get(k.split('#')[0]!)?.file).filter((f): f is string => f !== undefined);
    out.push({ finding, files: [release.file, ...new Set(related)] });
  }
  return out;
}
