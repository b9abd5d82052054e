// How `secrel diff` words each change: one self-contained line (`MP142 approved`, `go-live moved from … to …`).
import { formatLong, isValidIsoDate } from './dates.js';
import { formatMoney } from './money.js';
import type { BaselineCoverage } from './model.js';
import type { Change, CostField, CriterionRecord, DateField, NoticeField, TextField } from './scope-change.js';
import { scopeLine } from './versioning.js';
import { compressIds } from './rules/golive.js';

const DATE_LABELS: Record<DateField, string> = {
  'go-live': 'go-live date',
  'decision.expected': 'expected decision date',
  'decision.date': 'decision date',
  'decision.referralWindowEnd': 'referral window end',
  'implementation.date': 'implementation date',
  'tad.toTag': 'date the TAD went to the TAG',
  'tad.published': 'TAD publication date',
  'acceptance.evidenceSubmitted': 'go-live evidence submission date',
  'costs.actualReported': 'actual cost report date',
};
const COST_LABELS: Record<CostField, string> = {
  dcc: 'DCC cost',
  secas: 'SECAS cost',
  forecast: 'forecast DCC cost',
  actual: 'actual DCC cost',
  statedTotal: 'stated total DCC cost',
};
const STATUS_WORDS: ReadonlySet<string> = new Set(['approved', 'rejected', 'withdrawn', 'implemented']);
const NOTICE_LABELS: Record<NoticeField, string> = {
  twelveMonth: '12-month notice',
  sixMonth: '6-month notice',
  oneMonth: '1-month notice',
  approval: 'approval notice',
};
const TEXT_WORDS: Record<TextField, string> = {
  title: 'title changed',
  summary: 'summary reworded',
  impacts: 'impacts revised',
  documents: 'documents it changes revised',
};
const COVERS: Record<BaselineCoverage, string> = { systems: 'the systems scope', all: 'all of its scope' };

/** The one change a reader must not miss: the release itself was cancelled. */
export function isCancellation(c: Change): boolean {
  return c.kind === 'release-status' && c.to === 'cancelled';
}

/** One change in words, e.g. "MP142 approved" or "SECMP0099 added to the baselined systems scope". */
export function describeChange(c: Change, coverage?: BaselineCoverage): string {
  switch (c.kind) {
    case 'added':
      return (
        scopeLine({ key: c.key, systemImpact: c.systemImpact }, coverage, 'added to', c.movedFrom && `moved from ${c.movedFrom}`) +
        (c.unrevised
          ? ': it is approved, and only the Authority revises its implementation date, but no revision is recorded (implementation.revisions, IMP-6)'
          : '')
      );
    case 'removed':
      return scopeLine({ key: c.key, systemImpact: c.systemImpact }, coverage, 'removed from', c.status ?? (c.movedTo && `moved to ${c.movedTo}`));
    case 'status':
      return c.to && STATUS_WORDS.has(c.to)
        ? `${c.modification} ${c.to}${c.on ? ` on ${formatLong(c.on)}` : ''}`
        : `${c.modification} status changed from ${c.from ?? 'none'} to ${c.to ?? 'none'}`;
    case 'date':
      return `${c.modification ? `${c.modification} ` : ''}${changed(DATE_LABELS[c.field], c.from, c.to, formatLong, 'moved')}`;
    case 'cost':
      return `${c.modification ? `${c.modification} ` : ''}${changed(COST_LABELS[c.field], c.from, c.to, formatMoney, 'changed')}`;
    case 'recorded':
      return `${c.modification} recorded (${c.status ?? 'no status'})`;
    case 'parts':
      return partsLine(c);
    case 'text':
      return c.field === 'title' && c.to !== undefined ? `${c.modification} retitled ‘${c.to}’` : `${c.modification} ${TEXT_WORDS[c.field]}`;
    case 'release-status':
      if (c.to === 'cancelled') return `RELEASE CANCELLED (status was ${c.from ?? 'not recorded'})`;
      if (c.from === 'cancelled') return `release no longer cancelled: status ${c.to ?? 'not recorded'}`;
      return c.from === undefined ? `release status set to ${c.to}` : `release status changed from ${c.from} to ${c.to ?? 'none'}`;
    case 'rid-version':
      return changed('RID version', c.from, c.to, String, 'moved');
    case 'baseline':
      return c.change === 'added'
        ? `RID ${c.version} baselined on ${formatLong(c.date)}, covering ${COVERS[c.covers]}`
        : `baseline of RID ${c.version} on ${formatLong(c.date)} removed`;
    case 'notice':
      if (c.from === undefined) return `${c.modification ? `${c.modification} ` : ''}${NOTICE_LABELS[c.notice]} issued on ${formatLong(c.to!)}`;
      return `${c.modification ? `${c.modification} ` : ''}${changed(`${NOTICE_LABELS[c.notice]} date`, c.from, c.to, formatLong, 'moved')}`;
    case 'deleted':
      return `${c.modification} deleted`;
    case 'tech-spec':
      return techSpecLine(c);
    case 'criteria':
      return criteriaLine(c);
    case 'acceptance-set':
      return `acceptance criteria set changed from ${c.from} to ${c.to}`;
    case 'timeline':
      return timelineLine(c);
    case 'risk':
      return `risk ‘${c.summary}’ ${c.change}`;
    case 'change-request':
      return changeRequestLine(c);
    case 'dependency':
      return dependencyLine(c);
    case 'unreadable':
      return c.modification
        ? `${c.modification} not compared: its file does not load in the ${c.side === 'before' ? 'earlier' : 'later'} revision (secrel validate shows why)`
        : `dates and costs not compared: the release file does not load in the ${c.side === 'before' ? 'earlier' : 'later'} revision (secrel validate shows why)`;
  }
}

