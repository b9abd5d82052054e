// Records a commit must keep. What the last commit recorded about a release or a modification (the Panel's
// RID baselines, the RID's version history, the days notices were issued, a revision's included) is history: a later commit that
// drops it loses the record Parties and the Panel were given, and deleting a release's file drops all of it
// at once while the release itself still exists (the cycle schedules it, modifications target it). An
// approved modification's implementation release or date is the Authority's decision: only a recorded revision moves it (IMP-6).
import { formatLong, isValidIsoDate } from './dates.js';
import type { Finding, PathSegment } from './findings.js';
import { releaseFinder } from './releases.js';
import type { Modification } from './model.js';
import { fileNameId, findingAt, type Entity, type RepoModel } from './repository.js';
import { unrevisedMove } from './unrevised-move.js';

/** A file as the earlier revision had it, when the later one changes or deletes it. */
export interface EarlierFile {
  file: string;
  kind: 'release' | 'modification';
  data: unknown;
  /** The later revision has no file at this path. */
  deleted: boolean;
  /** The earlier revision had no file at this path: the later one adds it (`data` is then undefined). */
  added?: boolean;
}

interface Recorded {
  /** What identifies the record across revisions. */
  key: string;
  /** "the 12-month notice". */
  name: string;
  /** What it records, compared across revisions: "issued on 29 June 2027". */
  detail: string;
  path: PathSegment[];
  rule: 'RID-1' | 'COM-5';
}

const RELEASE_NOTICES = [
  ['twelveMonth', '12-month'],
  ['sixMonth', '6-month'],
  ['oneMonth', 'one-month'],
] as const;

/** The two revisions compared, in words and in git's terms. */
export interface Revisions {
  /** The later one, for messages: "the git index", "this branch". */
  later: string;
  /** The earlier one, as git names it: `HEAD`, `main`. */
  earlier: string;
  /** How to bring a file back from the earlier revision: `git restore --staged --worktree FILE`. */
  restore(file: string): string;
  /** How to take a record out on purpose: "commit with --no-verify". */
  override: string;
}

/**
 * What each earlier file recorded that the model (the later revision) has dropped or rewritten, found by
 * id, so a file renamed with its record intact is fine. Dropped records and deleted files are errors; a
 * rewritten one (a corrected date) is a warning.
 */
export function lostRecords(earlier: readonly EarlierFile[], model: RepoModel, revisions: Revisions): Finding[] {
  const { later: where, earlier: base } = revisions;
  const out: Finding[] = [];
  for (const e of earlier) {
    const was = recordsOf(e.kind, e.data);
    if (was.length === 0) continue;
    const id = idOf(e.data) ?? fileNameId(e.file);
    const list: readonly Entity<unknown>[] = e.kind === 'release' ? model.releases : model.modifications;
    const now = list.find((x) => x.id === id);
    if (!now) {
      // A file that no longer validates still holds its record: its own error says what to fix.
      const invalid = e.kind === 'release' ? model.invalidIds.releases : model.invalidIds.modifications;
      if (!e.deleted || invalid.has(id)) continue;
      out.push(goneFinding(e, id, was, model, revisions));
      continue;
    }
    if (e.kind === 'modification') {
      const moved = unrevisedMove(e, now as Entity<Modification>, revisions);
      if (moved) out.push(moved);
    }
    const kept = new Map(recordsOf(e.kind, now.data).map((r) => [r.key, r]));
    for (const r of was) {
      const k = kept.get(r.key);
      const subject = e.kind === 'release' ? `release ${id}` : id;
      if (!k) {
        const message =
          `${base} records ${said(r)}${r.detail ? ',' : ''} for ${subject}, and ${where} has dropped it: ${recordWhy(r)}. ` +
          `Put it back as it was (\`git show ${base}:${e.file}\` shows it); if it was recorded by mistake, ${revisions.override}`;
        out.push(findingAt(now, existingPath(now.data, r.path), r.rule, 'error', message, tag(e.kind, id)));
      } else if (k.detail !== r.detail) {
        const message = `${base} records ${r.name} for ${subject} as ${r.detail}; ${where} rewrites it as ${k.detail}: ${recordWhy(r)}; correct it only if ${base} recorded it wrongly`;
        out.push(findingAt(now, k.path, r.rule, 'warning', message, tag(e.kind, id)));
      }
    }
  }
  return out;
}

