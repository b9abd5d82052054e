// Generates the README's file-format reference from schemas/*.schema.json, so the documentation never drifts
// from what `secrel validate` enforces. `npm run docs` rewrites the section; test/docs/reference.test.ts fails
// when the README's copy differs from what this would write now.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BEGIN = '<!-- BEGIN GENERATED FILE FORMAT -->';
export const END = '<!-- END GENERATED FILE FORMAT -->';

// Where each kind of file lives in a release repository (the schemas describe contents, not places).
const FILES = {
  modification: 'modifications/<ID>.yaml',
  release: 'releases/<ID>.yaml',
  'change-request': 'change-requests/<ID>.yaml',
  config: 'secrel.config.yaml',
};
const ORDER = ['modification', 'release', 'change-request', 'config'];

const para = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const cell = (text) => para(text).replace(/\|/g, '\\|');
const code = (value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const words = (name) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function refName(ref) {
  const match = /^#\/definitions\/(.+)$/.exec(ref);
  if (!match) throw new Error(`only local $refs into definitions are supported, not ${ref}`);
  return match[1];
}

/** A property's schema with a `$ref` followed; the property's own description wins over the definition's. */
function deref(node, defs) {
  if (!node.$ref) return node;
  const def = defs[refName(node.$ref)];
  if (!def) throw new Error(`unknown definition ${node.$ref}`);
  return { ...def, ...node, $ref: undefined, description: node.description ?? def.description };
}

const hasProperties = (node) => node && typeof node === 'object' && node.properties && typeof node.properties === 'object';

/** The type column: enums spelt out, definitions linked to the value types, lists and maps named. */
function typeOf(node, defs) {
  if (node.$ref) {
    const def = defs[refName(node.$ref)];
    return def.enum ? def.enum.map(code).join(' \\| ') : `[${words(refName(node.$ref))}](#value-types)`;
  }
  if (node.enum) return node.enum.map(code).join(' \\| ');
  if (node.const !== undefined) return code(node.const);
  if (node.anyOf) return [...new Set(node.anyOf.map((n) => typeOf(n, defs)))].join(' or ');
  if (Array.isArray(node.type)) return node.type.map((t) => typeOf({ ...node, type: t }, defs)).join(' or ');
  switch (node.type) {
    case 'array':
      return node.items ? `list of ${plural(typeOf(node.items, defs))}` : 'list';
    case 'object':
      if (hasProperties(node)) return 'object';
      if (node.additionalProperties && typeof node.additionalProperties === 'object')
        return `map of names to ${plural(typeOf(node.additionalProperties, defs))}`;
      return 'object';
    case 'string':
      return 'text';
    case 'integer':
      return node.minimum !== undefined && node.maximum !== undefined ? `integer ${node.minimum}–${node.maximum}` : 'integer';
    case 'null':
      return '`null`';
    default:
      return node.type ?? 'any';
  }
}

function plural(type) {
  if (type === 'object') return 'objects';
  if (type === 'text') return 'texts';
  return type;
}

/**
 * Every object a schema describes, depth first, each as {path, description, rows}. Follows `$ref`s,
 * array items and map values; walks `properties` only, so the stub `{date: true}` entries inside
 * `if`/`then`/`not` (which add conditions, not fields) never appear.
 */
function objects(node, path, defs, description, out = []) {
  const rows = [];
  const nested = [];
  const required = new Set(node.required ?? []);
  for (const [key, raw] of Object.entries(node.properties)) {
    if (raw === true || raw === false) continue;
    const prop = deref(raw, defs);
    const full = path ? `${path}.${key}` : key;
    rows.push({ field: full, type: typeOf(raw, defs), required: required.has(key), description: prop.description });
    if (hasProperties(prop)) nested.push([prop, full, prop.description]);
    const items = prop.type === 'array' && prop.items ? deref(prop.items, defs) : undefined;
    if (hasProperties(items)) nested.push([items, `${full}[]`, items.description]);
    const values = prop.type === 'object' && typeof prop.additionalProperties === 'object' ? deref(prop.additionalProperties, defs) : undefined;
    const valueItems = values?.type === 'array' && values.items ? deref(values.items, defs) : undefined;
    if (hasProperties(values)) nested.push([values, `${full}.<name>`, values.description]);
    if (hasProperties(valueItems)) nested.push([valueItems, `${full}.<name>[]`, valueItems.description]);
  }
  out.push({ path, description, rows });
  for (const [child, childPath, childDescription] of nested) objects(child, childPath, defs, childDescription, out);
  return out;
}

function table(rows) {
  const lines = ['| field | type | required | description |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| \`${r.field}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${cell(r.description)} |`);
  return lines.join('\n');
}

export function loadSchemas(schemasDir) {
  const out = {};
  for (const file of readdirSync(schemasDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    out[file.replace(/\.schema\.json$/, '')] = JSON.parse(readFileSync(join(schemasDir, file), 'utf8'));
  }
  return out;
}

/** The Markdown that goes between the markers (markers excluded), from the schemas in `schemasDir`. */
export function generateReference(schemasDir) {
  const schemas = loadSchemas(schemasDir);
  const names = [...ORDER.filter((n) => schemas[n]), ...Object.keys(schemas).filter((n) => !ORDER.includes(n))];
  const parts = ['<!-- Generated by `npm run docs` (scripts/gen-reference.mjs) from schemas/*.schema.json: edit the descriptions there, not here. -->'];
  const valueTypes = new Map();
  for (const name of names) {
    const schema = schemas[name];
    const defs = schema.definitions ?? {};
    for (const [defName, def] of Object.entries(defs)) if (!def.enum && !valueTypes.has(defName)) valueTypes.set(defName, def);
    parts.push(`### ${schema.title}: \`${FILES[name] ?? `${name} files`}\``, para(schema.description));
    for (const obj of objects(schema, '', defs, undefined)) {
      if (obj.path) {
        parts.push(`#### \`${obj.path}\``);
        if (obj.description) parts.push(para(obj.description));
      }
      parts.push(table(obj.rows));
    }
  }
  parts.push('### Value types', 'The types the tables above link to.');
  const rows = ['| type | written as | description |', '| --- | --- | --- |'];
  for (const [defName, def] of valueTypes) rows.push(`| ${words(defName)} | ${typeOf({ ...def, description: undefined }, {})} | ${cell(def.description)} |`);
  parts.push(rows.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** `readme` with the generated section replaced; throws when the markers are missing. */
export function replaceSection(readme, body) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${BEGIN} and ${END}, in that order`);
  return `${readme.slice(0, start + BEGIN.length)}\n${body}${readme.slice(end)}`;
}

/** The README's current section (between the markers), for the drift test. */
export function currentSection(readme) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + BEGIN.length + 1, end);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = replaceSection(readme, generateReference(join(root, 'schemas')));
  if (next === readme) console.log('README.md: the file format reference is up to date');
  else {
    writeFileSync(readmePath, next);
    console.log('README.md: wrote the file format reference from schemas/*.schema.json');
  }
}
