// COM-5's evidence from git: what the repository held when each recorded notice was issued, and, for a
// notice whose issue day's commit does not know it yet (the approval or the release typed in afterwards),
// what it held in the commit that first recorded the notice's issue date. Rendered from these, an issued
// notice stays as it was issued whatever is edited later.
import { isValidIsoDate, type IsoDate } from '../domain/dates.js';
import { modificationById, type RepoModel } from '../domain/repository.js';
import { isApproved } from '../domain/status.js';
import { gitRoot } from '../repo/git.js';
import { commitsChanging, firstParentCommits } from '../repo/git-history.js';
import { loadRepository, type Repository } from '../repo/load.js';
import { revisionSource } from '../repo/source.js';
import { NO_SNAPSHOTS } from '../render/approval-records.js';
import { recordKey, type NoticeSnapshots } from '../render/notices-record.js';
import { revisionKey } from '../render/revision-records.js';
import { sameRevision } from '../domain/revision-notices.js';

/** A recorded notice: its issue date, the file that records it, and whether a repository records that date for it. */
interface Recorded {
  key: string;
  date: IsoDate;
  file: string;
  /** Whether the notice is in `model` at all: its modification approved, or its release there. */
  known(model: RepoModel): boolean;
  /** Whether `model` records this issue date for it. */
  records(model: RepoModel): boolean;
}

/** No git, or no notice issued: no snapshots, and every notice is rendered from what the data records about its day. */
export async function noticeSnapshotsOf(repo: Repository): Promise<NoticeSnapshots> {
  const notices = recordedNotices(repo);
  if (notices.length === 0 || !(await gitRoot(repo.root))) return NO_SNAPSHOTS;
  const load = snapshotLoader(repo);
  // The last commit (on HEAD's first-parent line) committed on or before each day, with every commit before it:
  // oldest first, each with the latest day up to it, so a commit dated before its parent (back-dated, or a skewed
  // clock) does not make a later state of the data pass for one that stood on an earlier day.
  let latest = '';
  const line = (await firstParentCommits(repo.root)).reverse().map((c) => ({ commit: c.commit, upTo: (latest = c.date > latest ? c.date : latest) }));
  const onDate = new Map<IsoDate, RepoModel>();
  for (const date of [...new Set(notices.map((n) => n.date))].sort()) {
    const commit = line.findLast((c) => c.upTo <= date)?.commit;
    const then = commit && (await load(commit));
    if (then) onDate.set(date, then);
  }
  // The notices that day's commit does not know: the first commit that changed its file and records it.
  const unknown = notices.filter((n) => !isKnown(onDate.get(n.date), n));
  const changing = await commitsChanging(repo.root, [...new Set(unknown.map((n) => n.file))]);
  const recorded = new Map<string, RepoModel>();
  for (const n of unknown) {
    for (const commit of changing.get(n.file) ?? []) {
      const then = await load(commit);
      if (!then || !n.records(then)) continue;
      if (n.known(then)) recorded.set(n.key, then);
      break;
    }
  }
  return { onDate, recorded };
}

const isKnown = (model: RepoModel | undefined, n: Recorded) => model !== undefined && n.known(model);

/** Every notice with a recorded issue date: the releases' (12-month, 6-month, 1-month), the modifications' approvals and revisions. */
function recordedNotices(repo: Repository): Recorded[] {
  const out: Recorded[] = [];
  for (const r of repo.releases) {
    for (const [field, date] of Object.entries(r.data.notices ?? {})) {
      if (!isValidIsoDate(date)) continue;
      const release = (m: RepoModel) => releaseById(m, r.id);
      out.push({
        key: recordKey({ release: r.id, field }),
        date,
        file: r.file,
        known: (m) => release(m) !== undefined,
        records: (m) => (release(m)?.data.notices as Record<string, unknown> | undefined)?.[field] === date,
      });
    }
  }
  for (const mod of repo.modifications) {
    const date = mod.data.notices?.approval;
    if (!isValidIsoDate(date)) continue;
    const then = (m: RepoModel) => modificationById(m, mod.id);
    out.push({
      key: recordKey({ modification: mod.id }),
      date,
      file: mod.file,
      known: (m) => isApproved(then(m)?.data.status),
      records: (m) => then(m)?.data.notices?.approval === date,
    });
  }
  // The notices of the Authority's revised dates (IMP-6): the revision is known by its date and where it moved the modification.
  for (const mod of repo.modifications) {
    for (const r of mod.data.implementation?.revisions ?? []) {
      const date = r.notified;
      if (!isValidIsoDate(date)) continue;
      const then = (m: RepoModel) => modificationById(m, mod.id)?.data.implementation?.revisions?.find((x) => sameRevision(x, r));
      out.push({ key: revisionKey(mod.id, r), date, file: mod.file, known: (m) => then(m) !== undefined, records: (m) => then(m)?.notified === date });
    }
  }
  return out;
}

// A snapshot's releases by id, made once: every notice of a release asks.
const releaseIndex = new WeakMap<RepoModel, Map<string, RepoModel['releases'][number]>>();

function releaseById(model: RepoModel, id: string): RepoModel['releases'][number] | undefined {
  let index = releaseIndex.get(model);
  if (!index) releaseIndex.set(model, (index = new Map(model.releases.map((r) => [r.id, r]))));
  return index.get(id);
}

/** The repository at a commit, each loaded once; undefined for one that does not load cleanly (its notices then come from the data). */
function snapshotLoader(repo: Repository): (commit: string) => Promise<Repository | undefined> {
  const loaded = new Map<string, Repository | undefined>();
  return async (commit) => {
    if (!loaded.has(commit)) {
      const then = await loadRepository(repo.root, await revisionSource(repo.root, commit));
      loaded.set(commit, then.findings.some((f) => f.severity === 'error') ? undefined : then);
    }
    return loaded.get(commit);
  };
}
