// `secrel report pr --format json`: the base, the scope changes, the RID versions, the new findings, the documents.
import { summarise } from '../../domain/findings.js';
import { findingJson } from './findings.js';
import type { PrReport } from './pr-markdown.js';

export function formatPrJson(r: PrReport): string {
  return `${JSON.stringify(
    {
      base: { revision: r.base, commit: r.commit },
      asOf: r.asOf,
      releases: r.releases,
      rid: r.rid.map((x) => ({ release: x.release, file: x.file, base: x.base ?? null, branch: x.branch ?? null, bump: x.bump ?? null, why: x.why })),
      findings: { new: r.added.map(findingJson), summary: summarise(r.added), resolved: r.resolved },
      documents: r.documents,
    },
    null,
    2,
  )}\n`;
}