/** "MP301 now delivered in 3 parts, not 2 (part 3 in 2028-11)". */
function partsLine(c: Extract<Change, { kind: 'parts' }>): string {
  const count = (n: number) => (n === 0 ? 'as a whole' : n === 1 ? 'in 1 part' : `in ${n} parts`);
  const where = c.elsewhere.map((p) => `part ${p.part} in ${p.release}`);
  return `${c.modification} now delivered ${count(c.to)}, not ${c.from === 0 ? 'as a whole' : c.from}${where.length ? ` (${where.join(', ')})` : ''}`;
}

/** "GBCS version 5.1 listed, valid from 29 June 2028, replacing version 5.0" (SCP-5). */
function techSpecLine(c: Extract<Change, { kind: 'tech-spec' }>): string {
  const name = `${c.document} version ${c.version}`;
  if (!c.to) return `${name} no longer listed`;
  if (!c.from) {
    const { validFrom, previousVersion, previousValidTo } = c.to;
    const replaces = previousVersion
      ? `, replacing version ${previousVersion}${previousValidTo ? `, which is valid to ${formatLong(previousValidTo)}` : ''}`
      : '';
    return `${name} listed${validFrom ? `, valid from ${formatLong(validFrom)}` : ''}${replaces}`;
  }
  const { from, to } = c;
  const lines = [
    from.validFrom !== to.validFrom ? changed('start of validity', from.validFrom, to.validFrom, formatLong, 'moved') : '',
    from.previousVersion !== to.previousVersion ? changed('version replaced', from.previousVersion, to.previousVersion, String, 'changed') : '',
    from.previousValidTo !== to.previousValidTo
      ? changed("previous version's end of validity", from.previousValidTo, to.previousValidTo, formatLong, 'moved')
      : '',
  ];
  return `${name} ${lines.filter(Boolean).join('; ')}`;
}

const RESULT = (met: boolean | null) => (met === true ? 'met' : met === false ? 'not met' : 'not yet assessed');
const review = (r: CriterionRecord) =>
  `${r.reviewedBy ? `, reviewed by ${r.reviewedBy}` : r.date ? ', reviewed' : ''}${r.date ? ` on ${formatLong(r.date)}` : ''}`;

