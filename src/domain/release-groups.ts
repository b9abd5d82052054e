// Which release each finding is about, and the findings grouped by release in go-live order (`check`,
// `plan`, `rid baseline`).
import type { PlannedRelease } from './calendar.js';
import type { Finding } from './findings.js';
import { releaseFinder } from './releases.js';
import { YAML_FILE, type RepoModel } from './repository.js';

/**
 * Which release each finding is about: its own `release`, else its modification's release, else the release
 * file it is in. Findings about no release (the config, a file that did not load) are under `undefined`.
 */
export function findingsByRelease<F extends Finding>(model: RepoModel, findings: readonly F[]): Map<string | undefined, F[]> {
  const modRelease = new Map<string, string>();
  const fileRelease = new Map<string, string>();
  for (const m of model.modifications) {
    const r = m.data.implementation?.release ?? m.data.parts?.[0]?.release;
    if (!r) continue;
    modRelease.set(m.id, r);
    fileRelease.set(m.file, r);
  }
  for (const r of model.releases) fileRelease.set(r.file, r.id);
  const releasesDir = `${model.config.paths.releases}/`;
  const out = new Map<string | undefined, F[]>();
  for (const f of findings) {
    const fromDir = f.file.startsWith(releasesDir) ? f.file.slice(releasesDir.length).replace(YAML_FILE, '') : undefined;
    const id = f.release ?? (f.modification && modRelease.get(f.modification)) ?? fileRelease.get(f.file) ?? (fromDir?.includes('/') ? undefined : fromDir);
    (out.get(id) ?? out.set(id, []).get(id)!).push(f);
  }
  return out;
}

/** The findings about one release (`id` undefined: about none), and that release when the calendar has it. */
export interface ReleaseGroup<F extends Finding = Finding> {
  id?: string;
  planned?: PlannedRelease;
  findings: F[];
}

/**
 * The findings by the release they are about (`findingsByRelease`), the releases in go-live order (by id
 * on the same day), then ids the calendar does not know (by id), then the findings about no release.
 */
export function releaseGroups<F extends Finding>(model: RepoModel, findings: readonly F[]): ReleaseGroup<F>[] {
  const find = releaseFinder(model);
  const keyed = [...findingsByRelease(model, findings)].map(([id, list]) => {
    const planned = id === undefined ? undefined : find(id);
    const group: ReleaseGroup<F> = { ...(id !== undefined ? { id } : {}), ...(planned ? { planned } : {}), findings: list };
    return { key: id === undefined ? '~~' : planned ? planned.date : `~${id}`, id: id ?? '', group };
  });
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return keyed.sort((a, b) => order(a.key, b.key) || order(a.id, b.id)).map((k) => k.group);
}
