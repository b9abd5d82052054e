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
  /** A modification delivered in parts has more or fewer of them, none of this release's own (its RID counts them). */
  | { kind: 'parts'; modification: string; from: number; to: number; elsewhere: { part: number; release: string }[] }
  | { kind: 'release-status'; from: ReleaseStatus | undefined; to: ReleaseStatus | undefined }
  | { kind: 'rid-version'; from: string | undefined; to: string | undefined }
  | { kind: 'baseline'; change: 'added' | 'removed'; version: string; date: string; covers: BaselineCoverage }
  | { kind: 'notice'; modification?: string; notice: NoticeField; from: string | undefined; to: string | undefined }
  | { kind: 'deleted'; modification: string }
  /** The file does not load on one side (a YAML or schema error): what changed in it is not known. */
  | { kind: 'unreadable'; modification?: string; side: 'before' | 'after' }
  | ChangeRequestChange
  | DependencyChange;

export interface ReleaseDiff {
  /** The release id; undefined for modifications in no release's scope on either side. */
  release?: string;
  /** "June 2020 SEC Release", when the calendar knows the release. */
  name?: string;
  changes: Change[];
  /** One line per change, as `describeChange` words it. */
  lines: string[];
}
