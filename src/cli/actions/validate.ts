// Runs `secrel validate`: load the repository, report the findings for the files asked about.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../../domain/findings.js';
import type { EarlierFile, Revisions } from '../../domain/kept-records.js';
import { validateChecks } from '../../domain/validate-checks.js';
import { CONFIG_FILE, findRepository } from '../../repo/discover.js';
import { headVersions, type HeadVersion } from '../../repo/head-versions.js';
import { UsageError } from '../../repo/errors.js';
import { YAML_FILE } from '../../domain/repository.js';
import type { Repository } from '../../repo/load.js';
import type { ValidateOptions } from '../commands/validate.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { printFindings } from '../print.js';
import { noteBrokenConfig } from '../config-broken.js';

export async function action(ctx: Context, { files, staged }: ValidateOptions): Promise<number> {
  // In the hook, what HEAD recorded about the files the commit changes, read alongside the index.
  const root = staged ? await findRepository(ctx.io.cwd, ctx.repoOption) : undefined;
  const [repo, atHead] = await Promise.all([openRepository(ctx, { staged: staged === true, validate: true }), root ? headVersions(root) : []]);
  // From the loaded data alone (and HEAD's copies under --staged): no git history, so the hook stays instant.
  const checks = validateChecks(repo, { today: ctx.today, asOf: ctx.asOf, earlier: earlierFiles(repo, atHead), revisions: againstHead(repo.sourceLabel) });
  // RID-2 in the index: the bump may be made in the work tree already, and not yet staged.
  const staging = new Map(staged ? checks.rid.map((c) => [c.finding, notYetStaged(c.finding)]) : []);
  const all: Finding[] = [...repo.findings, ...checks.findings.map((f) => staging.get(f) ?? f)];
  let findings = all;
  let checked = repo.files.length;
  if (files.length > 0) {
    const wanted = await wantedFiles(ctx, repo, files, staged === true);
    // A RID-2 finding sits in the release file but is also about the modification that moved.
    const related = new Map(checks.rid.map((c) => [staging.get(c.finding) ?? c.finding, c.files]));
    findings = findings.filter((f) => wanted.has(f.file) || related.get(f)?.some((p) => wanted.has(p)));
    checked = wanted.size;
  }
  const exit = await printFindings(ctx, repo, findings, { checked });
  noteBrokenConfig(ctx, all);
  return exit;
}

/** HEAD's copies of the release and modification files the commit changes, whose records (COM-5, RID-1) the index must keep. */
function earlierFiles(repo: Repository, atHead: readonly HeadVersion[]): EarlierFile[] {
  const { modifications, releases } = repo.config.paths;
  const kindOf = (path: string) => {
    const dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0));
    return dir === releases ? 'release' : dir === modifications ? 'modification' : undefined;
  };
  return atHead.flatMap((h): EarlierFile[] => {
    const kind = kindOf(h.path);
    return kind ? [{ file: h.path, kind, data: h.data, deleted: h.deleted, ...(h.added ? { added: true } : {}) }] : [];
  });
}

function againstHead(later: string): Revisions {
  return {
    later,
    earlier: 'HEAD',
    restore: (file) => `git restore --staged --worktree ${file}`,
    override: 'say so in the commit message and commit with --no-verify',
  };
}

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
    const kinds = `secrel files are the .yaml and .yml files directly in ${p.modifications}/, ${p.releases}/ and ${p.changeRequests}/, and secrel.config.yaml`;
    const why = rel.startsWith('..')
      ? 'it is outside the repository'
      : staged && kind === 'file' && isSecrelPath(rel, p)
        ? `it is not in ${repo.sourceLabel} (\`git add\` it first, or drop --staged to validate the work tree)`
        : kind === 'folder'
          ? `it holds no secrel file (${kinds})`
          : inSubfolder(rel, p)
            ? `it is in a subfolder, and secrel reads only the files directly in ${inSubfolder(rel, p)}/`
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

/** The folder secrel reads that a YAML file at `rel` is below, in a subfolder of it, or undefined. */
function inSubfolder(rel: string, paths: Repository['config']['paths']): string | undefined {
  if (!YAML_FILE.test(rel)) return undefined;
  return [paths.modifications, paths.releases, paths.changeRequests].find((dir) => rel.startsWith(`${dir}/`) && rel.indexOf('/', dir.length + 1) > 0);
}

function kindOf(path: string): 'folder' | 'file' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}
