// SARIF 2.1.0 for code-scanning tools: one run, secrel's rules with their wording, each finding with its
// location and level. Paths are relative (as the other reporters print them), so the log is the same
// bytes on every machine; `%SRCROOT%` tells the consumer they start at the checkout.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { sortFindings, type Located, type Severity } from '../../domain/findings.js';
import { RULES } from '../../domain/rules/index.js';

/** The findings that are not policy rules, with what they check. */
const LOAD_RULES: readonly { id: string; title: string }[] = [
  { id: 'YAML', title: 'each file is well-formed YAML' },
  { id: 'SCHEMA', title: "each file matches its JSON Schema (secrel's schemas/)" },
  { id: 'REF', title: 'every reference names a release or modification that exists' },
];

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

function descriptor(rule: { id: string; title: string }, policy: boolean): ReportingDescriptor {
  const wording = rule.title.charAt(0).toUpperCase() + rule.title.slice(1);
  return {
    id: rule.id,
    shortDescription: { text: wording },
    fullDescription: { text: policy ? `${rule.id} (Release Management Policy): ${rule.title}.` : `${rule.id}: ${rule.title}.` },
    help: {
      text: policy
        ? `${wording}. Each finding's message says what the Policy requires here and what to record or change; run \`secrel check\` to see every rule's findings by release.`
        : `${wording}. Each finding's message names the key or reference and what is allowed; run \`secrel validate\` to check again.`,
    },
  };
}

/** `path` (`/`-separated, relative) as a relative URI reference: each segment percent-encoded. */
function uri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function formatFindingsSarif(findings: readonly Located[], o: { displayPath: (file: string) => string; version: string }): string {
  const rules = [...LOAD_RULES.map((r) => descriptor(r, false)), ...RULES.map((r) => descriptor(r, true))];
  const known = new Set(rules.map((r) => r.id));
  // A finding of a rule the list does not know (a future rule, `secrel render`'s stale files) still gets a descriptor.
  for (const f of sortFindings(findings)) {
    if (!known.has(f.rule)) {
      known.add(f.rule);
      rules.push({ id: f.rule, shortDescription: { text: f.rule } });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = sortFindings(findings).map((f): Result => {
    const result: Result = {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(o.displayPath(f.file)), uriBaseId: '%SRCROOT%' },
            ...(f.line > 0 ? { region: { startLine: f.line, ...(f.column > 0 ? { startColumn: f.column } : {}) } } : {}),
          },
        },
      ],
    };
    const props: Record<string, string> = {};
    if (f.release !== undefined) props.release = f.release;
    if (f.modification !== undefined) props.modification = f.modification;
    if (Object.keys(props).length) result.properties = props;
    return result;
  });
  const log: Log = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'secrel', version: o.version, semanticVersion: o.version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
