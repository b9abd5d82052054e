// The `notices` render target: each release's notices as Markdown, ready to paste into an email or a
// web page: notices/<release>/approval-<modification>.md, 12-month.md, 6-month.md and 1-month.md.
// The site's notices pages (site-notices.ts) show the same notices, from releaseNotices below.
import { addMonths } from '../domain/dates.js';
import type { ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import { approvalNotices, oneMonthNotice, scopeNotice, workingDaysApprovalNotices } from './notices-model.js';
import { DEFAULT_CLASSIFICATION, type DocumentMeta } from './document-meta.js';
import type { Engine } from './engine.js';
import type { OutputFile, SyncRenderTarget } from './targets.js';

/** A notice as a Word document (`--docx`): no version; dated the day it is due. */
const noticeMeta = (date: string | null): DocumentMeta => ({ version: null, date, classification: DEFAULT_CLASSIFICATION });

/** One notice of a release: its file name (without `.md`), its Markdown and the date it carries. */
export interface RenderedNotice {
  key: string;
  kind: 'approval' | '12-month' | '6-month' | '1-month';
  /** The approval notice's modification. */
  modification: string | null;
  markdown: string;
  /** The decision (approval notice), or the day the notice is due (the others). */
  date: string | null;
}

/** Every notice of a release, in the order the communication strategy sends them (approvals first). */
export function releaseNotices(model: RepoModel, view: ReleaseView, engine: Engine): RenderedNotice[] {
  const out: RenderedNotice[] = [];
  for (const notice of approvalNotices(view)) {
    const key = notice.part === null ? notice.modification.id : `${notice.modification.id}-part-${notice.part}`;
    out.push({ key: `approval-${key}`, kind: 'approval', modification: notice.modification.id, markdown: engine.render('notices/approval.md', notice), date: notice.decisionDate ?? view.planned.date });
  }
  out.push({ key: '12-month', kind: '12-month', modification: null, markdown: engine.render('notices/12-month.md', scopeNotice(model, view, 12)), date: addMonths(view.planned.date, -12) });
  out.push({ key: '6-month', kind: '6-month', modification: null, markdown: engine.render('notices/6-month.md', scopeNotice(model, view, 6)), date: addMonths(view.planned.date, -6) });
  out.push({ key: '1-month', kind: '1-month', modification: null, markdown: engine.render('notices/1-month.md', oneMonthNotice(model, view)), date: addMonths(view.planned.date, -1) });
  return out;
}

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
      for (const n of releaseNotices(model, view, engine)) out.push({ path: `notices/${view.planned.id}/${n.key}.md`, content: n.markdown, document: noticeMeta(n.date) });
    }
    return out;
  },
};
