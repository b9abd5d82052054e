// Communication rules: the approval notice within 1 Working Day of the decision (COM-1), notices 12 and
// 6 months before go-live (COM-2), and 1 month before (COM-3).
import { compare, isValidIsoDate, type IsoDate } from '../dates.js';
import type { Modification } from '../model.js';
import type { Finding } from '../findings.js';
import { addWorkingDays } from '../working-days.js';
import type { Rule } from './context.js';
import { deadlineFindings, deadlineState, lateVerdict } from './deadline.js';
import { fieldFinding, long, relative } from './support.js';
import { isApproved } from '../status.js';

export const approvalNotice: Rule = {
  id: 'COM-1',
  title: 'the notice of approval and implementation date goes out within 1 Working Day of the decision (Self-Governance: of the end of the referral window)',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) {
      const final = approvalFinal(m.data);
      const approved = isApproved(m.data.status);
      // A decision (or a referral window end) dated after as-of had not happened on that day.
      if (
        approved &&
        !final &&
        m.data.governance === 'self-governance' &&
        isValidIsoDate(m.data.decision?.date) &&
        compare(m.data.decision.date, ctx.asOf) <= 0
      ) {
        out.push(
          fieldFinding(
            m,
            ['decision', 'referralWindowEnd'],
            'COM-1',
            'info',
            `${m.id} is Self-Governance: its approval becomes final at the end of the referral window after the Change Board vote, and the notice is due ` +
              '1 Working Day after that: record decision.referralWindowEnd',
            { modification: m.id },
          ),
        );
      }
      if (approved && !isValidIsoDate(m.data.decision?.date)) {
        out.push(
          fieldFinding(
            m,
            ['decision', 'date'],
            'COM-1',
            'info',
            `${m.id} is approved, but the date of the decision is not recorded, so the notice of its approval (due 1 Working Day after the decision) cannot be checked: record decision.date`,
            { modification: m.id },
          ),
        );
        continue;
      }
      // While a Self-Governance referral window runs (the Change Board has voted), the notice's day is known already.
      const ahead = !!final && compare(final.date, ctx.asOf) > 0;
      const running = ahead && m.data.governance === 'self-governance' && isValidIsoDate(m.data.decision?.date) && compare(m.data.decision.date, ctx.asOf) <= 0;
      if (!approved || !final || (ahead && !running)) continue;
      const decided = final.date;
      const due = addWorkingDays(decided, 1, ctx.model.config.holidays);
      const notice = m.data.notices?.approval;
      const s = deadlineState(due, isValidIsoDate(notice) ? notice : undefined, ctx.asOf);
      const release = m.data.implementation?.release ?? m.data.parts?.[0]?.release;
      const ids = release ? { modification: m.id, release } : { modification: m.id };
      const path = ['notices', 'approval'];
      const what = `The notice of ${m.id}'s approval and implementation date`;
      if (s.state === 'late') {
        const late = lateVerdict(m.data.lateReported, 'notices.approval');
        out.push(
          fieldFinding(
            m,
            path,
            'COM-1',
            late.severity,
            `${what} went out on ${long(s.recorded!)}, after it was due on ${long(due)} (1 Working Day after ${final.what} on ${long(decided)}); ${late.words}`,
            ids,
          ),
        );
      } else if (s.state === 'overdue') {
        out.push(
          fieldFinding(
            m,
            path,
            'COM-1',
            'error',
            `${what} was due on ${long(due)}, ${relative(ctx.asOf, due)} (1 Working Day after ${final.what} on ${long(decided)})` +
              (isValidIsoDate(notice)
                ? `, but notices.approval records ${long(notice)}, after ${long(ctx.asOf)}, so it counts as not issued yet: correct the date if it was issued, else leave it out until it is`
                : ' and is not recorded: issue it and record the date in notices.approval'),
            ids,
          ),
        );
      } else if (s.state === 'due-soon') {
        out.push(
          fieldFinding(
            m,
            path,
            'COM-1',
            'warning',
            `${what} is due on ${long(due)} (${relative(ctx.asOf, due)}; 1 Working Day after ${final.what} on ${long(decided)})` +
              `${running ? ', unless the approval is referred' : ''}: issue it and record the date in notices.approval`,
            ids,
          ),
        );
      }
    }
    return out;
  },
};

/**
 * When the approval becomes final, which starts COM-1's one Working Day: the decision; for Self-Governance the
 * end of the referral window after the Change Board vote (undefined until it is recorded).
 */
export function approvalFinal(m: Modification): { date: IsoDate; what: string } | undefined {
  if (m.governance === 'self-governance') {
    const end = m.decision?.referralWindowEnd;
    return isValidIsoDate(end) ? { date: end, what: 'the end of the Self-Governance referral window, when the approval becomes final,' } : undefined;
  }
  const decided = m.decision?.date;
  return isValidIsoDate(decided) ? { date: decided, what: 'the decision' } : undefined;
}

export const scopeNotices: Rule = {
  id: 'COM-2',
  title: 'notices 12 and 6 months before go-live, with the cut-off dates and scope',
  check: (ctx) => deadlineFindings(ctx, 'COM-2'),
};

export const goLiveNotice: Rule = {
  id: 'COM-3',
  title: 'a notice of imminent go-live 1 month before go-live',
  check: (ctx) => deadlineFindings(ctx, 'COM-3'),
};

export const NOTICE_RULES: readonly Rule[] = [approvalNotice, scopeNotices, goLiveNotice];
