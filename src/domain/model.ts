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

import type { DependsOnEntry } from './model-change-request.js';

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
  /** This part's own costs: the part is then costed in its own release (else the whole, with the first part). */
  costs?: { dcc?: DccCosts };
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

/** `dcc` (DCC Systems, and usually User Systems), `user` (User Systems only), `none`; `true`/`false` read as `dcc`/`none`. */
export type SystemImpact = boolean | 'dcc' | 'user' | 'none';

export interface Modification {
  $schema?: string;
  id: ModificationId;
  title: string;
  summary?: string;
  url?: string;
  status?: ModificationStatus;
  governance?: Governance;
  systemImpact?: SystemImpact;
  techSpecs?: TechSpec[];
  leadTime?: LeadTime;
  dependsOn?: DependsOnEntry[];
  decision?: Decision;
  implementation?: Implementation;
  parts?: ModificationPart[];
  impacts?: Impacts;
  documents?: string[];
  costs?: ModificationCosts;
  notices?: ModificationNotices;
  notes?: string;
}

export type * from './model-release.js';
export type * from './model-change-request.js';
export type * from './model-config.js';
