// The `notices` render target: each release's notices as Markdown, ready to paste into an email or a
// web page: notices/<release>/approval-<modification>.md, 12-month.md, 6-month.md and 1-month.md.
import { addMonths } from '../domain/dates.js';
import { approvalNotices, oneMonthNotice, scopeNotice, workingDaysApprovalNotices } from './notices-model.js';
import { DEFAULT_CLASSIFICATION, type DocumentMeta } from './document-meta.js';
import type { OutputFile, SyncRenderTarget } from './targets.js';

/** A notice as a Word document (`--docx`): no version; dated the day it is due. */
const noticeMeta = (date: string | null): DocumentMeta => ({ version: null, date, classification: DEFAULT_CLASSIFICATION });

export const noticesTarget: SyncRenderTarget = {
  render({ model, releases, engine, release }) {
    const out: OutputFile[] = [];
    // A Working Days modification goes live on its own date, in no release: its approval notice stands alone.
    if (release === undefined) {
      for (const notice of workingDaysApprovalNotices(model)) {
        out.push({ path: `notices/working-days/approval-${notice.modification.id}.md`, content: engine.render('notices/approval.md', notice), document: noticeMeta(notice.decisionDate ?? notice.implementationDate) });
      }
    }
    for (const view of releases) {
      const dir = `notices/${view.planned.id}`;
      for (const notice of approvalNotices(view)) {
        const key = notice.part === null ? notice.modification.id : `${notice.modification.id}-part-${notice.part}`;
        out.push({ path: `${dir}/approval-${key}.md`, content: engine.render('notices/approval.md', notice), document: noticeMeta(notice.decisionDate ?? view.planned.date) });
      }
      out.push({ path: `${dir}/12-month.md`, content: engine.render('notices/12-month.md', scopeNotice(model, view, 12)), document: noticeMeta(addMonths(view.planned.date, -12)) });
      out.push({ path: `${dir}/6-month.md`, content: engine.render('notices/6-month.md', scopeNotice(model, view, 6)), document: noticeMeta(addMonths(view.planned.date, -6)) });
      out.push({ path: `${dir}/1-month.md`, content: engine.render('notices/1-month.md', oneMonthNotice(model, view)), document: noticeMeta(addMonths(view.planned.date, -1)) });
    }
    return out;
  },
};
