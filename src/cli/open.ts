// Opens the user's repository for a command: find it, read it from the chosen source, check references.
import { referenceFindings } from '../domain/references.js';
import { timelineFindings } from '../domain/timeline-refs.js';
import { findRepository } from '../repo/discover.js';
import { loadRepository, type Repository } from '../repo/load.js';
import { indexSource, revisionSource, workTreeSource } from '../repo/source.js';
import type { Context } from './context.js';

export interface OpenOptions {
  /** Read the git index instead of the work tree. */
  staged?: boolean;
  /** Read a verified commit instead of the work tree. */
  commit?: string;
}

export async function openRepository(ctx: Context, opts: OpenOptions = {}): Promise<Repository> {
  const root = await findRepository(ctx.io.cwd, ctx.repoOption);
  const source = opts.staged ? await indexSource(root) : opts.commit ? await revisionSource(root, opts.commit) : workTreeSource(root);
  const repo = await loadRepository(root, source, { cache: ctx.cache });
  repo.findings.push(...referenceFindings(repo), ...timelineFindings(repo));
  return repo;
}
