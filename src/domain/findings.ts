// Findings: the one shape every problem secrel reports takes, from YAML syntax to policy breaches.
// A finding names the field it is about by its path in the file's data; where that field sits in the
// text (line and column) is worked out once, at the edge, after every rule has run (`src/repo/locate.ts`).

export type Severity = 'error' | 'warning' | 'info';

/** One step of a JSON path into a file's data: a key or a list index. */
export type PathSegment = string | number;

/** A source position, 1-based as printed. */
export interface Position {
  line: number;
  column: number;
}

export interface Finding {
  /** Rule ID from the SPEC (`SCP-2`), or `SCHEMA`, `YAML`, `REF`. */
  rule: string;
  severity: Severity;
  message: string;
  /** Path relative to the repository root, with `/` separators. */
  file: string;
  /** The field the finding is about, as a JSON path into the file's data; `[]` for the file itself. */
  path: PathSegment[];
  /** Point at the key of the last segment rather than its value (a list, a mapping, an absent field). */
  where?: 'key';
  release?: string;
  modification?: string;
}

/** A finding placed in its file's text, as reporters print it. */
export interface Located extends Finding, Position {}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingSummary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  const files = new Set<string>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    files.add(f.file);
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, files: files.size };
}

/**
 * Stable order: by file, then position (when located), then path, then rule, so output is the same bytes
 * every run.
 */
export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      lineOf(a) - lineOf(b) ||
      columnOf(a) - columnOf(b) ||
      cmp(pathKey(a), pathKey(b)) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

export function atLeast<F extends Finding>(findings: readonly F[], min: Severity): F[] {
  return findings.filter((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[min]);
}

/** Findings that mean a file was not read at all: its data is missing from whatever a command shows. */
export function notLoaded<F extends Finding>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.severity === 'error' && (f.rule === 'YAML' || f.rule === 'SCHEMA'));
}

/** What a finding says and about what, not where it sits in the text: rule, severity, file, field, message. */
export function findingIdentity(f: Finding): string {
  return [f.rule, f.severity, f.file, JSON.stringify(f.path), f.message].join('\u0000');
}

/**
 * The findings of `after` that `before` did not have (`added`, in `after`'s order) and those of `before`
 * that `after` no longer has (`resolved`), matched by `key` as a multiset: two alike where one was is one new.
 */
export function compareFindings<F extends Finding>(
  before: readonly F[],
  after: readonly F[],
  key: (f: F) => string = findingIdentity,
): { added: F[]; resolved: F[] } {
  const extra = (list: readonly F[], against: readonly F[]) => {
    const left = new Map<string, number>();
    for (const f of against) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
    return list.filter((f) => {
      const n = left.get(key(f)) ?? 0;
      left.set(key(f), n - 1);
      return n <= 0;
    });
  };
  return { added: extra(after, before), resolved: extra(before, after) };
}

function lineOf(f: Finding): number {
  return (f as Partial<Located>).line ?? 0;
}

function columnOf(f: Finding): number {
  return (f as Partial<Located>).column ?? 0;
}

function pathKey(f: Finding): string {
  return `${JSON.stringify(f.path)}${f.where ?? ''}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
