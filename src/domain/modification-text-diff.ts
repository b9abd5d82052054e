// What `secrel diff` says of a modification's words that its release's RID shows: its title, its summary
// (or a part's), its impacts on Parties, the DCC and other codes, and the documents it changes. Without these,
// a RID history entry for a reworded summary said only "Amended the release details …".
import type { Modification } from './model.js';
import type { Change, TextField } from './scope-change.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The text changes of one modification between two revisions, in a fixed order. */
export function textChanges(was: Modification, now: Modification): Change[] {
  const id = now.id;
  const out: Change[] = [];
  const push = (field: TextField, changed: boolean, to?: string) => {
    if (changed) out.push({ kind: 'text', modification: id, field, ...(to !== undefined ? { to } : {}) });
  };
  push('title', was.title !== now.title, now.title);
  // A part's summary reworded (a part added or dropped is a `parts` change of its own).
  const before = new Map((was.parts ?? []).map((p) => [p.part, p.summary]));
  const reworded = (now.parts ?? []).some((p) => before.has(p.part) && before.get(p.part) !== p.summary);
  push('summary', was.summary !== now.summary || reworded);
  push('impacts', !same(was.impacts, now.impacts));
  push('documents', !same(was.documents, now.documents));
  return out;
}
