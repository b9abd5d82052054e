// IMP-6 at commit time: an approved modification's implementation (its release or date, and for one
// delivered in parts which parts go in which release) is what its approval gave and its approval notice told
// Parties. Only the Authority revises it, recorded under `implementation.revisions`; a commit that moves it,
// or adds, moves or drops a part, with no new revision is stopped.
import type { Finding } from './findings.js';
import type { EarlierFile, Revisions } from './kept-records.js';
import type { Modification } from './model.js';
import { findingAt, type Entity } from './repository.js';
import { approvedWithoutNewRevision } from './status.js';
import { andList } from './text.js';

/** The first change the later revision makes to an approved implementation with no new Authority revision, as an IMP-6 error. */
export function unrevisedMove(e: EarlierFile, now: Entity<Modification>, revisions: Revisions): Finding | undefined {
  const then = e.data as Partial<Modification> | null;
  if (!then || !approvedWithoutNewRevision(then, now.data)) return undefined;
  const { earlier, later } = revisions;
  const unrevised = `with no new Authority revision: only the Authority revises an approved implementation date (IMP-6), and the approval notice gave this one`;
  const error = (path: (string | number)[], message: string) => findingAt(now, path, 'IMP-6', 'error', message, { modification: now.id });
  for (const field of ['release', 'date'] as const) {
    const [was, is] = [then.implementation?.[field], now.data.implementation?.[field]];
    if (typeof was !== 'string' || was === is) continue;
    return error(
      is === undefined ? ['implementation'] : ['implementation', field],
      `${earlier} records ${now.id} approved with implementation.${field} ${was}; ${later} ${is === undefined ? 'drops it' : `moves it to ${is}`} ${unrevised}. ` +
        `Record the revision under implementation.revisions ({date, from: ${was}, to: ${is ?? '…'}, reason}), or put ${field} back to ${was}`,
    );
  }
  const before = new Map((Array.isArray(then.parts) ? then.parts : []).map((p) => [p.part, p.release]));
  const parts = now.data.parts ?? [];
  const shape = before.size === 0 ? 'as a whole' : before.size === 1 ? 'in 1 part' : `in ${before.size} parts`;
  const put = (from: string, to: string) =>
    `Record the revision under implementation.revisions ({date, from: ${from}, to: ${to}, reason}), or put the parts back as ${earlier} has them`;
  for (const [i, p] of parts.entries()) {
    const was = before.get(p.part);
    if (was === p.release) continue;
    const what = was === undefined ? `adds part ${p.part} (in ${p.release})` : `moves part ${p.part} from ${was} to ${p.release}`;
    return error(['parts', i, 'release'], `${earlier} records ${now.id} approved ${shape}; ${later} ${what} ${unrevised}. ${put(was ?? '…', p.release)}`);
  }
  const dropped = [...before.keys()].filter((n) => !parts.some((p) => p.part === n));
  if (dropped.length > 0) {
    const which = andList(dropped.map((n) => `part ${n} (in ${before.get(n)})`));
    return error(
      parts.length ? ['parts'] : ['implementation'],
      `${earlier} records ${now.id} approved ${shape}; ${later} drops ${which} ${unrevised}. ${put(before.get(dropped[0]!)!, '…')}`,
    );
  }
  return undefined;
}
