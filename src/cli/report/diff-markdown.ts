// `secrel diff` as Markdown: the count of changes, then one section per release with a line per change,
// worded as the text report words them (describeChange).
import type { ReleaseDiff } from '../../domain/scope-change.js';
import { isCancellation } from '../../domain/scope-diff-words.js';
import { plural } from './findings.js';
import { cell, code } from './markdown.js';

export interface DiffMarkdownOptions {
  /** The heading, e.g. `secrel diff main`. */
  title: string;
  /** What is compared: `main` (abc1234) to the work tree. */
  between: string;
  level?: number;
}

export function formatDiffMarkdown(releases: readonly ReleaseDiff[], o: DiffMarkdownOptions): string {
  const h = '#'.repeat(o.level ?? 2);
  const out = [`${h} ${o.title}`, ''];
  const total = releases.reduce((n, d) => n + d.lines.length, 0);
  if (total === 0) return [...out, `No scope, status, date, RID, notice or cost changes from ${o.between}.`, ''].join('\n');
  const scheduled = releases.filter((d) => d.release !== undefined).length;
  out.push(
    `${plural(total, 'change')} from ${o.between}, in ${plural(scheduled, 'release')}${scheduled < releases.length ? ' and outside any release' : ''}.`,
    '',
  );
  for (const d of releases) {
    const heading = d.release === undefined ? 'In no release' : d.name ? `${cell(d.name)} (${code(d.release)})` : code(d.release);
    out.push(`${h}# ${heading}`, '', ...d.lines.map((l, i) => (isCancellation(d.changes[i]!) ? `- **${cell(l)}**` : `- ${cell(l)}`)), '');
  }
  return out.join('\n');
}
