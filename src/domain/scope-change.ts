// What `secrel diff` finds between two revisions, one change at a time (scope-diff.ts finds them,
// scope-diff-words.ts words them).
import type { ChangeRequestChange } from './change-request-diff.js';
import type { DependencyChange } from './dependency-diff.js';
import type { Pence } from './money.js';
import type { BaselineCoverage, ModificationStatus, ReleaseStatus } from './model.js';

export type DateField =
  | 'go-live'
  | 'decision.expected'
  | 'decision.date'
  | 'decision.referralWindowEnd'
  | 'implementation.date'
  | 'tad.toTag'
  | 'tad.published'
  | 'acceptance.evidenceSubmitted'
  | 'costs.actualReported';
/** The words of a modification its RID shows (modification-text-diff.ts). */
export type TextField = 'title' | 'summary' | 'impacts' | 'documents';
export type CostField = 'dcc' | 'secas' | 'forecast' | 'actual' | 'statedTotal';
/** Release notices (`notices.twelveMonth` …) and a modification's approval notice (`notices.approval`). */
export type NoticeField = 'twelveMonth' | 'sixMonth' | 'oneMonth' | 'approval';

export type Change =
  | {
      kind: 'added';
      key: string;
      modification: string;
      systemImpact: boolean;
      status: ModificationStatus | undefined;
      movedFrom?: string;
      /** Moved while approved, with no new Authority revision recorded (IMP-6). */
      unrevised?: true;
    }
  | { kind: 'removed'; key: string; modification: string; systemImpact: boolean | undefined; status?: ModificationStatus | undefined; movedTo?: string }
  /** `on`: the decision date recorded with the change (approved, rejected), which is then no line of its own. */
  | { kind: 'status'; modification: string; from: ModificationStatus | undefined; to: ModificationStatus | undefined; on?: string }
  | { kind: 'date'; modification?: string; field: DateField; from: string | undefined; to: string | undefined }
  | { kind: 'cost'; modification?: string; field: CostField; from: Pence | undefined; to: Pence | undefined }
  | { kind: 'recorded'; modification: string; status: ModificationStatus | undefined }
  /** Its title (`to`: the new one), summary, impacts or documents changed: the RID's words for it. */
  | { kind: 'text'; modification: string; field: TextField; to?: string }
  /** A modification delivered in parts has more or fewer of them, none of this release's own (its RID counts them). */
  | { kind: 'parts'; modification: string; from: number; to: number; elsewhere: { part: number; release: string }[] }
  | { kind: 'release-status'; from: ReleaseStatus | undefined; to: ReleaseStatus | undefined }
  | { kind: 'rid-version'; from: string | undefined; to: string | undefined }
  | { kind: 'baseline'; change: 'added' | 'removed'; version: string; date: string; covers: BaselineCoverage }
  | { kind: 'notice'; modification?: string; notice: NoticeField; from: string | undefined; to: string | undefined }
  | { kind: 'deleted'; modification: string }
  /** A Technical Specification version the release makes effective (SCP-5): listed, no longer listed, or its terms changed. */
  | { kind: 'tech-spec'; document: string; version: string; from: TechSpecTerms | undefined; to: TechSpecTerms | undefined }
  /** Go-live acceptance criteria (GL-1, GL-3) whose record changed the same way: one line for them all. */
  | { kind: 'criteria'; ids: string[]; from: CriterionRecord | undefined; to: CriterionRecord | undefined }
  | { kind: 'acceptance-set'; from: string; to: string }
  /** A timetable event: `when` its date, or its offset ("-10wd from go-live"). */
  | { kind: 'timeline'; event: string; from: { when: string | undefined } | undefined; to: { when: string | undefined } | undefined }
  | { kind: 'risk'; summary: string; change: 'added' | 'removed' | 'changed' }
  /** The file does not load on one side (a YAML or schema error): what changed in it is not known. */
  | { kind: 'unreadable'; modification?: string; side: 'before' | 'after' }
  | ChangeRequestChange
  | DependencyChange;

export interface TechSpecTerms {
  validFrom?: string;
  previousVersion?: string;
  previousValidTo?: string;
}

/** One acceptance criterion's record: `met` null while not assessed. */
export interface CriterionRecord {
  met: boolean | null;
  reviewedBy?: string;
  date?: string;
  evidence?: string;
  text?: string;
}

export interface ReleaseDiff {
  /** The release id; undefined for modifications in no release's scope on either side. */
  release?: string;
  /** "June 2020 SEC Release", when the calendar knows the release. */
  name?: string;
  changes: Change[];
  /** One line per change, as `describeChange` words it. */
  lines: string[];
}