/** "go-live criterion T1 met, reviewed by TAG on 24 May 2028"; criteria changed alike share the line: "OP1–OP9". */
function criteriaLine(c: Extract<Change, { kind: 'criteria' }>): string {
  const subject = c.ids.length === 1 ? `go-live criterion ${c.ids[0]}` : `go-live criteria ${compressIds(c.ids)}`;
  const { from, to } = c;
  if (!to) return `${subject} no longer recorded${from && from.met !== null ? ` (was ${RESULT(from.met)})` : ''}`;
  const reviewed = (from?.reviewedBy ?? '') !== (to.reviewedBy ?? '') || (from?.date ?? '') !== (to.date ?? '');
  if ((from ? from.met !== to.met : to.met !== null) || reviewed) {
    const was = from && from.met !== null && from.met !== to.met ? ` (was ${RESULT(from.met)})` : '';
    return `${subject} ${from && from.met === to.met ? 'still ' : ''}${RESULT(to.met)}${review(to)}${was}`;
  }
  if ((from?.evidence ?? '') !== (to.evidence ?? '')) return `${subject} evidence ${to.evidence ? `now: ${to.evidence}` : 'removed'}`;
  return `${subject} reworded`;
}

/** "timetable event ‘SIT commences’ moved from 1 November 2027 to 8 November 2027". */
function timelineLine(c: Extract<Change, { kind: 'timeline' }>): string {
  const name = `timetable event ‘${c.event}’`;
  const when = (w: string) => (isValidIsoDate(w) ? formatLong(w) : w);
  if (!c.to) return `${name} removed`;
  if (!c.from) return `${name} added${c.to.when ? `${isValidIsoDate(c.to.when) ? ' on' : ','} ${when(c.to.when)}` : ''}`;
  if (c.from.when === c.to.when) return `${name} changed`;
  if (c.to.when === undefined) return `${name} no longer dated (was ${when(c.from.when!)})`;
  return `${name} ${c.from.when === undefined ? `dated ${when(c.to.when)}` : `moved from ${when(c.from.when)} to ${when(c.to.when)}`}`;
}

function changeRequestLine(c: Extract<Change, { kind: 'change-request' }>): string {
  const cr = `DCC Change Request ${c.id}${c.noLongerWaited ? ' (no longer waited on)' : ''}`;
  if (c.field === 'recorded') return `${cr} recorded (${c.to ?? 'no status'})`;
  if (c.field === 'deleted') return `${cr} deleted`;
  if (c.field === 'status' && (c.to === 'done' || c.to === 'cancelled')) return `${cr} ${c.to}${c.on ? ` on ${formatLong(c.on)}` : ''}`;
  if (c.field === 'status') return `${cr} status changed from ${c.from ?? 'none'} to ${c.to ?? 'none'}`;
  return `${cr} ${changed(c.field === 'expected' ? 'expected date' : 'done date', c.from, c.to, formatLong, 'moved')}`;
}

/** A modification the scope waits on: "Modification MP100 (waited on) expected date moved from … to …". */
function dependencyLine(c: Extract<Change, { kind: 'dependency' }>): string {
  const m = `Modification ${c.id} (waited on)`;
  if (c.to.cancelled) return `${m} will not be done: withdrawn or rejected`;
  if (c.to.done && !c.from.done) return `${m} implemented${c.to.date ? ` on ${formatLong(c.to.date)}` : ''}`;
  if (c.to.unknown && c.to.date === null) return `${m} no longer has a date (it targets no release)`;
  return `${m} ${changed('expected date', c.from.date ?? undefined, c.to.date ?? undefined, formatLong, 'moved')}`;
}

function changed<T>(label: string, from: T | undefined, to: T | undefined, format: (v: T) => string, verb: string): string {
  if (from === undefined) return `${label} set to ${format(to!)}`;
  if (to === undefined) return `${label} removed (was ${format(from)})`;
  return `${label} ${verb} from ${format(from)} to ${format(to)}`;
}
