// Lookups in records keyed by what users write (a document name, an acceptance set, a criteria body).
// A plain object answers `constructor` or `toString` from its prototype; these never do.

/** The record's own value for `key`, never one inherited from Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `records`, merged left to right, with no prototype: any key a user writes is just a key. */
export function ownRecord<T>(...records: readonly (Readonly<Record<string, T>> | undefined)[]): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const r of records) {
    if (r) for (const key of Object.keys(r)) out[key] = r[key]!;
  }
  return out;
}
