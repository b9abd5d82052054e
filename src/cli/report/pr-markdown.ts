// `secrel report pr` as Markdown: one comment with a summary line, then the scope changes (as `diff`), the
// RID versions, the new findings (as every Markdown report lists findings) and the documents that change.
import { summarise, type Located } from '../../domain/findings.js';
import type { RidChange } from '../../domain/rid-changes.js';
import type { ReleaseDiff } from '../../domain/scope-change.js';
import type { OutputState } from '../../render/output.js';
import { formatDiffMarkdown } from './diff-markdown.js';
import { plural } from './findings.js';
import { cell, code, formatFindingsMarkdown, table } from './markdown.js';

export interface DocumentChange {
  /** The path inside the output folder. */
  path: string;
  change: 'new' | 'changed' | 'removed';
}

export interface PrReport {
  base: string;
  commit: string;
  asOf: string;
  releases: ReleaseDiff[];
  rid: RidChange[];
  /** Findings on the branch the base did not have, placed in the branch's files. */
  added: Located[];
  resolved: number;
  documents: {
    compared: boolean;
    reason?: string;
    changes: DocumentChange[];
    /** How many documents the branch renders. */
    total?: number;
    /** The committed output folder compared with the branch's rendering (absent when there is none). */
    output?: { dir: string; stale: { path: string; state: OutputState }[] };
  };
}

/** Lists longer than this are collapsed in <details>. */
const SHOWN = 10;

export function formatPrMarkdown(r: PrReport, o: { displayPath: (file: string) => string }): string {
  const against = `${code(r.base)} (${r.commit.slice(0, 7)})`;
  const changes = r.releases.reduce((n, d) => n + d.lines.length, 0);
  const s = summarise(r.added);
  const n = r.documents.changes.length;
  const docs = !r.documents.compared ? 'documents not compared' : n ? `${plural(n, 'document')} ${n === 1 ? 'changes' : 'change'}` : 'no document changes';
  const headline = [
    changes ? `${plural(changes, 'change')} to scope, status, dates or costs` : 'no change to scope, status, dates or costs',
    r.rid.length ? `${plural(r.rid.length, 'RID version')} to review` : 'no RID version changes',
    s.errors ? `❌ ${plural(s.errors, 'new error')}` : s.warnings ? `⚠️ ${plural(s.warnings, 'new warning')}` : 'no new errors or warnings',
    docs,
  ];
  const out = ['## secrel report pr', '', `Against ${against}, as of ${r.asOf}: ${headline.join(' · ')}.`, ''];
  out.push(formatDiffMarkdown(r.releases, { title: 'Scope, status, dates and costs', between: `${against} to this branch`, level: 3 }));
  out.push(...ridSection(r.rid, o.displayPath), '');
  const resolved = r.resolved ? { overview: `${plural(r.resolved, 'finding')} of the base ${r.resolved === 1 ? 'is' : 'are'} resolved on this branch.` } : {};
  out.push(
    formatFindingsMarkdown(r.added, {
      title: 'New findings',
      level: 3,
      displayPath: o.displayPath,
      empty: `None: this branch adds no finding that ${code(r.base)} did not have.`,
      ...resolved,
    }),
  );
  out.push(...documentSection(r.documents), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function ridSection(rows: readonly RidChange[], displayPath: (file: string) => string): string[] {
  const out = ['### RID versions (RID-1)', ''];
  if (rows.length === 0) return [...out, 'No RID version changes, and `secrel rid bump` would make none.'];
  const version = (v: string | undefined) => v ?? 'none';
  const body = rows.map((x) => [
    code(x.release),
    version(x.base),
    x.branch === x.base ? version(x.branch) : `**${version(x.branch)}**`,
    x.bump ? `**${x.bump}**` : 'no change',
    x.why.map(cell).join('<br>'),
    code(displayPath(x.file)),
  ]);
  out.push(table(['Release', 'At the base', 'This branch', 'After `secrel rid bump`', 'Why', 'File'], body));
  if (rows.some((x) => x.bump))
    out.push(
      '',
      '`secrel rid bump` records the versions in the last column: on the branch (a change to a baselined scope needs it before merging, RID-2), or in the merge job.',
    );
  return out;
}

function documentSection(d: PrReport['documents']): string[] {
  const out = ['### Documents', ''];
  if (!d.compared) return [...out, `Not compared: ${cell(d.reason ?? '')}.`];
  if (d.changes.length === 0) out.push(`No rendered document changes (${plural(d.total ?? 0, 'document')} compared).`);
  else {
    out.push(
      `${d.changes.length} of ${plural(d.total ?? 0, 'rendered document')} change (rendered from the base and from this branch, with this branch's templates):`,
      '',
    );
    const body = table(
      ['Document', 'Change'],
      d.changes.map((c) => [code(c.path), c.change]),
    );
    out.push(...(d.changes.length > SHOWN ? ['<details><summary>The documents</summary>', '', body, '', '</details>'] : [body]));
  }
  if (d.output) {
    out.push('');
    if (d.output.stale.length === 0) out.push(`The documents committed in ${code(d.output.dir)} are up to date with this branch.`);
    else
      out.push(
        `${plural(d.output.stale.length, 'document')} in ${code(d.output.dir)} ${d.output.stale.length === 1 ? 'is' : 'are'} stale or missing on this branch (\`secrel render --check\`): run \`secrel render\` and commit the result.`,
      );
  }
  return out;
}
