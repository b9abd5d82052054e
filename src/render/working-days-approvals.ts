// The approval notices of Working Days modifications, which go live on their own date in no release
// (notices/working-days/): one issued is rendered as the repository stood on its issue date, else as the
// commit that recorded it had it (COM-5), so later edits do not rewrite it; one not issued is a draft.
import type { IsoDate } from '../domain/dates.js';
import { modificationById, type RepoModel } from '../domain/repository.js';
import { isApproved } from '../domain/status.js';
import { workingDaysApprovalNotices, type ApprovalNotice } from './notices-model.js';
import { issueDate, recordKey, type NoticeSnapshots } from './notices-record.js';

export function workingDaysApprovals(model: RepoModel, snapshots: NoticeSnapshots): { notice: ApprovalNotice; issued: IsoDate | null }[] {
  return workingDaysApprovalNotices(model).map((notice) => {
    const id = notice.modification.id;
    const issued = issueDate(modificationById(model, id)?.data.notices?.approval) ?? null;
    if (!issued) return { notice, issued };
    // The first of that day's commit and the recording commit that has it approved, with its notice.
    for (const then of [snapshots.onDate.get(issued), snapshots.recorded.get(recordKey({ modification: id }))]) {
      if (!then || !isApproved(modificationById(then, id)?.data.status)) continue;
      const was = noticesOf(then).find((n) => n.modification.id === id);
      if (was) return { notice: was, issued };
    }
    return { notice, issued };
  });
}

// Per snapshot, made once: every notice issued that day reads the same one.
const made = new WeakMap<RepoModel, ApprovalNotice[]>();

function noticesOf(model: RepoModel): ApprovalNotice[] {
  let notices = made.get(model);
  if (!notices) made.set(model, (notices = workingDaysApprovalNotices(model)));
  return notices;
}
