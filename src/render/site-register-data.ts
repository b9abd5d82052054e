// The Modifications Register as data to download (register.csv, register.json beside register.html): the
// same rows as the page, in the same order, as the same bytes for the same data.
import type { RegisterRow } from './site-modifications.js';

const NONE = 'Not recorded';

/** A release and, for a part, which part: `June 2020 SEC Release (part 1)`. */
const releaseName = (r: RegisterRow['releases'][number]) => (r.part === null ? r.name : `${r.name} (part ${r.part})`);

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe, so opening the file runs nothing.
 */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = ['Modification', 'Title', 'Status', 'Release', 'Implementation date', 'Governance', 'System impact', 'SEC website'];

export function registerCsv(rows: readonly RegisterRow[]): string {
  const lines = rows.map((r) => [
    r.id,
    r.title,
    r.status.label,
    r.releases.map(releaseName).join('; '),
    r.implementation.map((i) => `${i.date}${i.approved ? '' : ' (targeted)'}`).join('; '),
    r.governance.label,
    r.impact.label,
    r.url ?? '',
  ]);
  return [HEADER, ...lines].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}

export function registerJson(rows: readonly RegisterRow[]): string {
  const modifications = rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status.key === 'none' ? null : r.status.key,
    statusLabel: r.status.label,
    releases: r.releases.map((x) => ({ id: x.id, name: x.name, part: x.part, goLive: x.date, role: x.role })),
    implementation: r.implementation.map((i) => ({ date: i.date, part: i.part, approved: i.approved })),
    governance: r.governance.key === 'none' ? null : r.governance.key,
    governanceLabel: r.governance.label,
    systemImpact: r.impact.key === 'none' ? null : r.impact.label,
    page: r.href,
    url: r.url,
  }));
  return `${JSON.stringify({ generator: 'secrel', note: `The Modifications Register: ${rows.length} modifications, by ID. ${NONE} means the repository does not say.`, modifications }, null, 2)}\n`;
}
