// The typed model of a secrel repository: one interface per YAML file kind, mirroring schemas/*.schema.json.
//
// Field names, optionality and enums follow the JSON Schemas exactly; the loader validates a file
// against its schema before it is cast to these types. Dates stay `YYYY-MM-DD` strings throughout
// (no `Date` objects), and money stays the number the user wrote (pounds, at most two decimals).

/** A calendar date `YYYY-MM-DD`, e.g. `2020-06-25`. Never a `Date`; never passes through a time zone. */
export type IsoDate = string;

/** A release id `YYYY-MM` with an optional lower-case suffix, e.g. `2020-06`, `2022-07-mp200`. */
export type ReleaseId = string;

/** A Modification Proposal id, e.g. `SECMP0062`, `MP079`. */
export type ModificationId = string;

/** A scope entry: a modification id, or `<id>#<part>` for one part of it, e.g. `SECMP0062#1`. */
export type ScopeItem = string;

/** Amount in pounds sterling, whole pounds or pounds and pence (`1200.5`); add as integer pence. */
export type Money = number;

/** A lead time: `12m` (months before go-live) or `20wd` (Working Days following decision). */
export type LeadTime = string;

/** A timeline offset: signed number and unit, `wd` Working Days, `d` days, `w` weeks, `m` months. */
export type Offset = string;

export type ModificationStatus =
  | 'raised'
  | 'development'
  | 'refinement'
  | 'report'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'implemented';

export type Governance = 'authority' | 'self-governance' | 'fast-track' | 'authority-led';

export type TechSpec = 'DUIS' | 'GBCS' | 'TS';

export type ReleaseType = 'system' | 'documentation';

export type ReleaseStatus = 'planned' | 'baselined' | 'testing' | 'live' | 'cancelled';

export type BaselineCoverage = 'systems' | 'all';

export type PartyCategory = 'suppliers' | 'electricityNetworks' | 'gasNetworks' | 'otherParties';

export type DccArea = 'csp' | 'dsp' | 'governance' | 'operations' | 'security' | 'other';

export type CycleWeek = 'first' | 'second' | 'third' | 'fourth' | 'last';

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** The standard kinds of acceptance criterion; a config set may use another word. */
export type AcceptanceBody = 'operations' | 'testing' | 'security';

// ----------------------------------------------------------------------------- shared parts

/** DCC cost breakdown (CST-1): a modification's standalone costs or a release's forecast/actual. */
export interface DccCosts {
  designBuildPit?: Money;
  sit?: Money;
  uit?: Money;
  implementToLive?: Money;
  oneOffOperational?: Money;
  ongoingOperational?: Money;
  systemCapacityTesting?: Money;
  /** A stated total; must equal the sum of the headings above (CST-2). */
  total?: Money;
}

// ----------------------------------------------------------------------------- modification

export interface Decision {
  expected?: IsoDate;
  date?: IsoDate;
  /** Self-Governance: end of the referral window; a Working Days lead time counts from here. */
  referralWindowEnd?: IsoDate;
}

/** An Authority-approved change of an approved implementation date (IMP-6). */
export interface ImplementationRevision {
  date: IsoDate;
  /** A release id or a date. */
  from: ReleaseId | IsoDate;
  /** A release id or a date. */
  to: ReleaseId | IsoDate;
  reason?: string;
}

/** A change of the targeted release before any decision (no Authority approval needed). */
export interface ImplementationRetarget {
  date: IsoDate;
  from: ReleaseId;
  /** Left out while the new target is undetermined. */
  to?: ReleaseId;
  reason?: string;
}

export interface Implementation {
  release?: ReleaseId;
  fallback?: ReleaseId;
  date?: IsoDate;
  addedToScope?: IsoDate;
  /** The Panel's rationale for a late addition (SCP-2). */
  exception?: string;
  revisions?: ImplementationRevision[];
  retargets?: ImplementationRetarget[];
}

/** One part of a modification delivered in parts (SCP-6); scope item `<id>#<part>`. */
export interface ModificationPart {
  part: number;
  release: ReleaseId;
  summary?: string;
  addedToScope?: IsoDate;
  exception?: string;
}

export type PartyImpacts = Partial<Record<PartyCategory, string>>;

export type DccImpacts = Partial<Record<DccArea, string>>;

export interface Impacts {
  parties?: PartyImpacts;
  dcc?: DccImpacts;
  /** `[]` means "no other Codes impacted"; absent means not recorded. */
  otherCodes?: string[];
}

