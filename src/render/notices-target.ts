// The `notices` render target: each release's notices as Markdown, ready to paste into an email or a
// web page: notices/<release>/approval-<modification>.md, revision-<modification>.md (the Authority's revised
// implementation date, IMP-6), 12-month.md, 6-month.md and 1-month.md. A notice
// whose issue date is recorded is rendered as it was issued (COM-5); one not yet issued is a draft.
// The site's notices pages (site-notices.ts) show the same notices, from releaseNotices below.
import { addMonths } from '../domain/dates.js';
import { releaseView, type ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import { oneMonthNotice, scopeNotice } from './notices-model.js';
import { NO_SNAPSHOTS, releaseApprovals, releasesWithIssuedApprovals, type ReleaseApproval } from './approval-records.js';
import { DEFAULT_CLASSIFICATION, type DocumentMeta } from './document-meta.js';
import { issueDate, recordKey, releaseOnDate, type NoticeSnapshots } from './notices-record.js';
import { workingDaysApprovals } from './working-days-approvals.js';
import { revisionRecords, type RecordedRevision } from './revision-records.js';
import { beforeAgreed } from '../domain/rules/deadline.js';
import { cutoffVerbs } from './cutoffs.js';
import type { Engine } from './engine.js';
import type { OutputFile, SyncRenderTarget } from './targets.js';

/** A notice as a Word document (`--docx`): no version; dated the day it was issued, else the day it is due. */
const noticeMeta = (date: string | null): DocumentMeta => ({ version: null, date, classification: DEFAULT_CLASSIFICATION });

const SCOPE_NOTICES = [
  { field: 'twelveMonth', months: 12, kind: '12-month' },
  { field: 'sixMonth', months: 6, kind: '6-month' },
  { field: 'oneMonth', months: 1, kind: '1-month' },
] as const;

/** One notice of a release: its file name (without `.md`), its Markdown and the date it carries. */
export interface RenderedNotice {
  key: string;
  kind: 'approval' | 'revision' | '12-month' | '6-month' | '1-month';
  /** The approval or revision notice's modification. */
  modification: string | null;
  markdown: string;
  /** The day it was issued; until then the decision (approval notice), the revision (its notice), or the day the notice is due (the others). */
  date: string | null;
  /** A revision notice's issue date as recorded, and the day the Authority agreed the revision (the site's columns); the other kinds' are read from their fields. */
  issued?: string | null;
  revisionDate?: string;
}

/** An approval notice of a release, issued or draft. */
function approvalNotice(engine: Engine, view: ReleaseView, { notice, issued }: ReleaseApproval): RenderedNotice {
  const key = notice.part === null ? notice.modification.id : `${notice.modification.id}-part-${notice.part}`;
  return {
    key: `approval-${key}`,
    kind: 'approval',
    modification: notice.modification.id,
    markdown: engine.render('notices/approval.md', { ...notice, issued }),
    date: issued ?? notice.decisionDate ?? view.planned.date,
  };
}

/** The notice of an Authority revision of the implementation date (IMP-6), issued or draft. */
function revisionNotice(engine: Engine, r: RecordedRevision): RenderedNotice {
  const { key, modification, notice, issued } = r;
  return {
    key,
    kind: 'revision',
    modification,
    markdown: engine.render('notices/revision.md', { ...notice, issued }),
    date: issued ?? notice.revisionDate,
    issued,
    revisionDate: notice.revisionDate,
  };
}

/**
 * Every notice of a release, in the order the communication strategy sends them (approvals first). One whose
 * issue date is recorded is rendered as it stood that day (COM-5): from `snapshots` (git) when there is one,
 * else from the data's own dates. One due before the Panel agreed to create the release is not rendered.
 */
export function releaseNotices(model: RepoModel, view: ReleaseView, engine: Engine, snapshots: NoticeSnapshots = NO_SNAPSHOTS): RenderedNotice[] {
  const out: RenderedNotice[] = releaseApprovals(model, view, snapshots).map((a) => approvalNotice(engine, view, a));
  for (const r of revisionRecords(model, view.planned.id, snapshots)) out.push(revisionNotice(engine, r));
  const data = view.entity?.data;
  for (const n of SCOPE_NOTICES) {
    const due = addMonths(view.planned.date, -n.months);
    const issued = issueDate(data?.notices?.[n.field]) ?? null;
    if (!issued && data && beforeAgreed(data, due)) continue;
    const at = issued ? releaseOnDate(model, view, issued, snapshots, { key: recordKey({ release: view.planned.id, field: n.field }) }) : { model, view };
    const notice = n.months === 1 ? oneMonthNotice(at.model, at.view) : scopeNotice(at.model, at.view, n.months);
    if (at.ridVersion !== undefined) notice.release.ridVersion = at.ridVersion;
    // Issued on another day than it was due (late): its wording cannot count from "this notice".
    const onTime = issued === null || issued === notice.noticeDate;
    out.push({
      key: n.kind,
      kind: n.kind,
      modification: null,
      markdown: engine.render(`notices/${n.kind}.md`, {
        ...notice,
        issued,
        onTime,
        ...('cutoffs' in notice ? { set: cutoffVerbs(notice.cutoffs, issued ?? notice.noticeDate) } : {}),
      }),
      date: issued ?? due,
    });
  }
  return out;
}

export const noticesTarget: SyncRenderTarget = {
  *render({ model, releases, engine, release, noticeSnapshots = NO_SNAPSHOTS }): Generator<OutputFile> {
    // A Working Days modification goes live on its own date, in no release: its approval notice stands alone.
    if (release === undefined) {
      for (const { notice, issued } of workingDaysApprovals(model, noticeSnapshots)) {
        yield {
          path: `notices/working-days/approval-${notice.modification.id}.md`,
          content: engine.render('notices/approval.md', { ...notice, issued }),
          document: noticeMeta(issued ?? notice.decisionDate ?? notice.implementationDate),
        };
      }
      // Revised to a date of its own (a Working Days implementation date): with the Working Days notices.
      for (const r of revisionRecords(model, undefined, noticeSnapshots)) {
        const n = revisionNotice(engine, r);
        yield { path: `notices/working-days/${n.key}.md`, content: n.markdown, document: noticeMeta(n.date) };
      }
    }
    for (const view of releases) {
      for (const n of releaseNotices(model, view, engine, noticeSnapshots))
        yield { path: `notices/${view.planned.id}/${n.key}.md`, content: n.markdown, document: noticeMeta(n.date) };
    }
    // A release rendered for nothing else (no file, and every modification has left it) keeps the approval
    // notices issued for it: records of what Parties were told (COM-5). Only those; no drafts, no RID.
    if (release !== undefined) return;
    const shown = new Set(releases.map((v) => v.planned.id));
    for (const id of releasesWithIssuedApprovals(model, noticeSnapshots)) {
      const view = shown.has(id) ? undefined : releaseView(model, id);
      if (!view || view.planned.cancelled) continue;
      for (const a of releaseApprovals(model, view, noticeSnapshots)) {
        if (a.issued === null) continue;
        const n = approvalNotice(engine, view, a);
        yield { path: `notices/${id}/${n.key}.md`, content: n.markdown, document: noticeMeta(n.date) };
      }
    }
  },
};
