// Runs `secrel impl-date`: the Policy's implementation-date wording (IMP-1..5) for a lead time, from the
// repository's releases (moved dates included) or, outside one, the default cycle.
import { addMonths, formatLong, formatWithWeekday, isWithin, monthName } from '../../domain/dates.js';
import type { IsoDate } from '../../domain/dates.js';
import { findRelease, listReleases } from '../../domain/calendar.js';
import { parseReleaseId } from '../../domain/cycle.js';
import {
  decisionWindow, implementationOptions, parseLeadTime,
  type ImplementationInput, type ImplementationOption, type LeadTime, type MonthsImplementation, type WorkingDaysImplementation,
} from '../../domain/implementation.js';
import { releaseInputs } from '../../domain/releases.js';
import type { RepoModel } from '../../domain/repository.js';
import { UsageError } from '../../repo/errors.js';
import { dateOption, releaseIdOption, type Context } from '../context.js';
import { openReleaseModel } from './calendar.js';

interface Request {
  leadTime: LeadTime;
  leadTimeText: string;
  systemImpact: boolean;
  decision?: IsoDate;
  release?: string;
  selfGovernance?: { referralWindowEnd?: IsoDate };
}

// Beyond these a lead time is a typo, and the search for releases would run past the year 9999.
const MAX_MONTHS = 120;
const MAX_WORKING_DAYS = 2000;

function date(option: string, value: unknown): IsoDate | undefined {
  return value === undefined ? undefined : dateOption(option, value, '2019-06-25');
}

/** Checks the options before anything is read, so bad usage always exits 2. */
export function parseRequest(args: Record<string, unknown>): Request {
  const text = args.leadTime as string | undefined;
  const forms = '--lead-time 12m (months before go-live) or --lead-time 20wd (Working Days following decision)';
  if (text === undefined) throw new UsageError('impl-date needs a lead time', `add ${forms}`);
  const leadTime = parseLeadTime(text);
  if (!leadTime) throw new UsageError(`--lead-time ${text} is not a lead time`, `write a whole number then m or wd: ${forms}`);
  const max = leadTime.unit === 'months' ? MAX_MONTHS : MAX_WORKING_DAYS;
  if (leadTime.amount > max) throw new UsageError(`--lead-time ${text} is longer than ${max}${leadTime.unit === 'months' ? 'm' : 'wd'}`, `a lead time is at most ${MAX_MONTHS}m or ${MAX_WORKING_DAYS}wd; check the number`);
  if (args.system === true && args.documentation === true) {
    throw new UsageError('--system and --documentation contradict each other', 'give --system for a DCC-System-impacting modification (System Releases only), --documentation for a documentation-only one');
  }
  const release = args.release as string | undefined;
  if (release !== undefined && !parseReleaseId(release)) throw new UsageError(`--release ${release} is not a release ID`, 'write YYYY-MM (2020-06), or YYYY-MM-suffix for a second release in a month (2022-07-mp200)');
  if (release !== undefined) releaseIdOption('--release', release);
  const decision = date('--decision', args.decision);
  const referralEnd = date('--referral-end', args.referralEnd);
  const request: Request = { leadTime, leadTimeText: text, systemImpact: args.system === true };
  if (decision) request.decision = decision;
  if (leadTime.unit === 'months') {
    if (args.selfGovernance === true || referralEnd) throw new UsageError('--self-governance and --referral-end apply to a lead time in Working Days', 'use --lead-time 20wd (for example), or leave them out: a months lead time counts back from go-live');
    if (release) request.release = release;
  } else {
    if (release) throw new UsageError('--release applies to a lead time in months', 'a Working Days date counts from the decision: give --decision D (or --self-governance --referral-end D)');
    if (args.selfGovernance === true || referralEnd) request.selfGovernance = referralEnd ? { referralWindowEnd: referralEnd } : {};
  }
  return request;
}

/** A named release must exist (exit 2 otherwise: the user mistyped it), so say what the cycle has. */
function checkReleaseExists(model: RepoModel, id: string): IsoDate {
  const planned = findRelease(id, { cycle: model.config.cycle, files: releaseInputs(model) });
  if (planned) return planned.date;
  const year = parseReleaseId(id)?.year ?? '';
  const months = model.config.cycle.entries.map((e) => monthName(e.month));
  const cycle = months.length ? `the cycle schedules releases in ${months.join(', ')}` : 'the cycle is empty';
  throw new UsageError(`there is no release ${id}: no release file has that ID and ${cycle}`, `see the releases with \`secrel calendar ${year}\` and pass one of their IDs, or leave out --release for the earliest that fits`);
}

function optionJson(o: ImplementationOption | undefined): Record<string, unknown> | undefined {
  if (!o) return undefined;
  return { release: o.release.id, name: o.release.name, date: o.date, decisionBy: o.decisionBy, ...(o.decisionAfter ? { decisionAfter: o.decisionAfter } : {}) };
}

function monthsVerdict(decision: IsoDate, r: MonthsImplementation): { window: 'primary' | 'fallback' | 'none'; line: string } | undefined {
  if (!r.primary) return undefined;
  const w = decisionWindow(decision, r.primary, r.fallback);
  const on = `a decision on ${formatLong(decision)}`;
  if (w.window === 'none') {
    const closed = r.fallback ? `the fall-back window closed on ${formatLong(r.fallback.decisionBy)}` : `the only window closed on ${formatLong(r.primary.decisionBy)}`;
    return { window: 'none', line: `IMP-5: ${on} is too late: ${closed}. The modification has no valid implementation date until the Authority approves a new one.` };
  }
  const which = w.window === 'primary' ? 'the primary window' : 'the fall-back window';
  return { window: w.window, line: `A${on.slice(1)} falls in ${which}: implementation on ${formatLong(w.option.date)} (${w.option.release.name}).` };
}