export interface SecasCosts {
  days?: number;
  amount?: Money;
}

export interface ModificationCosts {
  dcc?: DccCosts;
  secas?: SecasCosts;
}

export interface ModificationNotices {
  approval?: IsoDate;
}

export interface Modification {
  $schema?: string;
  id: ModificationId;
  title: string;
  summary?: string;
  url?: string;
  status?: ModificationStatus;
  governance?: Governance;
  systemImpact?: boolean;
  techSpecs?: TechSpec[];
  leadTime?: LeadTime;
  dependsOn?: string[];
  decision?: Decision;
  implementation?: Implementation;
  parts?: ModificationPart[];
  impacts?: Impacts;
  documents?: string[];
  costs?: ModificationCosts;
  notices?: ModificationNotices;
  notes?: string;
}

// ----------------------------------------------------------------------------- release

export interface ChangeRequest {
  id: string;
  title: string;
  summary?: string;
}

/** A DUIS/GBCS/TS version made effective by a release (SCP-5). */
export interface TechSpecVersion {
  document: TechSpec;
  version: string;
  validFrom?: IsoDate;
  previousVersion?: string;
  previousValidTo?: IsoDate;
}

export interface RidBaseline {
  /** e.g. `"1.0"`. */
  version: string;
  date: IsoDate;
  covers: BaselineCoverage;
  scope?: ScopeItem[];
}

export interface RidHistoryEntry {
  version: string;
  date: IsoDate;
  /** One line or several. */
  changes: string | string[];
}

/** Written by `secrel rid bump`: what the current version was computed from. */
export interface RidComputedFrom {
  /** The version this was recorded at (a version raised by hand since is recognised, never bumped again). */
  version?: string;
  scope?: ScopeItem[];
  inputs?: string;
}

export interface Rid {
  /** e.g. `"1.1"`; pattern `^[0-9]+\.[0-9]+$`. */
  version?: string;
  baselines?: RidBaseline[];
  history?: RidHistoryEntry[];
  computedFrom?: RidComputedFrom;
}

export interface Tad {
  toTag?: IsoDate;
  published?: IsoDate;
  notes?: string;
}

/**
 * One step of the implementation timetable. Exactly one form holds (the schema enforces it):
 * `date` alone; `offset` with `from` (the `event` of another entry); or neither (date to be confirmed).
 */
export interface TimelineEntry {
  event: string;
  date?: IsoDate;
  offset?: Offset;
  from?: string;
  description?: string;
  owner?: string;
}

export interface SecasActivityCost {
  activity?: string;
  days?: number;
  amount: Money;
}

export interface ReleaseCosts {
  forecast?: DccCosts;
  actual?: DccCosts;
  actualReported?: IsoDate;
  /** A total the RID states, checked against the sum of `forecast` (CST-2). */
  statedTotal?: Money;
  secas?: SecasActivityCost[];
  notes?: string;
}

/** The status of one acceptance criterion in a release (GL-1, GL-3). */
export interface AcceptanceCriterion {
  id: string;
  /** `null` or absent: not yet assessed. */
  met?: boolean | null;
  evidence?: string;
  reviewedBy?: string;
  date?: IsoDate;
  /** This RID's wording, when it differs from the set's. */
  text?: string;
}

export interface ReleaseAcceptance {
  /** Default `standard`. */
  set?: string;
  evidenceSubmitted?: IsoDate;
  criteria?: AcceptanceCriterion[];
}

export interface ReleaseNotices {
  twelveMonth?: IsoDate;
  sixMonth?: IsoDate;
  oneMonth?: IsoDate;
}

export interface Risk {
  summary: string;
  mitigation?: string;
  owner?: string;
}

export interface Release {
  $schema?: string;
  id: ReleaseId;
  type?: ReleaseType;
  /** When true, `date` and `type` are required. */
  adhoc?: boolean;
  date?: IsoDate;
  dateReason?: string;
  status?: ReleaseStatus;
  url?: string;
  changeRequests?: ChangeRequest[];
  techSpecs?: TechSpecVersion[];
  rid?: Rid;
  tad?: Tad;
  timeline?: TimelineEntry[];
  costs?: ReleaseCosts;
  acceptance?: ReleaseAcceptance;
  notices?: ReleaseNotices;
  risks?: Risk[];
  notes?: string;
}

// ----------------------------------------------------------------------------- config

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
}
