// Runs `secrel check`: load, reference and policy findings, grouped by release in text; exit 1 on any error.
import { everyFinding } from '../../domain/every-finding.js';
import { atLeast, summarise } from '../../domain/findings.js';
import { findingsByRelease, releaseGroups } from '../../domain/release-groups.js';
import type { CheckOptions } from '../commands/check.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { place, printFindings } from '../print.js';
import { releaseOption } from '../release-option.js';
import { formatCheckText } from '../report/check-text.js';
import { noteBrokenConfig } from '../config-broken.js';

export async function action(ctx: Context, opts: CheckOptions): Promise<number> {
  const repo = await openRepository(ctx);
  const release = opts.release === undefined ? undefined : releaseOption(repo, opts.release);
  const all = await place(repo, everyFinding(repo, ctx.asOf));
  const findings = atLeast(release ? (findingsByRelease(repo, all).get(release.id) ?? []) : all, opts.minSeverity);
  if (ctx.format !== 'text') {
    const about = release ? ` for ${release.id}` : '';
    const exit = await printFindings(ctx, repo, findings, { checked: repo.files.length, title: `secrel check${about}`, context: `as of ${ctx.asOf}` });
    noteBrokenConfig(ctx, repo.findings);
    return exit;
  }
  const displayPath = (file: string) => ctx.displayPath(repo.root, file);
  ctx.io.stdout(formatCheckText(releaseGroups(repo, findings), { chalk: ctx.chalk, displayPath, asOf: ctx.asOf, ...(release ? { release } : {}) }));
  noteBrokenConfig(ctx, repo.findings);
  return summarise(findings).errors > 0 ? 1 : 0;
}
