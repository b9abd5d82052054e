// Runs `secrel validate`: load the repository, report the findings for the files asked about.
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../../domain/findings.js';
import { baselinedScopeChecks, ridRecordFindings } from '../../domain/rules/rid.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { printFindings } from '../print.js';

export async function action(ctx: Context, args: Record<string, unknown>): Promise<number> {
  const repo = await openRepository(ctx, { staged: args.staged === true });
  const files = (args.files as string[] | undefined) ?? [];
  // RID-1's record and RID-2 from the loaded data alone: no git history, so the pre-commit hook stays instant.
  const rid = baselinedScopeChecks(repo);
  let findings: Finding[] = [...repo.findings, ...ridRecordFindings(repo.releases), ...rid.map((c) => c.finding)];
  if (files.length > 0) {
    // Paths come from the user's shell (or pre-commit), relative to where they ran secrel.
    const wanted = new Set(files.map((f) => relative(repo.root, resolve(ctx.io.cwd, f)).split(sep).join('/')));
    // A RID-2 finding sits in the release file but is also about the modification that moved.
    const related = new Map(rid.map((c) => [c.finding, c.files]));
    findings = findings.filter((f) => wanted.has(f.file) || related.get(f)?.some((p) => wanted.has(p)));
  }
  return printFindings(ctx, repo, findings, { checked: files.length || repo.files.length });
}
