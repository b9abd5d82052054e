// The RID's impacts section as data: the participant and SEC document impact matrices, the summaries
// per Party Category and DCC area, and other Code impacts, all from the modifications in scope.
import { statesImpact } from '../domain/impact.js';
import type { DccArea, Modification, PartyCategory } from '../domain/model.js';
import { ownValue } from '../domain/records.js';
import type { ScopeEntry } from '../domain/scope.js';
import { cmp, orderScope } from './rid-scope.js';

export interface Matrix {
  columns: string[];
  rows: { label: string; cells: boolean[] }[];
}

export interface ImpactList {
  name: string;
  impacts: { id: string; text: string }[];
}

export interface ImpactsView {
  participantMatrix: Matrix;
  parties: ImpactList[];
  dcc: ImpactList[];
  documents: { name: string; title: string | null; modifications: string[] }[];
  documentMatrix: Matrix;
  otherCodes: { code: string; modifications: string[] }[];
  /** Modifications whose file does not say whether other Codes are impacted. */
  otherCodesUnrecorded: string[];
  modificationCount: number;
}

/** The DCC areas in the order the June 2020 RID lists them, with its names. */
export const DCC_AREAS: readonly { id: DccArea; name: string }[] = [
  { id: 'csp', name: 'Communications Service Providers' },
  { id: 'dsp', name: 'Data Service Provider' },
  { id: 'governance', name: 'Governance' },
  { id: 'operations', name: 'Operations' },
  { id: 'security', name: 'Security' },
  { id: 'other', name: 'Other' },
];

export function impactsView(
  entries: readonly ScopeEntry[],
  categories: readonly { id: string; name: string }[],
  documentTitles: Readonly<Record<string, string>>,
): ImpactsView {
  const mods = uniqueModifications(entries);
  const parties = (m: Modification) => (m.impacts?.parties ?? {}) as Partial<Record<string, string>>;
  const dcc = (m: Modification) => (m.impacts?.dcc ?? {}) as Partial<Record<string, string>>;
  // "None expected" says there is no impact: it ticks nothing and lists nothing (statesImpact).
  const present = statesImpact;

  const participantMatrix: Matrix = {
    columns: [...categories.map((c) => c.name), 'DCC'],
    rows: mods.map((m) => ({
      label: m.id,
      cells: [...categories.map((c) => present(parties(m)[c.id])), Object.values(dcc(m)).some(present)],
    })),
  };
  const list = (name: string, text: (m: Modification) => string | undefined): ImpactList => ({
    name,
    impacts: mods.flatMap((m) => {
      const t = text(m);
      return present(t) ? [{ id: m.id, text: t }] : [];
    }),
  });
  const partyLists = categories.map((c) => list(c.name, (m) => parties(m)[c.id as PartyCategory]));
  const dccLists = DCC_AREAS.map((a) => list(a.name, (m) => dcc(m)[a.id]));

  const documentNames = [...new Set(mods.flatMap((m) => m.documents ?? []))].sort(compareDocuments);
  const documents = documentNames.map((name) => ({
    name,
    title: ownValue(documentTitles, name) ?? null,
    modifications: mods.filter((m) => (m.documents ?? []).includes(name)).map((m) => m.id),
  }));

  const codes = [...new Set(mods.flatMap((m) => m.impacts?.otherCodes ?? []))].sort(cmp);
  return {
    participantMatrix,
    parties: partyLists.filter((l) => l.impacts.length > 0),
    dcc: dccLists.filter((l) => l.impacts.length > 0),
    documents,
    documentMatrix: {
      columns: mods.map((m) => m.id),
      rows: documents.map((d) => ({ label: d.name, cells: mods.map((m) => d.modifications.includes(m.id)) })),
    },
    otherCodes: codes.map((code) => ({ code, modifications: mods.filter((m) => (m.impacts?.otherCodes ?? []).includes(code)).map((m) => m.id) })),
    otherCodesUnrecorded: mods.filter((m) => m.impacts?.otherCodes === undefined).map((m) => m.id),
    modificationCount: mods.length,
  };
}

/** Each modification once (two parts in one release are one row), in scope order. */
export function uniqueModifications(entries: readonly ScopeEntry[]): Modification[] {
  const seen = new Set<string>();
  const out: Modification[] = [];
  for (const e of orderScope(entries)) {
    if (seen.has(e.modification.id)) continue;
    seen.add(e.modification.id);
    out.push(e.modification.data);
  }
  return out;
}

// Sections before Appendices, then by letter code: A, C … L, then E, AB, AH (shorter codes first).
function compareDocuments(a: string, b: string): number {
  const key = (name: string): [number, number, string] => {
    const match = /^(Section|Appendix)\s+([A-Z]+)\b/.exec(name);
    if (!match) return [2, 0, name];
    return [match[1] === 'Section' ? 0 : 1, match[2]!.length, match[2]!];
  };
  const [ka, kb] = [key(a), key(b)];
  return ka[0] - kb[0] || ka[1] - kb[1] || cmp(ka[2], kb[2]) || cmp(a, b);
}
