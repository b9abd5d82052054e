// Runs `secrel impl-date`: the Policy's implementation-date wording (IMP-1..5) for a lead time, from the
// repository's releases (moved dates included) or, outside one, the default cycle.
import { formatLong, formatWithWeekday } from '../../domain/dates.js';
import { describeFreeze, freezeOn } from '../../domain/rules/calendar.js';
import type { IsoDate } from '../../domain/dates.js';
import { listReleases } from '../../domain/calendar.js';
import { parseReleaseId } from '../../domain/cycle.js';
import {
  decisionVerdict, implementationOptions, parseLeadTime, releaseHorizon,
  type ImplementationInput, type ImplementationOption, type LeadTime, type MonthsImplementation, type WorkingDaysImplementation,
} from '../../domain/implementation.js';
import { releaseInputs } from '../../domain/releases.js';
import type { RepoModel } from '../../domain/repository.js';
import { UsageError } from '../../repo/errors.js';
import type { ImplDateOptions } from '../commands/impl-date.js';
import type { Context } from '../context.js';
import { openReleaseModel } from '../open.js';
import { releaseOption } from '../release-option.js';

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

/** Checks the options before anything is read, so bad usage always exits 2. */
function parseRequest(args: ImplDateOptions): Request {
  const text = args.leadTime;
  const forms = '--lead-time 12m (months before go-live) or --lead-time 20wd (Working Days following decision)';
  if (text === undefined) throw new UsageError('impl-date needs a lead time', `add ${forms}`);
  const leadTime = parseLeadTime(text);
  if (!leadTime) throw new UsageError(`--lead-time ${text} is not a lead time`, `write a whole number then m or wd: ${forms}`);
  const max = leadTime.unit === 'months' ? MAX_MONTHS : MAX_WORKING_DAYS;
  if (leadTime.amount > max) throw new UsageError(`--lead-time ${text} is longer than ${max}${leadTime.unit === 'months' ? 'm' : 'wd'}`, `a lead time is at most ${MAX_MONTHS}m or ${MAX_WORKING_DAYS}wd; check the number`);
  if (args.system === true && args.documentation === true) {
    throw new UsageError('--system and --documentation contradict each other', 'give --system for a DCC-System-impacting modification (System Releases only), --documentation for a documentation-only one');
  }
  const { release, decision, referralEnd } = args;
  if (release !== undefined && !parseReleaseId(release)) throw new UsageError(`--release ${release} is not a release ID`, 'write YYYY-MM (2020-06), or YYYY-MM-suffix for a second release in a month (2022-07-mp200)');
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

function optionJson(o: ImplementationOption | undefined): object | undefined {
  if (!o) return undefined;
  return { release: o.release.id, name: o.release.name, date: o.date, decisionBy: o.decisionBy, ...(o.decisionAfter ? { decisionAfter: o.decisionAfter } : {}) };
}

function input(model: RepoModel, req: Request): Omit<ImplementationInput, 'releases'> {
  const base = { leadTime: req.leadTime, systemImpact: req.systemImpact, holidays: model.config.holidays };
  return req.decision ? { ...base, decision: req.decision } : base;
}

// CAL-6: a date inside a change freeze is no valid implementation date, so it fails as IMP-5 does.
function freezeProblem(model: RepoModel, date: IsoDate): string | undefined {
  const freeze = freezeOn(model.config.freezes, date);
  return freeze && `${formatLong(date)} is inside the change freeze ${describeFreeze(freeze)}; no implementation date may fall in a freeze`;
}

function months(ctx: Context, model: RepoModel, req: Request): number {
  const anchor = req.decision ?? ctx.asOf;
  const start = req.release ? releaseOption(model, req.release).date : anchor;
  const { releases } = listReleases({ cycle: model.config.cycle, files: releaseInputs(model), ...releaseHorizon(start, req.leadTime.amount) });
  const r = implementationOptions({ ...input(model, req), releases, asOf: ctx.asOf, ...(req.release ? { release: req.release } : {}) }) as MonthsImplementation;
  const notEligible = r.problems.find((p) => p.code === 'release-not-eligible');
  if (notEligible) throw new UsageError(notEligible.message, 'name another release, or leave out --release for the earliest that fits (`secrel calendar` lists them)');
  const verdict = req.decision && r.primary ? decisionVerdict(req.decision, r) : undefined;
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

export async function action(ctx: Context, args: ImplDateOptions): Promise<number> {
  const req = parseRequest(args);
  const opened = await openReleaseModel(ctx);
  if (opened.exit !== undefined) return opened.exit;
  return req.leadTime.unit === 'months' ? months(ctx, opened.model, req) : workingDays(ctx, opened.model, req);
}
