// iCalendar (RFC 5545) export of releases and milestones: all-day events, deterministic bytes for `render --check`.
import { addDays, formatCompact, formatWithWeekday } from './dates.js';
import type { IsoDate } from './dates.js';
import type { PlannedRelease } from './calendar.js';
import type { Milestone } from './milestones.js';
import type { HolidayCalendar } from './holidays.js';
import { dueOn } from './rules/support.js';
import type { WorkingDaysImplementation } from './working-days-date.js';
import { isWorkingDay } from './working-days.js';

export const ICS_PRODID = '-//secrel//secrel//EN';

export interface IcsEvent {
  /** Globally unique and stable across runs, so calendar clients update events instead of duplicating them. */
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  categories?: readonly string[];
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** When the data last changed what this event says (DTSTAMP); the calendar's `dtstamp` when absent. */
  stamp?: IsoDate;
  /** RFC 5545 SEQUENCE: how many times the event's date has moved. */
  sequence?: number;
}

export interface IcsOptions {
  /** X-WR-CALNAME, the name clients show for a subscribed calendar. */
  calendarName?: string;
  /**
   * DTSTAMP for every event. Fixed by default: a wall-clock stamp would change the bytes on every run and
   * `render --check` could never pass.
   */
  dtstamp?: IsoDate;
  /** How often subscribers should fetch the calendar again (REFRESH-INTERVAL, X-PUBLISHED-TTL): one day. */
  refresh?: string;
}

/** Subscribers fetch the feed again daily: release dates move at Panel meetings, not by the hour. */
export const REFRESH_INTERVAL = 'P1D';

/** The domain after `@` in UIDs when neither the config nor a repository names one. */
export const DEFAULT_UID_DOMAIN = 'secrel';

/**
 * The UID domain of a repository's calendar: config `calendar.uidDomain`, else its folder's name
 * (`SEC Releases` → `sec-releases.secrel`), so two repositories' events never share a UID.
 */
