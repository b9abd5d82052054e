// Words for a RID history entry beyond its scope movements (status, dates, costs, what it waits on): the
// changes since a revision, `--since REF`; without it, since the commit that recorded the current version's
// `computedFrom`, so a bump on merge says what changed instead of "Amended the release details".
import { ridDetails } from '../domain/rid-details.js';
import { diffRepositories } from '../domain/scope-diff.js';
import { verifyRevision } from '../repo/git.js';
import { commitWriting } from '../repo/git-history.js';
import type { Repository } from '../repo/load.js';
import { revisionSource } from '../repo/source.js';
import type { Context } from './context.js';
import { read } from './open.js';

/** Per release, the changes since REF. */
export async function detailsSince(ctx: Context, repo: Repository, ref: string): Promise<Map<string, string[]>> {
  const commit = await verifyRevision(repo.root, ref);
  return detailsAt(ctx, repo, commit, ref);
}

/**
 * For each of `releases` (a version about to be written), the changes since the commit that wrote its recorded
 * `computedFrom.inputs`: one revision read per such commit. A release whose record no commit holds yet (it is
 * uncommitted, or the clone is shallow) gets none, and its entry says "Amended …" as before.
 */
export async function detailsSinceRecorded(ctx: Context, repo: Repository, releases: readonly string[]): Promise<Map<string, string[]>> {
  const byCommit = new Map<string, string[]>();
  for (const id of releases) {
    const entity = repo.releases.find((r) => r.id === id);
    const inputs = entity?.data.rid?.computedFrom?.inputs;
    if (!entity || !inputs) continue;
    const commit = await commitWriting(repo.root, inputs, entity.file);
    if (commit) byCommit.set(commit, [...(byCommit.get(commit) ?? []), id]);
  }
  const out = new Map<string, string[]>();
  for (const [commit, ids] of byCommit) {
    const details = await detailsAt(ctx, repo, commit, commit.slice(0, 7));
    for (const id of ids) if (details.has(id)) out.set(id, details.get(id)!);
  }
  return out;
}

async function detailsAt(ctx: Context, repo: Repository, commit: string, label: string): Promise<Map<string, string[]>> {
  return ridDetails(diffRepositories(await read(ctx, repo.root, await revisionSource(repo.root, commit, label)), repo));
}
