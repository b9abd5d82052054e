// secrel.config.yaml's types, mirroring schemas/config.schema.json.
import type { IsoDate, ReleaseType, PartyCategory, CycleWeek, Weekday, AcceptanceBody } from './model.js';

export interface CycleEntry {
  month: number;
  week: CycleWeek;
  weekday: Weekday;
  type: ReleaseType;
}

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

export interface PartyCategoryName {
  id: PartyCategory;
  name: string;
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
}

export interface SecrelConfig {
  $schema?: string;
  cycle?: CycleEntry[];
  holidays?: Holiday[];
  freezes?: Freeze[];
  partyCategories?: PartyCategoryName[];
  acceptanceSets?: Record<string, AcceptanceSet>;
  documentTitles?: Record<string, string>;
  paths?: SecrelPaths;
  templates?: string;
  output?: string;
  calendar?: { uidDomain?: string };
}
