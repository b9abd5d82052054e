// secrel.config.yaml's types, mirroring schemas/config.schema.json.
import type { IsoDate, ReleaseType, PartyCategory, CycleWeek, Weekday, AcceptanceBody } from './model.js';

export type CycleEntry =
  | { month: number; week: CycleWeek; weekday: Weekday; type: string }
  | { month: number; day: number; type: string };

export interface Holiday {
  date: IsoDate;
  name?: string;
}

/** A change freeze, both ends included (CAL-6). */
export interface Freeze {
  from: IsoDate;
  to: IsoDate;
  reason?: string;
}

/** Limits on what one System Release can hold (CAP-1). */
export interface Capacity {
  systemModifications?: number;
  /** Pounds: the sum of the scope's standalone DCC costs. */
  dccCost?: number;
}

export interface PartyCategoryName {
  /** `suppliers` (SEC), or a key of the code's own. */
  id: PartyCategory | (string & {});
  name: string;
}

export interface ReleaseKindDefinition {
  id: string;
  name: string;
  rules: ReleaseType;
}

/** One criterion of an acceptance set (config `acceptanceSets`, or the built-in standard set). */
export interface AcceptanceCriterionDefinition {
  id: string;
  /** `operations`, `testing`, `security`, or a word of the user's own. */
  body: AcceptanceBody | (string & {});
  reviewer?: string;
  text: string;
}

export type AcceptanceSet = AcceptanceCriterionDefinition[];

export interface SecrelPaths {
  modifications?: string;
  releases?: string;
  changeRequests?: string;
}

export interface SecrelConfig {
  $schema?: string;
  code?: 'sec' | 'bsc' | 'dcusa' | 'unc' | 'rec';
  codeName?: string;
  releaseKinds?: ReleaseKindDefinition[];
  releaseNames?: { name?: string; versioned?: string };
  modificationIds?: { pattern: string; example?: string };
  governanceRoutes?: { id: string; name: string }[];
  cycle?: CycleEntry[];
  holidays?: Holiday[];
  freezes?: Freeze[];
  capacity?: Capacity;
  partyCategories?: PartyCategoryName[];
  acceptanceSets?: Record<string, AcceptanceSet>;
  documentTitles?: Record<string, string>;
  paths?: SecrelPaths;
  templates?: string;
  output?: string;
  calendar?: { uidDomain?: string };
}
