// GL-4, the record after go-live: a release that has gone live is recorded `live`, and the modifications it
// delivered `implemented`. A prompt, not a breach: an info for the first Working Days after go-live, then a
// warning, so a repository nobody updated after go-live does not keep presenting the release as to come; and
// a release or modification recorded live before its go-live is a warning too.
import { countWorkingDays } from '../working-days.js';
import { compare, type IsoDate } from '../dates.js';
import type { Finding, Severity } from '../findings.js';
import type { ModificationStatus, ReleaseStatus } from '../model.js';
import { scopeEntriesOf } from '../scope.js';
import { workingDaysImplementations } from '../working-days-date.js';
import type { Rule, RuleContext } from './context.js';
import { recordIn } from './deadline.js';
import { fieldFinding, long, relative } from './support.js';

/** Working Days after go-live during which the prompt is an info; a warning after. */
const RECORD_LIVE_WORKING_DAYS = 5;

const BEFORE_LIVE: ReadonlySet<ReleaseStatus> = new Set(['planned', 'baselined', 'testing']);
const OPEN: ReadonlySet<ModificationStatus | undefined> = new Set([undefined, 'raised', 'development', 'refinement', 'report', 'approved']);

function severity(ctx: RuleContext, goLive: IsoDate): Severity {
  return countWorkingDays(goLive, ctx.asOf, ctx.model.config.holidays) <= RECORD_LIVE_WORKING_DAYS ? 'info' : 'warning';
}

const since = (ctx: RuleContext, date: IsoDate) => `${long(date)}, ${relative(ctx.asOf, date)}`;

export const recordLive: Rule = {
  id: 'GL-4',
  title: 'after go-live the record says so: the release `live`, the modifications it delivered `implemented`',
  check(ctx) {
    const out: Finding[] = [];
    for (const facts of ctx.releases) {
      const { planned, entity } = facts;
      const status = (entity.data.status ?? 'planned') as ReleaseStatus;
      if (planned.cancelled || !BEFORE_LIVE.has(status) || compare(ctx.asOf, planned.date) <= 0) continue;
      // With nothing in scope nothing went live: there is no outcome to record.
      if (!facts.hasScope) continue;
      out.push(
        fieldFinding(
          entity,
          ['status'],
          'GL-4',
          severity(ctx, planned.date),
          `The ${planned.name} went live on ${since(ctx, planned.date)}, but its status is still ${status}: ` +
            `${recordIn(facts, 'set status: live')} (or cancelled, with dateReason, if it did not go live)`,
          { release: entity.id },
        ),
      );
    }
    out.push(...modificationPrompts(ctx), ...tooSoon(ctx));
    return out;
  },
};

/**
 * The other way round: recorded `live` or `implemented` while the go-live is still to come. Every command
 * then tells a different story (plan "live … in 133 days", the site "Implemented in …"), so it is a warning.
 */
function tooSoon(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { planned, entity } of ctx.releases) {
    if (entity.data.status !== 'live' || planned.cancelled || compare(planned.date, ctx.asOf) <= 0) continue;
    out.push(
      fieldFinding(
        entity,
        ['status'],
        'GL-4',
        'warning',
        `The ${planned.name} is recorded live, but it goes live on ${since(ctx, planned.date)}: set its status to planned, baselined or testing until it does`,
        { release: entity.id },
      ),
    );
  }
  const own = new Map(workingDaysImplementations(ctx.model.modifications, ctx.model.config.holidays).map((w) => [w.id, w]));
  for (const m of ctx.model.modifications) {
    if (m.data.status !== 'implemented') continue;
    const dates = scopeEntriesOf(m).map((e) => ctx.planned(e.release));
    const ownDate = own.get(m.id)?.date;
    const later = dates.find((r) => r && !r.cancelled && compare(r.date, ctx.asOf) > 0);
    const when = later
      ? { date: later.date, what: `the ${later.name} it is in` }
      : ownDate && compare(ownDate, ctx.asOf) > 0
        ? { date: ownDate, what: 'its implementation date' }
        : undefined;
    if (!when) continue;
    out.push(
      fieldFinding(
        m,
        ['status'],
        'GL-4',
        'warning',
        `${m.id} is recorded implemented, but ${when.what} goes live on ${since(ctx, when.date)}: set its status to approved (or what it is) until then`,
        later ? { modification: m.id, release: later.id } : { modification: m.id },
      ),
    );
  }
  return out;
}

/** Modifications whose every release (each part's) has gone live, or whose own Working Days date has passed. */
function modificationPrompts(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const holidays = ctx.model.config.holidays;
  const own = new Map(workingDaysImplementations(ctx.model.modifications, holidays).map((w) => [w.id, w]));
  for (const m of ctx.model.modifications) {
    const status = m.data.status;
    if (!OPEN.has(status)) continue;
    const entries = scopeEntriesOf(m);
    const releases = entries.map((e) => ctx.planned(e.release));
    let last: { date: IsoDate; name: string } | undefined;
    if (entries.length > 0) {
      if (releases.some((r) => !r || r.cancelled)) continue;
      const latest = releases.reduce((a, b) => (compare(a!.date, b!.date) >= 0 ? a : b))!;
      last = { date: latest.date, name: `the ${latest.name}` };
    } else {
      const date = own.get(m.id)?.date;
      if (date) last = { date, name: 'its own Working Days implementation date' };
    }
    if (!last || compare(ctx.asOf, last.date) <= 0) continue;
    const ids = entries[0] ? { modification: m.id, release: entries[0].release } : { modification: m.id };
    const parts = entries.length > 1 ? ` (its last part, in ${last.name})` : ` (${last.name})`;
    const text =
      status === 'approved'
        ? `${m.id} went live on ${since(ctx, last.date)}${parts}, but its status is still approved: set status: implemented`
        : `${m.id} is still ${status ?? 'without a status'}, but ${last.name} it was targeted at went live on ${since(ctx, last.date)}: ` +
          'if it was approved and went live, record the decision and set status: implemented; if not, move it to a later release';
    out.push(fieldFinding(m, ['status'], 'GL-4', severity(ctx, last.date), text, ids));
  }
  return out;
}

export const LIFECYCLE_RULES: readonly Rule[] = [recordLive];
