// Findings: the one shape every problem secrel reports takes, from YAML syntax to policy breaches.

export type Severity = 'error' | 'warning' | 'info';

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
  line: number;
  column: number;
  release?: string;
  modification?: string;
}

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

/** Stable order: by file, then position, then rule, so output is the same bytes every run. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

export function atLeast(findings: readonly Finding[], min: Severity): Finding[] {
  return findings.filter((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[min]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
