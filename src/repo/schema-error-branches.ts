// Which of ajv's errors under a oneOf/anyOf to report: the branch the value came closest to, or, when every
// branch only lists values (an enum, true/false), one error listing all of them; and of a value in the wrong
// form, its pattern alone (not also its format).
import type { ErrorObject } from 'ajv';

const WRAPPERS = new Set(['oneOf', 'anyOf']);

/** The values a branch's one error allows, when it allows a list of them: an enum's, or a boolean's true and false. */
function valuesOf(errors: readonly ErrorObject[]): unknown[] | undefined {
  if (errors.length !== 1) return undefined;
  const [e] = errors as [ErrorObject];
  if (e.keyword === 'enum') return (e.params as { allowedValues: unknown[] }).allowedValues;
  if (e.keyword === 'type' && (e.params as { type: unknown }).type === 'boolean') return [true, false];
  return undefined;
}

/**
 * Replaces each failed oneOf/anyOf by the errors of its closest branch (the one with fewest errors). When
 * each branch is a list of values (`systemImpact`: dcc, user or none, or true or false), all of them are
 * listed in one enum error: the first branch alone named only some of what is allowed.
 */
export function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let result = errors.filter((e) => e.keyword !== 'if');
  const wrappers = result.filter((e) => WRAPPERS.has(e.keyword)).sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const w of wrappers) {
    const prefix = `${w.schemaPath}/`;
    const inside = result.filter((e) => e.schemaPath.startsWith(prefix));
    if (inside.length === 0) continue;
    const insideSet = new Set(inside);
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    const branches = [...byBranch.values()];
    const lists = branches.map(valuesOf);
    const sameValue = branches.every((b) => b[0]!.instancePath === w.instancePath);
    const best: ErrorObject[] =
      branches.length > 1 && sameValue && lists.every((l) => l !== undefined)
        ? [{ ...branches[0]![0]!, keyword: 'enum', params: { allowedValues: lists.flat() } }]
        : (branches.sort((a, b) => a.length - b.length)[0] ?? []);
    result = result.filter((e) => e !== w && !insideSet.has(e)).concat(best);
  }
  // A value not in a date's form (`20/05/2027`) fails its pattern and its format: the form is the one to name.
  const misformed = new Set(result.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  return result.filter((e) => !(e.keyword === 'format' && misformed.has(e.instancePath)));
}
