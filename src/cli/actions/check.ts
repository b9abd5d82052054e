// Runs `secrel check`: load, reference and policy findings, grouped by release in text; exit 1 on any error.
import { atLeast, sortFindings, summarise, type Located } from '../../domain/findings.js';
import { findingsByRelease } from '../../domain/plan.js';
import { releaseFinder } from '../../domain/releases.js';
import { everyFinding } from '../../domain/every-finding.js';
import type { Repository } from '../../repo/load.js';
import type { CheckOptions } from '../commands/check.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { releaseOption } from '../release-option.js';
import { place, printFindings } from '../print.js';
import { summaryLine } from '../report/findings.js';
import { shortDate } from '../report/plan-text.js';

export async function action(ctx: Context, opts: CheckOptions): Promise<number> {
  const repo = await openRepository(ctx);
  const release = opts.release === undefined ? undefined : releaseOption(repo, opts.release);
  const all = await place(repo, everyFinding(repo, ctx.asOf));
  const groups = findingsByRelease(repo, all);
  const wanted = release ? groups.get(release.id) ?? [] : all;
  const findings = atLeast(wanted, opts.minSeverity);
  if (ctx.format !== 'text') {
    const about = release ? ` for ${release.id}` : '';
    return printFindings(ctx, repo, findings, { checked: repo.files.length, title: `secrel check${about}`, context: `as of ${ctx.asOf}` });
  }

  const c = ctx.chalk;
  const lines: string[] = [];
  const ordered = orderGroups(repo, release ? new Map([[release.id, findings]]) : regroup(groups, findings));
  for (const { title, list } of ordered) {
    if (lines.length > 0) lines.push('');
    lines.push(c.bold(title));
    for (const f of sortFindings(list)) {
      const path = ctx.displayPath(repo.root, f.file);
      const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
      lines.push(`  ${c.dim(`${path}:${f.line}:${f.column}`)} ${sev} ${c.bold(f.rule)}`);
      lines.push(`    ${f.message}`);
    }
  }
  const summary = summarise(findings);
  const scope = release ? ` for the ${release.name}` : '';
  const line = findings.length ? `${summaryLine(summary)}${scope}, as of ${ctx.asOf}` : `no problems found${scope} as of ${ctx.asOf}`;
  const colour = summary.errors ? c.red.bold : summary.warnings ? c.yellow.bold : c.green;
  ctx.io.stdout(`${lines.join('\n')}${lines.length ? '\n\n' : ''}${colour(line)}\n`);
  return summary.errors > 0 ? 1 : 0;
}

/** The filtered findings, in the groups `findingsByRelease` put them in. */
function regroup(groups: Map<string | undefined, Located[]>, kept: readonly Located[]): Map<string | undefined, Located[]> {
  const keep = new Set(kept);
  const out = new Map<string | undefined, Located[]>();
  for (const [id, list] of groups) {
    const left = list.filter((f) => keep.has(f));
    if (left.length > 0) out.set(id, left);
  }
  return out;
}

/** Releases by go-live date (unknown ids after them), then findings about no release. */
function orderGroups(repo: Repository, groups: Map<string | undefined, Located[]>): { title: string; list: Located[] }[] {
  const find = releaseFinder(repo);
  const titled = [...groups].map(([id, list]) => {
    const planned = id === undefined ? undefined : find(id);
    const title = id === undefined ? 'Not about one release'
      : planned ? `${planned.name} (${id}, ${shortDate(planned.date)})` : `Release ${id} (not in the calendar)`;
    return { key: id === undefined ? '~~' : planned ? planned.date : `~${id}`, title, list };
  });
  return titled.filter((g) => g.list.length > 0).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
