// What of a modification's data the checks `secrel validate` runs read, and the lean copy of it that the
// incremental cache keeps for them: at 10,000 modifications a third of the bytes to load (titles, summaries,
// impact texts, costs and links are for the documents and `check`). The checks are validateChecks'
// (validate-checks.ts); one added there that reads another field must add it here:
// test/domain/validate-reads.test.ts runs them on data that records every read and fails for a read this
// does not keep.

/** Keep the whole value (`true`), only an object's keys (`'keys'`: each value becomes null), or these fields. */
export type Reads = true | 'keys' | { readonly [field: string]: Reads };

export const VALIDATE_READS: { readonly [field: string]: Reads } = {
  id: true,
  status: true,
  governance: true,
  systemImpact: true,
  decision: true,
  implementation: true,
  parts: true,
  notices: true,
  dependsOn: true,
  // The Party Categories named (code-checks.ts): their texts are for the documents.
  impacts: { parties: 'keys' },
};

/** The part of a valid modification's data that validate's checks read (VALIDATE_READS). */
export function leanModification(data: unknown): unknown {
  return project(data, VALIDATE_READS);
}

function project(data: unknown, reads: Reads): unknown {
  if (reads === true || typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const from = data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (reads === 'keys') {
    // Defined, not assigned: a key named `__proto__` (YAML allows it; code-checks reports it) would set the
    // copy's prototype instead, and a warm validate would miss the finding.
    for (const key of Object.keys(from)) Object.defineProperty(out, key, { value: null, enumerable: true, writable: true, configurable: true });
    return out;
  }
  for (const [key, below] of Object.entries(reads)) if (Object.hasOwn(from, key)) out[key] = project(from[key], below);
  return out;
}
