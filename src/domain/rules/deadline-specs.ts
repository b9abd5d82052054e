// The deadlines a release file records (RID baselines, TAD, costs, evidence, notices): for each, the milestone
// that gives its due date, the Policy's words, where it is recorded and when it applies.
import type { PathSegment } from '../repository.js';
import type { ReleaseFacts } from './context.js';

export interface DeadlineSpec {
  /** The built-in milestone that gives the due date. */
  milestone: string;
  rule: string;
  /** What is due, as the subject of a sentence: 'The TAD for the TAG'. */
  subject: string;
  /** The Policy's words for the deadline: 'at least 9 months before go-live'. */
  policy: string;
  /** Where the release file records it: a date, (`presence`) any value, or (`firstDate`) a list whose first entry's `date` counts. */
  path: readonly PathSegment[];
  presence?: boolean;
  firstDate?: boolean;
  /** (A list of baselines) the first entry with `covers` this, whose `date` counts. */
  covering?: 'all';
  /** The key under `lateReported` that records the breach was reported, when it is not the path's (two deadlines share `rid.baselines`). */
  lateKey?: string;
  /** How to record it, when that is a command rather than a field to fill in. */
  how?: (facts: Pick<ReleaseFacts, 'entity' | 'hasFile'>) => string;
  systemOnly: boolean;
  /** Only when the release changes DCC Systems (`changesDccSystems`): a System Release holding only documentation changes has no DCC cost (CAL-5). */
  dccChange?: boolean;
  /** Only when the scope holds a documentation-only entry, set at the documentation cut-off: else the systems baseline covers it all. */
  documentationScope?: boolean;
  /** Due at the RID's first baseline, when the Panel made it before the milestone's day (CST-3's Forecast Release Cost). */
  byFirstBaseline?: boolean;
  /**
   * For an ad-hoc release the Panel agreed after the milestone's day: the milestones it is due by instead, the
   * first not before the agreement (the RID is still baselined, and its cost forecast, by the time the whole
   * scope is set; else by go-live), rather than not at all: the process of an ad-hoc release "is the same as
   * that of a scheduled release" (Release Management Policy), so a System Release does not go live without them.
   */
  whenAgreedLate?: readonly string[];
}

/** How to record a RID baseline: `secrel rid baseline`, in a release file created first if there is none. */
function baselineHow(covers: string) {
  return (facts: Pick<ReleaseFacts, 'entity' | 'hasFile'>): string =>
    `${facts.hasFile ? '' : `create ${facts.entity.file} (id: ${facts.entity.id}; the release has no file yet), then `}run \`secrel rid baseline ${facts.entity.id} --date D${covers}\` (the date of the Panel meeting)`;
}

export const DEADLINES: readonly DeadlineSpec[] = [
  {
    milestone: 'tad-to-tag',
    rule: 'TST-1',
    subject: "The TAD's submission to the TAG",
    policy: 'at least 9 months before go-live',
    path: ['tad', 'toTag'],
    whenAgreedLate: ['tad-published', 'go-live'],
    systemOnly: true,
  },
  {
    milestone: 'tad-published',
    rule: 'TST-1',
    subject: 'The final, published TAD',
    policy: 'at least 6 months before go-live',
    path: ['tad', 'published'],
    whenAgreedLate: ['go-live'],
    systemOnly: true,
  },
  {
    milestone: 'systems-baseline',
    rule: 'RID-1',
    subject: "The Panel's baseline of the RID",
    policy: 'when the systems scope is set, 12 months before go-live',
    path: ['rid', 'baselines'],
    firstDate: true,
    whenAgreedLate: ['full-baseline', 'go-live'],
    how: baselineHow(''),
    systemOnly: true,
  },
  {
    milestone: 'full-baseline',
    rule: 'RID-1',
    subject: "The Panel's baseline of the RID's full scope",
    policy: 'when the documentation scope is set, 6 months before go-live',
    path: ['rid', 'baselines'],
    covering: 'all',
    lateKey: 'rid.fullScopeBaseline',
    whenAgreedLate: ['go-live'],
    how: baselineHow(' --covers all'),
    systemOnly: false,
    documentationScope: true,
  },
  {
    milestone: 'forecast-cost',
    rule: 'CST-3',
    subject: 'The Forecast Release Cost',
    policy: 'at the first baseline, 12 months before go-live',
    path: ['costs', 'forecast'],
    presence: true,
    systemOnly: true,
    dccChange: true,
    byFirstBaseline: true,
    whenAgreedLate: ['full-baseline', 'go-live'],
  },
  {
    milestone: 'actual-cost-report',
    rule: 'CST-4',
    subject: 'The actual cost report',
    policy: 'within 3 months after go-live',
    path: ['costs', 'actualReported'],
    systemOnly: true,
    dccChange: true,
  },
  {
    milestone: 'go-live-evidence',
    rule: 'GL-2',
    subject: "DCC's go-live evidence",
    policy: 'at least 6 weeks before go-live',
    path: ['acceptance', 'evidenceSubmitted'],
    systemOnly: true,
  },
  {
    milestone: 'notice-12m',
    rule: 'COM-2',
    subject: 'The 12-month notice',
    policy: 'with cut-off dates and scope',
    path: ['notices', 'twelveMonth'],
    systemOnly: false,
  },
  {
    milestone: 'notice-6m',
    rule: 'COM-2',
    subject: 'The 6-month notice',
    policy: 'with cut-off dates and scope',
    path: ['notices', 'sixMonth'],
    systemOnly: false,
  },
  { milestone: 'notice-1m', rule: 'COM-3', subject: 'The 1-month notice', policy: 'of imminent go-live', path: ['notices', 'oneMonth'], systemOnly: false },
];

export const DEADLINE_BY_MILESTONE: ReadonlyMap<string, DeadlineSpec> = new Map(DEADLINES.map((d) => [d.milestone, d]));
