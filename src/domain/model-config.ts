// secrel.config.yaml's types: names for parts of the type generated from schemas/config.schema.json.
import type { SecrelConfig } from '../generated/schema-types.js';

export type { SecrelConfig };

type Item<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;

export type CycleEntry = Item<SecrelConfig['cycle']>;
/** The day of the week by name, as a cycle entry writes it (`thursday`); dates.ts's `DayOfWeek` is its number. */
export type Weekday = Extract<CycleEntry, { weekday: unknown }>['weekday'];
/** Limits on what one System Release can hold (CAP-1). */
export type Capacity = NonNullable<SecrelConfig['capacity']>;
export type AcceptanceSet = NonNullable<SecrelConfig['acceptanceSets']>[string];
