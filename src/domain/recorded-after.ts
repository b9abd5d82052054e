// A date that records something as done (a notice issued, a decision made, the TAD published) cannot be
// after today: 2082 typed for 2028, or next year for this one. Every rule reads such a date as "not done
// yet", so without this the slip shows only years later, as "not recorded" at the very line that records
// it. Checked against the later of the real today and --as-of: a replay with --as-of in the past rightly
// sees what was recorded since as not done then, but a day still to come is a slip whatever --as-of says;
// a look ahead with --as-of in the future pretends that day has come, so only what is after it is a slip.
import { compare, formatLong, isValidIsoDate, type IsoDate } from './dates.js';
import type { Finding } from './findings.js';
import { findingAt, type Entity, type PathSegment, type RepoModel } from './repository.js';
import { dotted } from './rules/support.js';

/** Where a file records a date something was done, and what was done on it; `[]` stands for every entry of a list. */
type Done = readonly [readonly (PathSegment | '[]')[], string];

const RELEASE: readonly Done[] = [
  [['agreed'], 'the Panel agreed to create the release'],
  [['notices', 'twelveMonth'], 'the 12-month notice was issued'],
  [['notices', 'sixMonth'], 'the 6-month notice was issued'],
  [['notices', 'oneMonth'], 'the 1-month notice was issued'],
  [['tad', 'toTag'], 'the TAD went to the TAG'],
  [['tad', 'published'], 'the TAD was published'],
  [['rid', 'baselines', '[]', 'date'], 'the Panel baselined the RID'],
  [['costs', 'actualReported'], 'the actual cost report went to the Panel'],
  [['acceptance', 'evidenceSubmitted'], 'the DCC submitted its go-live evidence'],
  [['acceptance', 'criteria', '[]', 'date'], 'the criterion was reviewed'],
  [['releaseNotes', 'published'], 'the DCC published the release notes'],
];

const MODIFICATION: readonly Done[] = [
  [['decision', 'date'], 'the decision was made'],
  [['notices', 'approval'], 'the approval notice was issued'],
  [['implementation', 'addedToScope'], 'it was added to the release scope'],
  [['parts', '[]', 'addedToScope'], 'the part was added to the release scope'],
  [['implementation', 'revisions', '[]', 'date'], 'the Authority approved the change'],
  [['implementation', 'retargets', '[]', 'date'], 'the Panel agreed the change of target'],
];

const CHANGE_REQUEST: readonly Done[] = [[['done'], 'it was done']];

// The findings this check made: a slip of the date, not a broken reference, so `render` still renders.
const made = new WeakSet<Finding>();

/** Whether `f` is one of `recordedAfterToday`'s findings. */
export function isRecordedAfter(f: Finding): boolean {
  return made.has(f);
}

/** REF errors for every date of something done recorded after the later of the real `today` and `asOf`. */
export function recordedAfterToday(model: RepoModel, today: IsoDate, asOf: IsoDate = today): Finding[] {
  const out: Finding[] = [];
  const ahead = compare(asOf, today) > 0;
  const bound = ahead ? asOf : today;
  const after = ahead ? `after --as-of (${formatLong(asOf)})` : `after today (${formatLong(today)})`;
  // One visitor for every file and field (the file and what was done set before each walk): 10,000
  // modifications would otherwise make 60,000 closures and paths for a handful of findings.
  let entity: Entity<unknown> | undefined;
  let about: 'release' | 'modification' | undefined;
  let done = '';
  const at: PathSegment[] = [];
  const visit = (path: readonly PathSegment[], value: unknown) => {
    // `value > bound` first, as text: a `YYYY-MM-DD` after another sorts after it, and nearly every date
    // is not after today (a large repository has hundreds of thousands of them).
    if (typeof value !== 'string' || value <= bound || !isValidIsoDate(value) || !entity) return;
    const field = dotted(path);
    out.push(
      findingAt(
        entity,
        [...path],
        'REF',
        'error',
        `${field} records ${formatLong(value)}, ${after}: a day that has not come cannot be when ${done}, so every check ` +
          'reads it as not done yet. Correct the date (the year?), or leave it out until it happens',
        about ? { [about]: entity.id } : {},
      ),
    );
  };
  const scan = (e: Entity<unknown>, fields: readonly Done[], kind?: 'release' | 'modification') => {
    [entity, about] = [e, kind];
    for (const [pattern, what] of fields) {
      done = what;
      visitValues(e.data, pattern, 0, at, visit);
    }
  };
  for (const r of model.releases) scan(r, RELEASE, 'release');
  for (const m of model.modifications) scan(m, MODIFICATION, 'modification');
  for (const c of model.changeRequests ?? []) scan(c, CHANGE_REQUEST);
  out.forEach((f) => made.add(f));
  return out;
}

/** Calls `visit` with each value at `pattern` (from its `from`th segment) below `data`; `at` is the path so far, reused. */
function visitValues(
  data: unknown,
  pattern: readonly (PathSegment | '[]')[],
  from: number,
  at: PathSegment[],
  visit: (path: readonly PathSegment[], value: unknown) => void,
): void {
  if (from === pattern.length) {
    visit(at, data);
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  const head = pattern[from]!;
  if (head === '[]') {
    if (!Array.isArray(data)) return;
    for (let i = 0; i < data.length; i++) {
      at.push(i);
      visitValues(data[i], pattern, from + 1, at, visit);
      at.pop();
    }
    return;
  }
  if (Array.isArray(data)) return;
  const below = (data as Record<string, unknown>)[String(head)];
  // Most files record few of these: nothing below a field that is not there.
  if (below === undefined) return;
  at.push(head);
  visitValues(below, pattern, from + 1, at, visit);
  at.pop();
}
