// A release as the calendar places it: from its file (date, kind, name, the problems it has) or, with no
// file, from the cycle's entry for its month.
import { isValidIsoDate, parseIsoDate, weekdayName } from './dates.js';
import type { IsoDate } from './dates.js';
import { cycleEntryForMonth, kindOf, parseReleaseId, releaseName, scheduledDate } from './cycle.js';
import type { CycleEntry, ReleaseCycle } from './cycle.js';
import type { CalendarProblem, CalendarProblemCode, PlannedRelease, ReleaseInput, ReleaseListing } from './calendar.js';

/** A release the cycle schedules and no file describes. */
export function fromCycle(id: string, date: IsoDate, entry: CycleEntry, cycle: ReleaseCycle): PlannedRelease {
  const kind = kindOf(cycle, entry.type);
  return {
    id,
    name: releaseName(date, cycle.names, { id }),
    date,
    weekday: weekdayName(date),
    type: kind.rules,
    kind: kind.id,
    kindName: kind.name,
    adhoc: false,
    moved: false,
    moves: 0,
    scheduledDate: date,
    scheduled: true,
    offCycle: false,
    hasFile: false,
  };
}

/** A release file placed on the calendar, with the problems its date, id and type have. */
export function planFile(file: ReleaseInput, cycle: ReleaseCycle): ReleaseListing {
  const problems: CalendarProblem[] = [];
  const problem = (code: CalendarProblemCode, rule: CalendarProblem['rule'], severity: CalendarProblem['severity'], message: string): void => {
    problems.push({ code, rule, severity, releaseId: file.id, message });
  };
  const parsed = parseReleaseId(file.id);
  if (!parsed) {
    problem('bad-id', 'CAL-4', 'error', `Release ID "${file.id}" is not YYYY-MM or YYYY-MM-suffix (lower-case letters, digits, dashes)`);
    return { releases: [], problems };
  }
  const adhoc = file.adhoc === true;
  const entry = adhoc || parsed.suffix !== undefined ? undefined : cycleEntryForMonth(cycle, parsed.month);
  const ruleDate = entry ? scheduledDate(parsed.year, entry) : undefined;

  if (file.date !== undefined && !isValidIsoDate(file.date)) {
    problem('bad-date', 'CAL-2', 'error', `Release ${file.id} has date "${file.date}", which is not a calendar date YYYY-MM-DD`);
    return { releases: [], problems };
  }
  const date = file.date ?? ruleDate;
  if (date === undefined) {
    const why = adhoc
      ? 'an ad-hoc release needs a date (CAL-3): add `date: YYYY-MM-DD`'
      : `the cycle schedules no release in month ${parsed.month}; for an ad-hoc release add \`adhoc: true\`, its \`date\` and \`type\`, else use the id of a scheduled release`;
    problem('missing-date', adhoc ? 'CAL-3' : 'CAL-1', 'error', `Release ${file.id} has no date: ${why}`);
    return { releases: [], problems };
  }
  if (!entry && !adhoc) {
    problem('off-cycle', 'CAL-3', 'warning', `Release ${file.id} is not in the release cycle; mark it "adhoc: true" if it is an ad-hoc release`);
  }
  if (adhoc && file.type === undefined) {
    const kinds = cycle.kinds.map((k) => k.id).join(' or ');
    problem(
      'missing-type',
      'CAL-3',
      'error',
      `Ad-hoc release ${file.id} needs a type (${kinds}); assuming ${cycle.kinds.find((k) => k.rules === 'system')?.id ?? 'system'}`,
    );
  }
  const names = { id: file.id, ...(file.version !== undefined ? { version: file.version } : {}) };
  const { year, month } = parseIsoDate(date);
  if (year !== parsed.year || month !== parsed.month) {
    problem(
      'month-mismatch',
      'CAL-4',
      'warning',
      `Release ${file.id} goes live on ${date}, so it is the ${releaseName(date, cycle.names, names)}; its ID names another month`,
    );
  }
  // System is the safer guess for an untyped off-cycle release: it carries more obligations, not fewer.
  const kind = file.type !== undefined || entry ? kindOf(cycle, file.type ?? entry?.type) : systemKind(cycle);
  const release: PlannedRelease = {
    id: file.id,
    name: distinctName(releaseName(date, cycle.names, names), cycle, date, parsed.suffix, file.version),
    date,
    weekday: weekdayName(date),
    type: kind.rules,
    kind: kind.id,
    kindName: kind.name,
    adhoc,
    moved: ruleDate !== undefined && date !== ruleDate,
    moves: new Set([...(ruleDate !== undefined ? [ruleDate] : []), ...(file.previousDates ?? [])].filter((d) => d !== date)).size,
    scheduled: entry !== undefined,
    offCycle: !entry && !adhoc,
    hasFile: true,
  };
  if (ruleDate !== undefined) release.scheduledDate = ruleDate;
  if (file.dateReason !== undefined) release.dateReason = file.dateReason;
  if (file.status !== undefined) release.status = file.status;
  if (isValidIsoDate(file.agreed)) release.agreed = file.agreed;
  if (file.status === 'cancelled') release.cancelled = true;
  return { releases: [release], problems };
}

/**
 * The Policy names a release after its go-live month (CAL-4), so an ad-hoc release going live in a month the
 * cycle schedules would share the scheduled release's name: its ID's suffix tells them apart,
 * "June 2027 SEC Release (mp200)". A versioned name, or a name template with the ID, is distinct already.
 */
function distinctName(name: string, cycle: ReleaseCycle, date: IsoDate, suffix: string | undefined, version: string | undefined): string {
  if (suffix === undefined || version !== undefined || cycle.names.name.includes('{id}')) return name;
  return cycleEntryForMonth(cycle, parseIsoDate(date).month) ? `${name} (${suffix})` : name;
}

/** The kind an untyped off-cycle release gets: the code's first system kind. */
function systemKind(cycle: ReleaseCycle): ReturnType<typeof kindOf> {
  return cycle.kinds.find((k) => k.rules === 'system') ?? kindOf(cycle, undefined);
}
