// Turns ajv's schema errors into findings a person can act on, at the key or value of the field at fault.
import type { ErrorObject } from 'ajv';
import type { Finding, PathSegment } from '../domain/findings.js';
import { closest } from '../domain/text.js';
import { selectErrors } from './schema-error-branches.js';
import type { YamlFile } from './yaml-doc.js';

/** At most this many schema findings per file; the rest are counted in one more finding. */
export const MAX_FINDINGS_PER_FILE = 100;

export function schemaFindings(y: YamlFile, errors: readonly ErrorObject[], schema: unknown): Finding[] {
  const out = new Map<string, Finding>();
  const selected = selectErrors(errors);
  let rest = 0;
  for (const e of selected) {
    if (out.size >= MAX_FINDINGS_PER_FILE) {
      rest++;
      continue;
    }
    const f = toFinding(y, e, schema);
    out.set(`${JSON.stringify(f.path)}:${f.where ?? ''}:${f.message}`, f);
  }
  const findings = [...out.values()];
  if (rest > 0) {
    findings.push({
      rule: 'SCHEMA',
      severity: 'error',
      file: y.file,
      path: [],
      message: `and ${rest} more schema ${rest === 1 ? 'problem' : 'problems'} in this file: secrel shows the first ${MAX_FINDINGS_PER_FILE} of each file; fix those and run again`,
    });
  }
  return findings;
}

function toFinding(y: YamlFile, e: ErrorObject, schema: unknown): Finding {
  const path = pathSegments(e.instancePath, y.data);
  const field = fieldName(path);
  const base = { rule: 'SCHEMA', severity: 'error' as const, file: y.file };
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      // The mapping's schema found along the data's path first: inside a $ref'd definition ajv's schemaPath
      // starts again at `#/`, which would name the file's top-level keys.
      type Props = { properties?: object } | undefined;
      const allowed = Object.keys((schemaAt(schema, path) as Props)?.properties ?? (resolve(schema, parentOf(e.schemaPath)) as Props)?.properties ?? {});
      const guess = closest(key, allowed);
      // `{ changes: Baselined scope, as targeted in June }`: the comma ended the text, and the rest became a key.
      const cut = /\s/.test(key) && valueAt(y.data, [...path, key]) === null;
      const hint = cut
        ? '; it looks like the rest of a text cut at a comma: inside `{ … }` or `[ … ]` a comma ends the value, so put the whole text in quotes'
        : guess
          ? `; did you mean \`${guess}\`?`
          : allowed.length
            ? `; allowed here: ${allowed.join(', ')}`
            : '';
      return { ...base, path: [...path, key], where: 'key' as const, message: `unknown key \`${key}\`${field ? ` in \`${field}\`` : ''}${hint}` };
    }
    case 'required': {
      const prop = String(params.missingProperty);
      const desc = describeProperty(schema, e.schemaPath, prop);
      const where = field ? `\`${field}\`` : 'the file';
      return { ...base, path, where: 'key' as const, message: `${where} is missing the required key \`${prop}\`${desc ? ` (${desc})` : ''}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const got = valueAt(y.data, path);
      const guess = typeof got === 'string' ? closest(got, allowed) : undefined;
      return {
        ...base,
        path,
        message: `\`${field}\` is ${show(got)}, which is not one of: ${allowed.join(', ')}${guess ? `; did you mean \`${guess}\`?` : ''}`,
      };
    }
    case 'type': {
      const got = valueAt(y.data, path);
      // `.inf` and `.nan` are numbers to YAML and to JavaScript, but no amount: "not a number (null)" said nothing.
      if (typeof got === 'number' && !Number.isFinite(got)) {
        const written = Number.isNaN(got) ? "`.nan` (YAML's not-a-number)" : `infinity (\`${got < 0 ? '-' : ''}.inf\`, or a number too large to hold)`;
        return { ...base, path, message: `\`${field || 'the file'}\` must be a finite number, not ${written}; write it in digits` };
      }
      // `id: 0886` is the number 886 to YAML: a code whose ids are digits needs them quoted.
      const quote = params.type === 'string' && (typeof got === 'number' || typeof got === 'boolean') ? '; put it in quotes so YAML reads it as text' : '';
      // A list where one mapping belongs (`costs.secas` of a modification): say what goes in the mapping.
      const props = params.type === 'object' ? (schemaAt(schema, path) as { properties?: Record<string, unknown> } | undefined)?.properties : undefined;
      const keys = props && Object.keys(props).length > 0 ? ` (keys: ${Object.keys(props).join(', ')})` : '';
      return { ...base, path, message: `\`${field || 'the file'}\` must be ${article(String(params.type))}${keys}, not ${kindOf(got)}${quote}` };
    }
    case 'format': {
      const what =
        params.format === 'date'
          ? 'a real calendar date (YYYY-MM-DD)'
          : params.format === 'uri'
            ? 'a web address (https://…)'
            : `a valid ${String(params.format)}`;
      return { ...base, path, message: `\`${field}\` is ${show(valueAt(y.data, path))}, which is not ${what}` };
    }
    case 'pattern': {
      // The field's own schema, found along the data's path: an error inside a $ref'd definition has a
      // schemaPath relative to that definition, which would resolve to the wrong place.
      const def = (schemaAt(schema, path) ?? resolve(schema, parentOf(e.schemaPath))) as { description?: string; examples?: unknown[] } | undefined;
      const examples = def?.examples?.length
        ? `, e.g. ${def.examples
            .slice(0, 3)
            .map((x) => `\`${String(x)}\``)
            .join(' or ')}`
        : '';
      const hint = def?.description ? ` (${firstSentence(def.description)})` : '';
      return {
        ...base,
        path,
        message: `\`${field}\` is ${show(valueAt(y.data, path))}, which is not in the expected form${examples || ` /${String(params.pattern)}/`}${hint}`,
      };
    }
    case 'minimum':
    case 'maximum': {
      // Ajv says "must be >= 0": say what the value is and the bound in words.
      const limit = Number(params.limit).toLocaleString('en-GB');
      const bound = e.keyword === 'minimum' ? `at least ${limit}` : `at most ${limit}`;
      return { ...base, path, message: `\`${field}\` is ${show(valueAt(y.data, path))}, which is not allowed: it must be ${bound}` };
    }
    case 'oneOf':
    case 'anyOf':
      return { ...base, path, message: `\`${field}\` does not match any of the allowed forms` };
    default:
      return { ...base, path, message: `\`${field || 'the file'}\` ${e.message ?? 'is invalid'}` };
  }
}

