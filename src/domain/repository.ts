// The loaded repository as the pure domain sees it: typed data, each entity with the file it came from.
import type { ResolvedConfig } from './config.js';
import type { Finding, PathSegment, Severity } from './findings.js';
import type { ChangeRequestRecord, Modification, Release } from './model.js';

export type { PathSegment } from './findings.js';

export interface Entity<T> {
  id: string;
  /** Repository-relative path of the file it was read from. */
  file: string;
  data: T;
}

/** A secrel data file's name: `.yaml` or `.yml`, in any case (`MP079.YAML` is read too, never skipped unseen). */
export const YAML_FILE = /\.ya?ml$/i;

/** The id a file's name gives: `modifications/MP101.yaml` → `MP101` (what an id must match, and what stands for a file that does not load). */
export function fileNameId(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(YAML_FILE, '');
}

export interface RepoModel {
  config: ResolvedConfig;
  modifications: readonly Entity<Modification>[];
  releases: readonly Entity<Release>[];
  /** DCC Change Requests recorded in `change-requests/` (modifications may depend on them). */
  changeRequests?: readonly Entity<ChangeRequestRecord>[];
  /**
   * Ids whose files exist but failed validation: references to them are not "unknown". An EveryId when
   * the kind's whole folder could not be read.
   */
  invalidIds: { modifications: ReadonlySet<string>; releases: ReadonlySet<string>; changeRequests?: ReadonlySet<string> };
}

/**
 * The ids of a folder that could not be read (a file in its place, no permission): any id may have been
 * there, so `has` is true for all, and `size` is never 0 (there is no complete list to reason from).
 */
export class EveryId extends Set<string> {
  override has(): boolean {
    return true;
  }
  override get size(): number {
    return Number.POSITIVE_INFINITY;
  }
}

/** A finding about one field of one entity: the field's path in the entity's file. */
export function findingAt(
  entity: Entity<unknown>,
  path: readonly PathSegment[],
  rule: string,
  severity: Severity,
  message: string,
  extra: { release?: string; modification?: string; where?: 'key' | 'value' } = {},
): Finding {
  const f: Finding = { rule, severity, message, file: entity.file, path: [...path] };
  if (extra.where === 'key') f.where = 'key';
  if (extra.release) f.release = extra.release;
  if (extra.modification) f.modification = extra.modification;
  return f;
}

// Built once per list of modifications (a loaded model's list is never changed afterwards).
const modificationIndex = new WeakMap<readonly Entity<Modification>[], ReadonlyMap<string, Entity<Modification>>>();

/**
 * The modification with this id, as `model.modifications.find((m) => m.id === id)` gives it (the first,
 * should two share an id), without a pass over every modification: a document per modification that
 * looks up each one by id would otherwise take time growing with the square of their number.
 */
export function modificationById(model: Pick<RepoModel, 'modifications'>, id: string): Entity<Modification> | undefined {
  let index = modificationIndex.get(model.modifications);
  if (!index) {
    const map = new Map<string, Entity<Modification>>();
    for (const m of model.modifications) if (!map.has(m.id)) map.set(m.id, m);
    modificationIndex.set(model.modifications, (index = map));
  }
  return index.get(id);
}
