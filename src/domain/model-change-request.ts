// The DCC Change Request file's types (change-requests/<ID>.yaml) and a modification's typed dependencies:
// names for parts of the types generated from schemas/change-request.schema.json and modification.schema.json.
import type { ChangeRequestRecord, Modification } from '../generated/schema-types.js';

export type { ChangeRequestRecord };

export type ChangeRequestStatus = NonNullable<ChangeRequestRecord['status']>;

/** One `dependsOn` entry in its long form. */
export type DependencyEntry = Exclude<NonNullable<Modification['dependsOn']>[number], string>;
export type DependencyKind = NonNullable<DependencyEntry['kind']>;
export type DependencyNeed = NonNullable<DependencyEntry['needed']>;
