// Runs `secrel validate`: load the repository, report the findings for the files asked about.
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../../domain/findings.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { printFindings } from '../print.js';

export async function action(ctx: Context, args: Record<string, unknown>): Promise<number> {
  const repo = await openRepository(ctx, { staged: args.staged === true });
  const files = (args.files as string[] | undefined) ?? [];
  let findings: Finding[] = repo.findings;
  if (files.length > 0) {
    // Paths come from the user's shell (or pre-commit), relative to where they ran secrel.
    const wanted = new Set(files.map((f) => relative(repo.root, resolve(ctx.io.cwd, f)).split(sep).join('/')));
    findings = findings.filter((f) => wanted.has(f.file));
  }
  return printFindings(ctx, repo.root, findings, { checked: files.length || repo.files.length });
}
