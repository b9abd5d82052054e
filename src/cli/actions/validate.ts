// Runs `secrel validate`: load the repository, report the findings for the files asked about.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../../domain/findings.js';
import { baselinedScopeChecks, ridRecordFindings } from '../../domain/rules/rid.js';
import { UsageError } from '../../repo/errors.js';
import { YAML_FILE } from '../../domain/repository.js';
import { CONFIG_FILE } from '../../repo/discover.js';
import type { Repository } from '../../repo/load.js';
import type { ValidateOptions } from '../commands/validate.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { printFindings } from '../print.js';
import { noteBrokenConfig } from '../config-broken.js';

export async function action(ctx: Context, { files, staged }: ValidateOptions): Promise<number> {
  const repo = await openRepository(ctx, { staged: staged === true });
  // RID-1's record and RID-2 from the loaded data alone: no git history, so the pre-commit hook stays instant.
  const rid = baselinedScopeChecks(repo).map((c) => (staged ? { ...c, finding: notYetStaged(c.finding) } : c));
  let findings: Finding[] = [...repo.findings, ...ridRecordFindings(repo.releases), ...rid.map((c) => c.finding)];
  let checked = repo.files.length;
  if (files.length > 0) {
    const wanted = await wantedFiles(ctx, repo, files, staged === true);
    // A RID-2 finding sits in the release file but is also about the modification that moved.
    const related = new Map(rid.map((c) => [c.finding, c.files]));
    findings = findings.filter((f) => wanted.has(f.file) || related.get(f)?.some((p) => wanted.has(p)));
    checked = wanted.size;
  }
  const exit = await printFindings(ctx, repo, findings, { checked });
  noteBrokenConfig(ctx, repo);
  return exit;
}

/** RID-2 in the index: the bump may be made in the work tree already, and not yet staged. */
function notYetStaged(f: Finding): Finding {
  return { ...f, message: `${f.message}; if you have run it, stage the release file too (\`git add ${f.file}\`)` };
}

/**
 * The repository files the named paths mean (a folder: the secrel files in it). Paths come from the user's
 * shell (or pre-commit), relative to where they ran secrel. A path that does not exist is a usage error
 * (exit 2): "all clear" about a file never read would be a lie; one that is not a secrel file is skipped, saying so.
 */
async function wantedFiles(ctx: Context, repo: Repository, paths: readonly string[], staged: boolean): Promise<Set<string>> {
  const loaded = repo.files.map((f) => f.file);
  const wanted = new Set<string>();
  for (const path of paths) {
    const rel = relative(repo.root, resolve(ctx.io.cwd, path)).split(sep).join('/');
    const inside = rel === '' ? loaded : loaded.filter((f) => f === rel || f.startsWith(`${rel}/`));
    if (inside.length > 0) {
      inside.forEach((f) => wanted.add(f));
      continue;
    }
    // Synchronous: importing node:fs/promises would load it (and readline) for every pre-commit run.
    const kind = kindOf(resolve(ctx.io.cwd, path));
    if (kind === undefined) {
      throw new UsageError(
        `${path} does not exist, so there is nothing to validate`,
        'check the path (it is relative to the current folder), or run `secrel validate` with no files for the whole repository',
      );
    }
    const { paths: p } = repo.config;
    const kinds = `secrel files are ${p.modifications}/*.yaml, ${p.releases}/*.yaml, ${p.changeRequests}/*.yaml and secrel.config.yaml`;
    const why = rel.startsWith('..')
      ? 'it is outside the repository'
      : staged && kind === 'file' && isSecrelPath(rel, p)
        ? `it is not in ${repo.sourceLabel} (\`git add\` it first, or drop --staged to validate the work tree)`
        : kind === 'folder'
          ? `it holds no secrel file (${kinds})`
          : `it is not a secrel file (${kinds})`;
    ctx.io.stderr(`secrel: skipped ${path}: ${why}\n`);
  }
  return wanted;
}

/** Whether a repository-relative path is where a secrel file would be (the config, or a YAML file in one of its folders). */
function isSecrelPath(rel: string, paths: Repository['config']['paths']): boolean {
  if (rel === CONFIG_FILE) return true;
  const slash = rel.lastIndexOf('/');
  const dir = rel.slice(0, Math.max(slash, 0));
  return YAML_FILE.test(rel) && [paths.modifications, paths.releases, paths.changeRequests].includes(dir);
}

function kindOf(path: string): 'folder' | 'file' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}
