// The Modifications Register as data to download (register.csv, register.json beside register.html): the
// same rows as the page, in the same order, as the same bytes for the same data.
import { textParts, type TextParts } from './engine.js';
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

const HEADER = (code: string) => ['Modification', 'Title', 'Status', 'Release', 'Implementation date', 'Governance', 'System impact', `${code} website`];

/**
 * The UTF-8 byte-order mark the file starts with: without it Excel reads a CSV in the machine's legacy
 * code page, and "Ynys Môn", "Dŵr Cymru" or «» come out garbled; with it every spreadsheet reads UTF-8.
 */
const CSV_BOM = '\uFEFF';

/** `code`: the code's short name, for the column of links to its own website ("SEC website"). */
export function registerCsv(rows: readonly RegisterRow[], code = 'SEC'): string {
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
  return CSV_BOM + [HEADER(code), ...lines].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}

/** One modification as register.json has it. */
function jsonRow(r: RegisterRow) {
  return {
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
  };
}

/**
 * register.json: the bytes `JSON.stringify(register, null, 2)` gives, made a row at a time in parts of
 * `size` rows as they are written, so that neither every row's object nor the whole text is ever built.
 */
export function registerJson(rows: readonly RegisterRow[], size = 500): TextParts {
  const note = `The Modifications Register: ${rows.length} modifications, by ID. ${NONE} means the repository does not say.`;
  const head = JSON.stringify({ generator: 'secrel', note, modifications: [] }, null, 2).replace(/\[\]\n\}$/, '');
  return textParts(function* () {
    if (rows.length === 0) return yield `${head}[]\n}\n`;
    yield `${head}[`;
    for (let i = 0; i < rows.length; i += size) {
      const items = rows.slice(i, i + size).map((r) => `\n    ${JSON.stringify(jsonRow(r), null, 2).replace(/\n/g, '\n    ')}`);
      yield (i === 0 ? '' : ',') + items.join(',');
    }
    yield '\n  ]\n}\n';
  });
}
