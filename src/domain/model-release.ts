// The release file's types (releases/<ID>.yaml), mirroring schemas/release.schema.json.
import type { IsoDate, ReleaseId, ScopeItem, Money, Offset, TechSpec, ReleaseType, ReleaseStatus, BaselineCoverage, DccCosts } from './model.js';

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
  /** A stable name (`panel-go-no-go`): the calendar UID and what `from` names; else the event's slug. */
  id?: string;
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

/** The DCC Release Notes of a release, once published (linked from the release's page on the site). */
export interface ReleaseNotes {
  url: string;
  /** The link's text; `DCC Release Notes` when absent. */
  title?: string;
  published?: IsoDate;
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
  /** When the Panel decided to create the release: deadlines before it are not applicable. */
  agreed?: IsoDate;
  date?: IsoDate;
  /** Go-live dates the release had before `date` (each move raises the calendar's SEQUENCE). */
  previousDates?: IsoDate[];
  dateReason?: string;
  status?: ReleaseStatus;
  url?: string;
  releaseNotes?: ReleaseNotes;
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
