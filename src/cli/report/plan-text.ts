// The plan as text for a terminal: one block per release, readable in 80 columns, colour only when allowed.
import type { ChalkInstance } from 'chalk';
import { monthName, parseIsoDate, weekdayName, type IsoDate } from '../../domain/dates.js';
import { NEED_WORDS } from '../../domain/dependencies.js';
import { WAIT_STATE_WORDS, type ReleaseWait } from '../../domain/release-waits.js';
import type { Located } from '../../domain/findings.js';
import type { PlanMilestone, PlanRelease, PlanScopeItem, PlanView } from '../../domain/plan.js';
import { plural } from './findings.js';

export const WIDTH = 80;

export interface PlanTextOptions {
  chalk: ChalkInstance;
  displayPath: (file: string) => string;
  /** "SEC", "BSC": the code whose releases these are. */
  codeName?: string;
}

/** 'Thu 25 Jun 2020'. */
export function shortDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${weekdayName(date).slice(0, 3)} ${day} ${monthName(month).slice(0, 3)} ${year}`;
}

/** '25 Sep 2019'. */
function dayMonthYear(date: IsoDate): string {
  return shortDate(date).slice(4);
}

/** 'in 160 days', 'today', 'went live 3 days ago'. */
export function countdown(days: number): string {
  if (days === 0) return 'goes live today';
  return days > 0 ? `in ${plural(days, 'day')}` : `went live ${plural(-days, 'day')} ago`;
}

export function formatPlanText(view: PlanView<Located>, o: PlanTextOptions): string {
  const c = o.chalk;
  const out: string[] = [];
  const range = view.from === view.to ? shortDate(view.from) : `${dayMonthYear(view.from)} to ${dayMonthYear(view.to)}`;
  out.push(c.bold(`${o.codeName ?? 'SEC'} Releases as of ${shortDate(view.asOf)}`) + c.dim(` · going live ${range}`));
  if (view.releases.length === 0) out.push('', 'No release goes live in this window; widen it with --from and --to.');
  for (const r of view.releases) out.push('', c.dim('─'.repeat(WIDTH)), ...releaseBlock(r, o));
  if (view.workingDays.length > 0) out.push('', c.dim('─'.repeat(WIDTH)), ...workingDaysBlock(view, c));
  out.push('', c.dim('─'.repeat(WIDTH)), ...footer(view, c));
  return `${out.join('\n')}\n`;
}

/** Modifications with a Working Days lead time: they go live on their own date, not with a release (IMP-3). */
function workingDaysBlock(view: PlanView<Located>, c: ChalkInstance): string[] {
  const lines = [c.bold('Working Days implementations'), c.dim('  implemented on their own date, counted from the decision (IMP-3)'), ''];
  for (const w of view.workingDays) {
    const when =
      w.date && w.days !== undefined
        ? `${shortDate(w.date)}  ${w.days === 0 ? 'today' : w.days > 0 ? `in ${plural(w.days, 'day')}` : `${plural(-w.days, 'day')} ago`}`
        : 'date set by the decision';
    lines.push(`  ${pad(w.id, KEY_WIDTH)}  ${truncate(w.title, 40)}`.trimEnd());
    const from = w.start ? ` (${w.start.kind === 'decision' ? 'decision' : 'referral window ended'} ${shortDate(w.start.date)})` : '';
    lines.push(...wrap(`${w.sentence}${from}: ${when}`, 4).map((l) => c.dim(l)));
  }
  return lines;
}

function releaseBlock(r: PlanRelease<Located>, o: PlanTextOptions): string[] {
  const c = o.chalk;
  const when = r.cancelled ? 'cancelled' : countdown(r.daysToGoLive);
  const head = `${r.name}  ${shortDate(r.date)}  ${r.kind ?? r.type}`;
  const gap = Math.max(2, WIDTH - head.length - when.length);
  const soon = !r.cancelled && r.daysToGoLive >= 0 && r.daysToGoLive <= 31;
  const lines = [`${c.bold(r.name)}  ${shortDate(r.date)}  ${r.kind ?? r.type}${' '.repeat(gap)}${soon ? c.yellow.bold(when) : when}`];
  lines.push(...wrap(facts(r), 2).map((l) => c.dim(l)));
  if (r.moved && r.scheduledDate) {
    lines.push(...wrap(`Moved from ${shortDate(r.scheduledDate)}${r.dateReason ? `: ${r.dateReason}` : ' (no reason recorded)'}`, 2));
  }
  lines.push('', ...scopeBlock(r, c));
  if (r.waitingFor.length > 0) lines.push('', `  ${c.bold('Waiting for')}`, ...r.waitingFor.flatMap((w) => waitLines(w, c)));
  if (r.milestones.length > 0) lines.push('', `  ${c.bold('Next milestones')}`, ...r.milestones.map((m) => milestoneLine(m, c)));
  if (r.goNoGo) lines.push('', ...wrap(`Go/no-go: ${r.goNoGo.text}`, 2));
  // Infos are counted, not listed: the plan is for what needs doing; `secrel check` lists them.
  const listed = r.findings.filter((f) => f.severity !== 'info');
  if (r.findings.length > 0) lines.push('', `  ${c.bold('Findings')} ${c.dim(`(${counts(r.summary)})`)}`, ...listed.flatMap((f) => findingLines(f, o)));
  if (r.summary.infos > 0) lines.push(c.dim(`  + ${plural(r.summary.infos, 'info', 'infos')}: secrel check --release ${r.id}`));
  return lines;
}

/** 'releases/2020-06.yaml · baselined · RID 1.1, baselined 1.0 on 11 Oct 2019 (systems scope)'. */
function facts(r: PlanRelease): string {
  const parts: string[] = [r.id];
  if (r.adhoc) parts.push('ad-hoc');
  parts.push(
    r.status ??
      (r.file ? 'status not recorded' : r.fileDoesNotLoad ? 'its release file does not load: secrel validate' : 'scheduled by the cycle, no release file yet'),
  );
  if (r.rid?.version) {
    const b = r.rid.lastBaseline;
    parts.push(
      `RID ${r.rid.version}${b ? `, baselined ${b.version} on ${dayMonthYear(b.date)} (${b.covers === 'all' ? 'all scope' : 'systems scope'})` : ', not baselined'}`,
    );
  }
  return parts.join(' · ');
}

const KEY_WIDTH = 10;
/** The status column fits `approved` and `targeted`; a release that lists an `implemented` modification widens it. */
const STATUS_WIDTH = 8;
const IMPACT_WIDTH = 9;

function scopeBlock(r: PlanRelease, c: ChalkInstance): string[] {
  if (r.scopeUnknown) return [`  ${c.bold('Scope')} ${c.yellow('unknown: the modifications folder cannot be read (fix the error named above)')}`];
  if (r.scope.length === 0 && r.changeRequests.length === 0) return [`  ${c.bold('Scope')} ${c.dim('nothing targeted yet')}`];
  const system = r.scope.filter((s) => s.impact === 'system').length;
  const user = r.scope.filter((s) => s.impact === 'user').length;
  const users = user > 0 ? `, ${user} User System only` : '';
  const lines = [
    `  ${c.bold('Scope')} ${c.dim(`(${plural(r.scope.length, 'modification')}: ${system} system${users}, ${r.scope.length - system - user} documentation only)`)}`,
  ];
  const notes = r.scope.map(note);
  const noteWidth = Math.max(0, ...notes.map((n) => n.length));
  const statusWidth = Math.max(STATUS_WIDTH, ...r.scope.map((s) => s.status.length));
  const titleWidth = WIDTH - 2 - KEY_WIDTH - statusWidth - IMPACT_WIDTH - (noteWidth ? noteWidth + 2 : 0) - 6;
  r.scope.forEach((s, i) => {
    const status = s.status === 'targeted' ? pad(s.status, statusWidth) : c.green(pad(s.status, statusWidth));
    const impact = pad(s.impact === 'system' ? 'system' : s.impact === 'user' ? 'user sys' : 'docs only', IMPACT_WIDTH);
    const n = notes[i]!;
    const tail = noteWidth ? `  ${s.exception ? c.yellow(n) : n}` : '';
    lines.push(`  ${pad(s.modification, KEY_WIDTH)}  ${pad(truncate(s.title, titleWidth), titleWidth)}  ${status}  ${impact}${tail}`.trimEnd());
  });
  if (r.changeRequests.length > 0) {
    lines.push(
      ...wrap(
        `Alongside: ${r.changeRequests.map((cr) => `${cr.id} ${cr.title}`).join('; ')} (DCC Change ${r.changeRequests.length === 1 ? 'Request' : 'Requests'})`,
        2,
      ),
    );
  }
  return lines;
}

/** 'CR1047  Change Request · expected 31 Dec 2020 · in time', then what needs it by when, wrapped. */
function waitLines(w: ReleaseWait, c: ChalkInstance): string[] {
  // What can no longer be done in time is shouted: it is what the reader must act on.
  const state = w.state === 'late' || w.state === 'cancelled' ? WAIT_STATE_WORDS[w.state].toUpperCase() : WAIT_STATE_WORDS[w.state];
  const shown =
    w.state === 'late' || w.state === 'cancelled' ? c.red.bold(state) : w.state === 'unknown' || w.state === 'overdue' ? c.yellow(state) : c.green(state);
  const kind = w.kind === 'change-request' ? 'Change Request' : 'modification';
  const when = w.date ? `expected ${dayMonthYear(w.date)}` : 'no date recorded';
  const head = `  ${pad(w.id, KEY_WIDTH)}  ${kind} · ${when} · ${shown}`;
  return [head, ...wrap(`needed ${NEED_WORDS[w.needed]} by ${dayMonthYear(w.neededBy)} for ${w.for.join(', ')}`, 2 + KEY_WIDTH + 2).map((l) => c.dim(l))];
}

function note(s: PlanScopeItem): string {
  return [s.part !== undefined ? `part ${s.part}` : '', s.exception ? 'exception' : ''].filter(Boolean).join(', ');
}

function milestoneLine(m: PlanMilestone, c: ChalkInstance): string {
  const when = m.state === 'overdue' ? `OVERDUE by ${plural(-m.days, 'day')}` : m.days === 0 ? 'today' : `in ${plural(m.days, 'day')}`;
  const label = truncate(m.label, WIDTH - 2 - 20 - 2 - 11 - 2);
  const shown = m.state === 'overdue' ? c.red.bold(pad(when, 20)) : m.days <= 30 ? c.yellow(pad(when, 20)) : pad(when, 20);
  return `  ${shown}  ${pad(dayMonthYear(m.date), 11)}  ${label}`;
}

function findingLines(f: Located, o: PlanTextOptions): string[] {
  const c = o.chalk;
  const sev = f.severity === 'error' ? c.red(pad('error', 7)) : f.severity === 'warning' ? c.yellow(pad('warning', 7)) : c.cyan(pad('info', 7));
  return [`  ${sev}  ${c.bold(pad(f.rule, 6))}  ${c.dim(`${o.displayPath(f.file)}:${f.line}:${f.column}`)}`, ...wrap(f.message, 11)];
}

function footer(view: PlanView, c: ChalkInstance): string[] {
  const s = view.summary;
  const total = s.errors + s.warnings + s.infos;
  const lines = [`${plural(s.releases, 'release')}, ${total === 0 ? 'no findings' : counts(s)}`];
  if (s.otherFindings > 0) lines.push(`${otherFindings(s)} about files or releases not shown: run \`secrel check\``);
  lines.push(c.dim('Every finding: secrel check. One release: secrel plan --release ID.'));
  return lines;
}

function counts(s: { errors: number; warnings: number; infos: number }): string {
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.infos) parts.push(plural(s.infos, 'info', 'infos'));
  return parts.join(', ');
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}

/** Word-wraps plain text to WIDTH with an indent; a word longer than a line is split. */
export function wrap(text: string, indent: number): string[] {
  const room = WIDTH - indent;
  const lines: string[] = [];
  let line = '';
  for (let word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    while (word.length > room) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, room));
      word = word.slice(room);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= room) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l);
}

/** "6 other findings (1 error)": an error outside the window is not hidden in a count. */
export function otherFindings(s: { otherFindings: number; otherErrors: number }): string {
  return `${plural(s.otherFindings, 'other finding')}${s.otherErrors > 0 ? ` (${plural(s.otherErrors, 'error')})` : ''}`;
}