function goneFinding(e: EarlierFile, id: string, was: readonly Recorded[], model: RepoModel, revisions: Revisions): Finding {
  const { later: where, earlier: base } = revisions;
  const restore = `restore it (\`${revisions.restore(e.file)}\`)`;
  const versions = was.filter((r) => r.key.startsWith('history ')).map((r) => r.key.slice('history '.length));
  const list = [
    ...was.filter((r) => !r.key.startsWith('history ')).map(said),
    ...(versions.length > 0 ? [`the RID's version history (${versions.join(', ')})`] : []),
  ].join('; ');
  const message =
    e.kind === 'release'
      ? `${e.file} is gone from ${where}, but at ${base} it holds the record of the ${releaseFinder(model)(id)?.name ?? `release ${id}`}: ${list}. ` +
        `The release still exists: ${restore}; to withdraw the release set \`status: cancelled\` in it, to move it set \`date\` and \`dateReason\``
      : `${e.file} is gone from ${where}, but at ${base} it records ${list} for ${id}: an issued notice is a record (COM-5), and the Modifications Register lists ${id}. ` +
        `${capital(restore)}; to take it out of its release set \`status: withdrawn\` in it`;
  const rule = was.some((r) => r.rule === 'RID-1') ? 'RID-1' : 'COM-5';
  return { rule, severity: 'error', message, file: e.file, path: [], ...tag(e.kind, id) };
}

function recordsOf(kind: EarlierFile['kind'], data: unknown): Recorded[] {
  const notices = field(data, 'notices');
  if (kind === 'modification') {
    const approval = field(notices, 'approval');
    const out = typeof approval === 'string' ? [notice('approval', 'the approval notice', approval)] : [];
    // The notice of each Authority revision of the date (IMP-6), known by the revision's date and where it moved the modification.
    items(field(field(data, 'implementation'), 'revisions')).forEach((r, index) => {
      const [notified, date, to] = [field(r, 'notified'), field(r, 'date'), field(r, 'to')];
      if (typeof notified !== 'string') return;
      const name = `the notice of the Authority's revision of ${typeof date === 'string' ? day(date) : 'its date'}${typeof to === 'string' ? ` (to ${to})` : ''}`;
      out.push({
        key: `revision ${String(date)} ${String(to)}`,
        name,
        detail: `issued on ${day(notified)}`,
        path: ['implementation', 'revisions', index, 'notified'],
        rule: 'COM-5',
      });
    });
    return out;
  }
  const out: Recorded[] = [];
  for (const [key, name] of RELEASE_NOTICES) {
    const issued = field(notices, key);
    if (typeof issued === 'string') out.push(notice(key, `the ${name} notice`, issued));
  }
  const rid = field(data, 'rid');
  for (const b of items(field(rid, 'baselines'))) {
    const version = field(b, 'version');
    if (typeof version !== 'string') continue;
    const [date, covers, scope] = [field(b, 'date'), field(b, 'covers'), field(b, 'scope')];
    const on = typeof date === 'string' ? ` on ${day(date)}` : '';
    const part = covers === 'systems' ? 'the systems scope' : 'the whole scope';
    const listed = Array.isArray(scope) ? ` (${scope.length > 0 ? scope.map(String).join(', ') : 'none'})` : '';
    out.push({
      key: `baseline ${version}`,
      name: `the Panel's baseline of RID ${version}`,
      detail: `made${on}, covering ${part}${listed}`,
      path: ['rid', 'baselines'],
      rule: 'RID-1',
    });
  }
  for (const h of items(field(rid, 'history'))) {
    const version = field(h, 'version');
    if (typeof version === 'string')
      out.push({ key: `history ${version}`, name: `the history entry of RID ${version}`, detail: '', path: ['rid', 'history'], rule: 'RID-1' });
  }
  return out;
}

function notice(key: string, name: string, issued: string): Recorded {
  return { key: `notices.${key}`, name, detail: `issued on ${day(issued)}`, path: ['notices', key], rule: 'COM-5' };
}

function said(r: Recorded): string {
  return r.detail ? `${r.name}, ${r.detail}` : r.name;
}

function recordWhy(r: Recorded): string {
  if (r.rule === 'COM-5') return 'an issued notice is a record, rendered as it stood that day (COM-5)';
  return r.key.startsWith('history ')
    ? "the RID's version history is its record: every version keeps its entry (RID-1)"
    : "the Panel's baselines are the RID's record (RID-1), and RID-2 compares the scope with them";
}

/** The deepest part of `path` the data still has (the finding points there). */
function existingPath(data: unknown, path: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let at = data;
  for (const seg of path) {
    at = field(at, String(seg));
    if (at === undefined) break;
    out.push(seg);
  }
  return out;
}

function tag(kind: EarlierFile['kind'], id: string): { release?: string; modification?: string } {
  return kind === 'release' ? { release: id } : { modification: id };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function idOf(data: unknown): string | undefined {
  const id = field(data, 'id');
  return typeof id === 'string' ? id : undefined;
}

function day(date: string): string {
  return isValidIsoDate(date) ? formatLong(date) : date;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
