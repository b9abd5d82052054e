// The `notices` render target: each release's notices as Markdown, ready to paste into an email or a
// web page: notices/<release>/approval-<modification>.md, 12-month.md, 6-month.md and 1-month.md. A notice
// whose issue date is recorded is rendered as it was issued (COM-5); one not yet issued is a draft.
import { addMonths } from '../domain/dates.js';
import { approvalNotices, oneMonthNotice, scopeNotice, workingDaysApprovalNotices } from './notices-model.js';
import { DEFAULT_CLASSIFICATION, type DocumentMeta } from './document-meta.js';
import { issueDate, releaseOnDate } from './notices-record.js';
import { beforeAgreed } from '../domain/rules/deadline.js';
import type { OutputFile, SyncRenderTarget } from './targets.js';

/** A notice as a Word document (`--docx`): no version; dated the day it was issued, else the day it is due. */
const noticeMeta = (date: string | null): DocumentMeta => ({ version: null, date, classification: DEFAULT_CLASSIFICATION });

const SCOPE_NOTICES = [
  { field: 'twelveMonth', months: 12, file: '12-month.md' },
  { field: 'sixMonth', months: 6, file: '6-month.md' },
  { field: 'oneMonth', months: 1, file: '1-month.md' },
] as const;

export const noticesTarget: SyncRenderTarget = {
  render({ model, releases, engine, release, noticeSnapshots = new Map() }) {
    const out: OutputFile[] = [];
    // A Working Days modification goes live on its own date, in no release: its approval notice stands alone.
    if (release === undefined) {
      for (const notice of workingDaysApprovalNotices(model)) {
        const issued = issueDate(model.modifications.find((m) => m.id === notice.modification.id)?.data.notices?.approval) ?? null;
        out.push({ path: `notices/working-days/approval-${notice.modification.id}.md`, content: engine.render('notices/approval.md', { ...notice, issued }), document: noticeMeta(issued ?? notice.decisionDate ?? notice.implementationDate) });
      }
    }
    for (const view of releases) {
      const dir = `notices/${view.planned.id}`;
      for (const notice of approvalNotices(view)) {
        const key = notice.part === null ? notice.modification.id : `${notice.modification.id}-part-${notice.part}`;
        const issued = issueDate(view.scope.find((e) => e.modification.id === notice.modification.id)?.modification.data.notices?.approval) ?? null;
        // As issued: the snapshot's wording of the same approval, when the snapshot already had it.
        const then = issued ? approvalNotices(releaseOnDate(model, view, issued, noticeSnapshots).view).find((n) => n.modification.id === notice.modification.id && n.part === notice.part) : undefined;
        out.push({ path: `${dir}/approval-${key}.md`, content: engine.render('notices/approval.md', { ...(then ?? notice), issued }), document: noticeMeta(issued ?? notice.decisionDate ?? view.planned.date) });
      }
      const data = view.entity?.data;
      for (const n of SCOPE_NOTICES) {
        const due = addMonths(view.planned.date, -n.months);
        const issued = issueDate(data?.notices?.[n.field]) ?? null;
        // Due before the Panel agreed to create the release: not applicable, and no impossible notice is rendered.
        if (!issued && data && beforeAgreed(data, due)) continue;
        const at = issued ? releaseOnDate(model, view, issued, noticeSnapshots) : { model, view };
        const notice = n.months === 1 ? oneMonthNotice(at.model, at.view) : scopeNotice(at.model, at.view, n.months);
        if (at.ridVersion !== undefined) notice.release.ridVersion = at.ridVersion;
        out.push({ path: `${dir}/${n.file}`, content: engine.render(`notices/${n.file}`, { ...notice, issued }), document: noticeMeta(issued ?? due) });
      }
    }
    return out;
  },
};
