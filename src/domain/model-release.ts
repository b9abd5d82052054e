// The release file's types (releases/<ID>.yaml): names for parts of the type generated from schemas/release.schema.json.
import type { Release } from '../generated/schema-types.js';

export type { Release };

type Item<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;

export type ReleaseStatus = NonNullable<Release['status']>;
export type Rid = NonNullable<Release['rid']>;
export type RidBaseline = Item<Rid['baselines']>;
export type BaselineCoverage = RidBaseline['covers'];
export type RidHistoryEntry = Item<Rid['history']>;
/** Written by `secrel rid bump`: what the current version was computed from. */
export type RidComputedFrom = NonNullable<Rid['computedFrom']>;
export type ReleaseCosts = NonNullable<Release['costs']>;
export type ReleaseAcceptance = NonNullable<Release['acceptance']>;
/** The status of one acceptance criterion in a release (GL-1, GL-3). */
export type AcceptanceCriterion = Item<ReleaseAcceptance['criteria']>;
