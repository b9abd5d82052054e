// The DCC Change Request file's types (change-requests/<ID>.yaml) and a modification's typed dependencies,
// mirroring schemas/change-request.schema.json and `dependsOn` in schemas/modification.schema.json.
import type { IsoDate, ReleaseId } from './model.js';

export type ChangeRequestStatus = 'planned' | 'in-progress' | 'done' | 'cancelled';

export interface ChangeRequestRecord {
  $schema?: string;
  id: string;
  title: string;
  summary?: string;
  status?: ChangeRequestStatus;
  /** The date it is expected to be done; absent while there is no committed timeline. */
  expected?: IsoDate;
  /** The date it was done. */
  done?: IsoDate;
  /** The SEC Releases it rides with. */
  releases?: ReleaseId[];
  notes?: string;
}

export type DependencyKind = 'modification' | 'change-request';

export type DependencyNeed = 'before-development' | 'before-testing' | 'before-go-live';

/** One `dependsOn` entry in its long form. */
export interface DependencyEntry {
  id: string;
  kind?: DependencyKind;
  needed?: DependencyNeed;
  /** How long before go-live it must be done: `9m`, `6w`, `30d`. */
  lead?: string;
  notes?: string;
}

/** A `dependsOn` entry as written: an id (short form) or the long form. */
export type DependsOnEntry = string | DependencyEntry;
