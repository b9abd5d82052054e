// Communication rules: the approval notice within 1 Working Day of the decision (COM-1), notices 12 and
// 6 months before go-live (COM-2), and 1 month before (COM-3).
import { compare, isValidIsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import { addWorkingDays } from '../working-days.js';
import type { Rule } from './context.js';
import { deadlineFindings, deadlineState } from './deadline.js';
import { fieldFinding, long, relative } from './support.js';

export const approvalNotice: Rule = {
  id: 'COM-1',
  title: 'the notice of approval and implementation date goes out within 1 Working Day of the decision',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) {
      const decided = m.data.decision?.date;
      const approved = m.data.status === 'approved' || m.data.status === 'implemented';
      // A decision dated after as-of had not been taken on that day.
      if (!approved || !isValidIsoDate(decided) || compare(decided, ctx.asOf) > 0) continue;
      const due = addWorkingDays(decided, 1, ctx.model.config.holidays);
      const notice = m.data.notices?.approval;
      const s = deadlineState(due, isValidIsoDate(notice) ? notice : undefined, ctx.asOf);
      const release = m.data.implementation?.release ?? m.data.parts?.[0]?.release;
      const ids = release ? { modification: m.id, release } : { modification: m.id };
      const path = ['notices', 'approval'];
      const what = `The notice of ${m.id}'s approval and implementation date`;
      if (s.state === 'late') {
        out.push(fieldFinding(m, path, 'COM-1', 'error',
          `${what} went out on ${long(s.recorded!)}, after it was due on ${long(due)} (1 Working Day after the decision on ${long(decided)}); ` +
          'if the date is right, report the breach to the Panel', ids));
      } else if (s.state === 'overdue') {
        out.push(fieldFinding(m, path, 'COM-1', 'error',
          `${what} was due on ${long(due)} (1 Working Day after the decision on ${long(decided)}, ${relative(ctx.asOf, due)}) and is not recorded: ` +
          'issue it and record the date in notices.approval', ids));
      } else if (s.state === 'due-soon') {
        out.push(fieldFinding(m, path, 'COM-1', 'warning',
          `${what} is due on ${long(due)} (${relative(ctx.asOf, due)}; 1 Working Day after the decision): issue it and record the date in notices.approval`, ids));
      }
    }
    return out;
  },
};

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