function input(model: RepoModel, req: Request): Omit<ImplementationInput, 'releases'> {
  const base = { leadTime: req.leadTime, systemImpact: req.systemImpact, holidays: model.config.holidays };
  return req.decision ? { ...base, decision: req.decision } : base;
}

// CAL-6: a date inside a change freeze is no valid implementation date, so it fails as IMP-5 does.
function freezeProblem(model: RepoModel, date: IsoDate): string | undefined {
  const freeze = model.config.freezes.find((f) => isWithin(date, f.from, f.to));
  if (!freeze) return undefined;
  const why = freeze.reason ? ` (${freeze.reason.trim().replace(/\.$/, '')})` : '';
  return `${formatLong(date)} is inside the change freeze from ${formatLong(freeze.from)} to ${formatLong(freeze.to)}${why}; no implementation date may fall in a freeze`;
}

function months(ctx: Context, model: RepoModel, req: Request): number {
  const anchor = req.decision ?? ctx.asOf;
  const start = req.release ? checkReleaseExists(model, req.release) : anchor;
  // Releases going live from the start to a few years after the lead time: enough for a primary and a fall-back.
  const to = addMonths(start, req.leadTime.amount + 48);
  const { releases } = listReleases({ cycle: model.config.cycle, files: releaseInputs(model), from: start, to });
  const r = implementationOptions({ ...input(model, req), releases, asOf: ctx.asOf, ...(req.release ? { release: req.release } : {}) }) as MonthsImplementation;
  const notEligible = r.problems.find((p) => p.code === 'release-not-eligible');
  if (notEligible) throw new UsageError(notEligible.message, 'name another release, or leave out --release for the earliest that fits (`secrel calendar` lists them)');
  const verdict = req.decision && r.primary ? monthsVerdict(req.decision, r) : undefined;
  const failed = !r.primary || verdict?.window === 'none';
  if (ctx.format === 'json') {
    const problems = r.problems.map(({ rule, severity, message }) => ({ rule, severity, message }));
    ctx.io.stdout(`${JSON.stringify({
      leadTime: req.leadTimeText, form: 'months', systemImpact: req.systemImpact, lines: r.lines,
      primary: optionJson(r.primary), fallback: optionJson(r.fallback),
      ...(req.decision ? { decision: { date: req.decision, window: verdict?.window ?? 'none' } } : {}),
      problems,
    }, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  if (!r.primary) {
    for (const p of r.problems) ctx.io.stderr(`secrel: ${p.rule}: ${p.message}; run \`secrel calendar\` to see the releases\n`);
    return 1;
  }
  ctx.io.stdout(`${r.lines.join('\n')}\n${verdict ? `\n${verdict.line}\n` : ''}`);
  for (const p of r.problems.filter((x) => x.code === 'no-fallback')) ctx.io.stderr(`secrel: note: ${p.message}\n`);
  return failed ? 1 : 0;
}

function workingDays(ctx: Context, model: RepoModel, req: Request): number {
  const selfGovernance = req.selfGovernance ? { selfGovernance: req.selfGovernance } : {};
  const r = implementationOptions({ ...input(model, req), releases: [], ...selfGovernance }) as WorkingDaysImplementation;
  const freezeMessage = r.date ? freezeProblem(model, r.date) : undefined;
  if (ctx.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({
      leadTime: req.leadTimeText, form: 'working-days', workingDays: r.workingDays, lines: r.lines,
      ...(r.start ? { start: r.start } : {}), ...(r.date ? { date: r.date } : {}),
      problems: [...r.problems.map(({ rule, severity, message }) => ({ rule, severity, message })), ...(freezeMessage ? [{ rule: 'CAL-6', severity: 'error', message: freezeMessage }] : [])],
    }, null, 2)}\n`);
    return freezeMessage ? 1 : 0;
  }
  let out = `${r.sentence}\n`;
  if (r.date && r.start) {
    const from = r.start.kind === 'decision' ? 'the decision' : 'the end of the Self-Governance referral window';
    out += `\nImplementation date: ${formatWithWeekday(r.date)} (${r.workingDays} Working ${r.workingDays === 1 ? 'Day' : 'Days'} after ${from} on ${formatLong(r.start.date)}).\n`;
    if (freezeMessage) out += `\nCAL-6: ${freezeMessage}.\n`;
  } else {
    const need = req.selfGovernance ? 'add --referral-end D (the end of the Self-Governance referral window)' : 'add --decision D (or, for Self-Governance, --self-governance --referral-end D)';
    ctx.io.stderr(`secrel: note: no date yet; for one, ${need}\n`);
  }
  ctx.io.stdout(out);
  return freezeMessage ? 1 : 0;
}

export async function action(ctx: Context, args: Record<string, unknown>): Promise<number> {
  const req = parseRequest(args);
  const opened = await openReleaseModel(ctx);
  if (opened.exit !== undefined) return opened.exit;
  return req.leadTime.unit === 'months' ? months(ctx, opened.model, req) : workingDays(ctx, opened.model, req);
}