function pathSegments(instancePath: string, data: unknown): PathSegment[] {
  if (!instancePath) return [];
  const out: PathSegment[] = [];
  let node: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(node) && /^\d+$/.test(seg);
    out.push(isIndex ? Number(seg) : seg);
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

export function fieldName(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const seg of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  return node;
}

function parentOf(schemaPath: string): string {
  return schemaPath.slice(0, schemaPath.lastIndexOf('/'));
}

/** Resolves a same-document JSON pointer such as `#/properties/implementation`. */
function resolve(schema: unknown, pointer: string): unknown {
  let node = schema;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    const ref = (node as { $ref?: string } | undefined)?.$ref;
    if (ref?.startsWith('#')) node = resolve(schema, ref);
  }
  return node;
}

/** The schema that describes the value at `path`, following properties, items and $refs. */
function schemaAt(schema: unknown, path: readonly PathSegment[]): unknown {
  const deref = (n: unknown): unknown => {
    const ref = (n as { $ref?: string } | undefined)?.$ref;
    return ref?.startsWith('#') ? resolve(schema, ref) : n;
  };
  let node = deref(schema);
  for (const seg of path) {
    const n = node as { properties?: Record<string, unknown>; items?: unknown; additionalProperties?: unknown } | undefined;
    node = deref(
      typeof seg === 'number'
        ? n?.items
        : n?.properties && Object.hasOwn(n.properties, seg)
          ? n.properties[seg]
          : typeof n?.additionalProperties === 'object'
            ? n.additionalProperties
            : undefined,
    );
    if (node === undefined) return undefined;
  }
  return node;
}

function describeProperty(schema: unknown, schemaPath: string, prop: string): string | undefined {
  const props = (resolve(schema, parentOf(schemaPath)) as { properties?: Record<string, unknown> } | undefined)?.properties;
  let p = props?.[prop] as { description?: string; $ref?: string } | undefined;
  if (p?.$ref && !p.description) p = resolve(schema, p.$ref) as typeof p;
  return p?.description ? firstSentence(p.description) : undefined;
}

/** The opening clause of a schema description: enough to say what is expected, short enough for one line. */
function firstSentence(text: string): string {
  const safe = text.replace(/\b(e\.g|i\.e|etc)\./g, (x) => x.replace(/\./g, '\u2024'));
  const m = /^(.*?)(\.(\s|$)|[;:](\s|$)|\s\()/.exec(safe);
  const clause = (m?.[1] ?? safe).trim().replace(/\u2024/g, '.');
  return clause.length > 120 ? `${clause.slice(0, 117)}...` : clause;
}

function show(v: unknown): string {
  return v === undefined ? 'missing' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${article(typeof v)} (${show(v)})`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'empty',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}
