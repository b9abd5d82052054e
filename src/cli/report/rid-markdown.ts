// `rid bump` as Markdown: a table of the releases whose RID version moves (from, to, why), then the
// releases whose version stands and those with no RID yet, one line each.
import type { RidOutcome } from '../rid-versions.js';
import { plural } from './findings.js';
import { cell, code, table } from './markdown.js';

export interface RidMarkdownOptions {
  dryRun: boolean;
  displayPath: (file: string) => string;
  /** The heading (default `secrel rid bump`, with ` --dry-run` on a dry run). */
  title?: string;
  level?: number;
  /** Releases with scope but no file (so no RID), and the folder their files go in. */
  unfiled?: readonly string[];
  releasesFolder?: string;
}

export function formatRidMarkdown(outcomes: readonly RidOutcome[], o: RidMarkdownOptions): string {
  const h = '#'.repeat(o.level ?? 2);
  const out = [`${h} ${o.title ?? `secrel rid bump${o.dryRun ? ' --dry-run' : ''}`}`, ''];
  if (outcomes.length === 0) return [...out, 'No release files.', ''].join('\n');
  const moving = outcomes.filter((x) => x.plan && x.plan.kind !== 'none' && x.plan.kind !== 'record');
  const standing = outcomes.filter((x) => x.plan && (x.plan.kind === 'none' || x.plan.kind === 'record'));
  const untracked = outcomes.filter((x) => !x.plan);
  const tracked = outcomes.length - untracked.length;
  const verb = o.dryRun ? 'would get' : 'got';
  const what =
    moving.length === 0
      ? `no release ${verb} a new RID version (${tracked} checked)`
      : `${moving.length} of ${plural(tracked, 'release')} ${verb} a new RID version`;
  out.push(`${o.dryRun ? 'Dry run, no file is changed. ' : ''}RID-1: ${what}.`, '');
  if (moving.length > 0) {
    const rows = moving.map(({ entity, plan }) => {
      const version =
        plan!.kind === 'first' ? `**${plan!.to}**, first draft` : plan!.from === plan!.to ? `${plan!.to} (raised by hand)` : `${plan!.from} → **${plan!.to}**`;
      return [code(entity.id), version, plan!.changes.map(cell).join('<br>'), code(o.displayPath(entity.file))];
    });
    out.push(table(['Release', 'RID', 'Why', 'File'], rows), '');
  }
  if (standing.length > 0) {
    const record = ` (${o.dryRun ? 'would record' : 'recorded'} what it was computed from in the release file)`;
    const list = standing.map(({ entity, plan }) => `${code(entity.id)} RID ${plan!.from}${plan!.kind === 'record' ? record : ''}`).join(', ');
    out.push(`Unchanged: ${list}.`, '');
  }
  if (untracked.length > 0)
    out.push(
      `${noRidLine(
        untracked.map((x) => x.entity.id),
        code,
      )}.`,
      '',
    );
  if ((o.unfiled ?? []).length > 0) out.push(`${noFileLine(o.unfiled!, code, o.releasesFolder ?? 'releases')}.`, '');
  return out.join('\n');
}

/** Release files with no RID yet: which, and the command that starts one (for the first of them). */
export function noRidLine(ids: readonly string[], show: (id: string) => string): string {
  const others = ids.length > 1 ? ', and so on for the others' : '';
  return `No RID yet: ${ids.map(show).join(', ')} (start one with \`secrel rid bump --release ${ids[0]}\`${others})`;
}

/** Releases with scope and no file, so no RID though one is due: what to do, in one line. */
export function noFileLine(ids: readonly string[], show: (id: string) => string, folder: string): string {
  const others = ids.length > 1 ? ', and so on for the others' : '';
  return `No release file yet, though a modification targets it, so no RID: ${ids.map(show).join(', ')} (create ${folder}/${ids[0]}.yaml, then \`secrel rid bump --release ${ids[0]}\`${others})`;
}
