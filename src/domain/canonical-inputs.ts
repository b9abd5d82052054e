// A release's inputs (its file and the modifications in its scope) as one canonical string: what RID-1's
// `computedFrom.inputs` hash is made of, so that only a change of data, never of layout, is an amendment.
import type { Modification, Release } from './model.js';

/**
 * A release's inputs as one canonical string, hashed at the edge into `computedFrom.inputs`: the release
 * file without its `rid` block and the modifications in its scope (only their parts for this release),
 * with keys sorted, so re-formatting or re-ordering a file never counts as an amendment.
 */
export function canonicalInputs(release: Release, modifications: readonly Modification[]): string {
  const { rid: _rid, $schema: _schema, ...rest } = release;
  const mods = [...modifications]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ $schema: _s, ...m }) => (m.parts ? { ...m, parts: m.parts.filter((p) => p.release === release.id) } : m));
  return canonicalJson({ release: rest, modifications: mods });
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
