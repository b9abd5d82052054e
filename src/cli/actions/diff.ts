// Runs `secrel diff`: the semantic diff of the repository at two revisions (or a revision and the work tree).
import type { ReleaseDiff } from '../../domain/scope-change.js';
import { diffRepositories } from '../../domain/scope-diff.js';
import { isCancellation } from '../../domain/scope-diff-words.js';
import { findRepository } from '../../repo/discover.js';
import { releaseTexts } from '../../repo/load.js';
import { verifyRevision } from '../../repo/git.js';
import { revisionSource, workTreeSource } from '../../repo/source.js';
import type { DiffOptions } from '../commands/diff.js';
import type { Context } from '../context.js';
import { read } from '../open.js';
import { warnUnreadable } from '../print.js';
import { formatDiffMarkdown } from '../report/diff-markdown.js';
import { cell, code } from '../report/markdown.js';

export async function action(ctx: Context, { from, to }: DiffOptions): Promise<number> {
  const root = await findRepository(ctx.io.cwd, ctx.repoOption);
  const fromCommit = await verifyRevision(root, from);
  const toCommit = to === undefined ? undefined : await verifyRevision(root, to);
  // Two whole models at once: each lets go of its texts (diff places no finding) before the next is read.
  const before = await read(ctx, root, await revisionSource(root, fromCommit, from));
  warnUnreadable(ctx, before);
  releaseTexts(before);
  const after = await read(ctx, root, toCommit ? await revisionSource(root, toCommit, to) : workTreeSource(root));
  warnUnreadable(ctx, after);
  releaseTexts(after);
  const releases = diffRepositories(before, after);
  if (ctx.format === 'json') {
    const side = (ref: string | undefined, commit: string | undefined) => ({ revision: ref ?? null, commit: commit ?? null });
    ctx.io.stdout(`${JSON.stringify({ from: side(from, fromCommit), to: side(to, toCommit), releases }, null, 2)}\n`);
  } else if (ctx.format === 'markdown') {
    const side = (ref: string, commit: string) => `${code(ref)} (${commit.slice(0, 7)})`;
    const between = `${side(from, fromCommit)} to ${to && toCommit ? side(to, toCommit) : 'the work tree'}`;
    ctx.io.stdout(formatDiffMarkdown(releases, { title: `secrel diff ${cell([from, to].filter(Boolean).join(' '))}`, between }));
  } else {
    ctx.io.stdout(formatText(ctx, releases, from, to));
  }
  return 0;
}

/** One self-contained line per change, so `grep` and a reader both find "2020-06: MP142 approved"; a cancellation in bold red. */
function formatText(ctx: Context, releases: readonly ReleaseDiff[], from: string, to: string | undefined): string {
  const lines = releases.flatMap((d) =>
    d.lines.map((l, i) => {
      const line = `${d.release ?? 'no release'}: ${l}`;
      return isCancellation(d.changes[i]!) ? ctx.chalk.red.bold(line) : line;
    }),
  );
  if (lines.length === 0) return `No scope, status, date, RID, notice or cost changes from ${from} to ${to ?? 'the work tree'}.\n`;
  return `${lines.join('\n')}\n`;
}