export function uidDomainFor(configured: string | undefined, repositoryName: string | undefined): string {
  if (configured !== undefined) return configured;
  const slug = (repositoryName ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug === '' ? DEFAULT_UID_DOMAIN : `${slug}.${DEFAULT_UID_DOMAIN}`;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma, and any newline as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * RFC 5545 §3.1 folding: no line longer than 75 octets (CRLF excluded); continuation lines start with a
 * space. Splits only between code points, so a multi-byte UTF-8 character is never cut in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function dateValue(date: IsoDate): string {
  return formatCompact(date);
}

function stampValue(date: IsoDate): string {
  return `${dateValue(date)}T000000Z`;
}

function eventLines(event: IcsEvent, dtstamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${event.stamp !== undefined ? stampValue(event.stamp) : dtstamp}`,
    `DTSTART;VALUE=DATE:${dateValue(event.date)}`,
    // DTEND is exclusive (RFC 5545 §3.6.1): a one-day event ends the next day.
    `DTEND;VALUE=DATE:${dateValue(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.categories && event.categories.length > 0) {
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  }
  if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
  if (event.status !== undefined) lines.push(`STATUS:${event.status}`);
  // Milestones are reminders, not meetings: they should not block anyone's free/busy time.
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** A complete VCALENDAR: CRLF line endings, folded lines, events sorted by date then UID. */
export function toIcs(events: readonly IcsEvent[], options: IcsOptions = {}): string {
  const dtstamp = stampValue(options.dtstamp ?? '1970-01-01');
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${ICS_PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  if (options.refresh !== undefined) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${options.refresh}`, `X-PUBLISHED-TTL:${options.refresh}`);
  for (const event of sorted) lines.push(...eventLines(event, dtstamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** `2020-06.go-live@secrel`: the release ID and milestone ID, so the UID survives re-export. */
export function milestoneUid(releaseId: string, milestoneId: string, domain: string = DEFAULT_UID_DOMAIN): string {
  return `${releaseId}.${milestoneId}@${domain}`;
}

export interface ReleaseWithMilestones {
  release: PlannedRelease;
  milestones: readonly Milestone[];
  /** The latest date the data records a change to this release on (see `releaseStamp`): its events' DTSTAMP. */
  stamp?: IsoDate;
}

export interface FeedOptions extends IcsOptions {
  uidDomain?: string;
  /** The code's short name for the events' categories ("SEC Release", "DCUSA Release"); default SEC. */
  codeName?: string;
  /** Modifications going live on a Working Days date of their own (IMP-3): one event each. */
  implementations?: readonly WorkingDaysImplementation[];
  /** The repository's holidays: a deadline on a weekend or bank holiday says so, and names the last Working Day before. */
  holidays?: HolidayCalendar;
}

/** `MP6.implementation@secrel`: a modification ID cannot be a release ID (`YYYY-MM…`), so UIDs never collide. */
function implementationEvents(items: readonly WorkingDaysImplementation[], uidDomain: string = DEFAULT_UID_DOMAIN, code = 'SEC'): IcsEvent[] {
  return items.flatMap((w) => {
    if (w.date === undefined) return [];
    const from =
      w.recorded || !w.start
        ? ''
        : ` (${w.start.kind === 'decision' ? 'the decision' : 'the end of the referral window'} on ${formatWithWeekday(w.start.date)})`;
    const event: IcsEvent = {
      uid: `${w.id}.implementation@${uidDomain}`,
      date: w.date,
      summary: `${w.id} implemented: ${w.title}`,
      description: `${w.id} ‘${w.title}’ is implemented on ${formatWithWeekday(w.date)}: ${w.sentence}${from}, not with a release.`,
      categories: [`${code} Modification`, 'implementation'],
      status: 'CONFIRMED',
    };
    if (w.start) event.stamp = w.start.date;
    return [event];
  });
}

/** One event per milestone, summary "June 2020 SEC Release: Systems scope cut-off". */
export function releaseEvents(
  items: readonly ReleaseWithMilestones[],
  uidDomain: string = DEFAULT_UID_DOMAIN,
  code = 'SEC',
  holidays?: HolidayCalendar,
): IcsEvent[] {
  const events: IcsEvent[] = [];
  for (const { release, milestones, stamp } of items) {
    for (const milestone of milestones) {
      const goLive = `${release.name} goes live on ${formatWithWeekday(release.date)}.`;
      const rule = milestone.rule ? ` (${milestone.rule})` : '';
      // A Policy date on a weekend or bank holiday: "on Wednesday 25 December 2019, Christmas Day (the last Working Day before is …)".
      const due = milestone.rule && holidays && !isWorkingDay(milestone.date, holidays) ? `, on ${dueOn(milestone.date, holidays)}` : '';
      const event: IcsEvent = {
        uid: milestoneUid(release.id, milestone.id, uidDomain),
        date: milestone.date,
        summary: `${release.name}: ${milestone.label}`,
        description: milestone.kind === 'go-live' ? goLive : `${milestone.label}${rule}${due}. ${goLive}`,
        categories: [`${code} Release`, milestone.kind],
        status: release.cancelled ? 'CANCELLED' : 'CONFIRMED',
        // A release that moved moves every milestone counted from it: one step per date it has left.
        sequence: release.moves,
      };
      if (stamp !== undefined) event.stamp = stamp;
      events.push(event);
    }
  }
  return events;
}

/** The calendar for a set of releases and their milestones. */
export function releasesToIcs(items: readonly ReleaseWithMilestones[], options: FeedOptions = {}): string {
  const { uidDomain, implementations, codeName, holidays, ...ics } = options;
  return toIcs([...releaseEvents(items, uidDomain, codeName, holidays), ...implementationEvents(implementations ?? [], uidDomain, codeName)], {
    calendarName: `${codeName ?? 'SEC'} Releases`,
    refresh: REFRESH_INTERVAL,
    ...ics,
  });
}
