// The loaded repository as the pure domain sees it: typed data that can say where each field came from.
import type { ResolvedConfig } from './config.js';
import type { Finding, Position, Severity } from './findings.js';
import type { ChangeRequestRecord, Modification, Release } from './model.js';

export type PathSegment = string | number;

export interface Entity<T> {
  id: string;
  /** Repository-relative path of the file it was read from. */
  file: string;
  data: T;
  /** Source position of a field: `key` for the key itself, `value` (default) for its value. */
  at(path: readonly PathSegment[], where?: 'key' | 'value'): Position;
}

export interface RepoModel {
  config: ResolvedConfig;
  modifications: readonly Entity<Modification>[];
  releases: readonly Entity<Release>[];
  /** DCC Change Requests recorded in `change-requests/` (modifications may depend on them). */
  changeRequests?: readonly Entity<ChangeRequestRecord>[];
  /** Ids whose files exist but failed validation: references to them are not "unknown". */
  invalidIds: { modifications: ReadonlySet<string>; releases: ReadonlySet<string>; changeRequests?: ReadonlySet<string> };
}

/** A finding about one field of one entity, positioned at that field. */
export function findingAt(
  entity: Entity<unknown>,
  path: readonly PathSegment[],
  rule: string,
  severity: Severity,
  message: string,
  extra: { release?: string; modification?: string; where?: 'key' | 'value' } = {},
): Finding {
  const pos = entity.at(path, extra.where ?? 'value');
  const f: Finding = { rule, severity, message, file: entity.file, line: pos.line, column: pos.column };
  if (extra.release) f.release = extra.release;
  if (extra.modification) f.modification = extra.modification;
  return f;
}
