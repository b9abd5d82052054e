// What the fuzzer does to a repository (scripts/fuzz-lib.mjs runs it): fast-check generators of mutations
// of its files, plain data so that a failing case shrinks to the smallest one and prints readably, and of
// random command lines.
import fc from 'fast-check';
import { isMap, isSeq, parseDocument } from 'yaml';

/** Values that mean something to secrel (ids, dates, offsets, versions), and values that should not. */
const NASTY = [
  '2021-02-29',
  '2020-13-01',
  '2020-06-25',
  '2019-10-11',
  '0000-01-01',
  '9999-12-31',
  '2020-06',
  '2020-11',
  '2021-02',
  '2022-07-mp200',
  'SECMP0062',
  'SECMP0062#1',
  'SECMP0062#9',
  'MP079',
  'DEMO001',
  'standard',
  'systems',
  'all',
  'system',
  'documentation',
  'approved',
  'targeted',
  'implemented',
  'withdrawn',
  'cancelled',
  'live',
  '12m',
  '20wd',
  '0m',
  '-10wd',
  '+3m',
  '5d',
  '1.0',
  '0.1',
  '2.0',
  '1.1',
  'go-live',
  'tad-to-tag',
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '{{constructor.constructor}}',
  '../../../etc/passwd',
  '/etc/passwd',
  '--output=/tmp/x',
  '',
  ' ',
  '\u0000',
  '\u202e',
  'x'.repeat(5000),
  '%',
  '::',
  'NaN',
  'Infinity',
];

const scalarArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e21, 2 ** 53 + 2, 0.1, -0.5) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A replacement value: a scalar, or a small list or mapping of them. */
export const valueArb = fc.oneof(
  { weight: 5, arbitrary: scalarArb },
  { weight: 1, arbitrary: fc.array(scalarArb, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('id', 'date', 'release', 'version', 'event', 'offset', 'from', '__proto__', 'constructor', 'x'), scalarArb, {
      maxKeys: 3,
    }),
  },
);

const pick = fc.nat({ max: 1_000_000 });

/** The hostile set (issue 14): control characters, bidi overrides, huge and odd numbers, deep nesting. */
const HOSTILE = [
  '\u001b[2J\u001b[31mred',
  '\u0007',
  '\u0000',
  '\u0085',
  '\u009b31m',
  '\u202eexe.txt',
  '\u2066x\u2069',
  'x\n::error file=a::owned',
  '\r::warning::x',
  1e20,
  1e308,
  -1e308,
  12.345,
  0.001,
  1e-7,
  '0x1F',
  '0o17',
  '.inf',
  '-.inf',
  '.nan',
  2 ** 63,
];
const hostileValueArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u007f', '\u0085', '\u202e', '\u2067', 'a', '\n'), maxLength: 8 }) },
);

/** One mutation of one file; `file` and `at` are indexes taken modulo what exists, so any value is valid. */
export const mutationArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-key'), file: pick, at: pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set-value'), file: pick, at: pick, value: valueArb }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('similar'), file: pick, at: pick, seed: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rename-key'),
      file: pick,
      at: pick,
      name: fc.constantFrom('__proto__', 'constructor', 'toString', 'x', 'id', 'release'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate'), file: pick, fraction: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bytes'),
      file: pick,
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('text'),
      file: pick,
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat({ max: 40 }),
      text: fc.constantFrom(
        '\t',
        ': ',
        '- ',
        '&a ',
        '*a',
        '!!binary ',
        '%YAML 1.1\n',
        '---\n',
        '{',
        ']',
        '"',
        "'",
        '#',
        '\r\n',
        '\uFEFF',
        'key: [1, 2\n',
        '<<: *a\n',
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('line'), file: pick, at: pick, op: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete-file', 'empty-file'), file: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hostile-value'), file: pick, at: pick, value: hostileValueArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hostile-key'), file: pick, at: pick, name: hostileValueArb.map(String) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep'), file: pick, depth: fc.constantFrom(50, 500, 5000), flow: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('copy-file'),
      file: pick,
      name: fc.constantFrom('2020-06', '2022-07', '2020-07-adhoc', 'SECMP0999', 'MP079', 'constructor', '__proto__'),
    }),
  },
);

/** One fuzz case: 1 to 4 mutations applied in order. */
export const caseArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

/** Every path to a key or list item in a parsed YAML document, depth first. */
function nodePaths(doc) {
  const out = [];
  const walk = (node, path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key && typeof pair.key === 'object' && 'value' in pair.key ? pair.key.value : pair.key;
        const p = [...path, key];
        out.push(p);
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = [...path, i];
        out.push(p);
        walk(item, p);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

/** Applies a structural edit when the text parses; otherwise leaves it (other kinds break text anyway). */
function editDoc(text, at, edit) {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return text;
  const paths = nodePaths(doc);
  if (paths.length === 0) return text;
  try {
    edit(doc, paths[at % paths.length]);
    return doc.toString({ lineWidth: 0 });
  } catch {
    return text; // the edit left the document unprintable (an alias without its anchor): no mutation
  }
}

/**
 * A value of the same kind as `value`, so the file most likely still passes the schema and the change
 * reaches the rules and the renderers: another date (edges of the supported years included), another
 * release id, version, amount, flag or text.
 */
export function similarValue(value, seed) {
  const n = (k) => Math.floor(seed / k) % 1000;
  const pad = (x, w) => String(x).padStart(w, '0');
  const year = [1900, 2999, 2019, 2020, 2021, 1999, 2100][seed % 7];
  const month = 1 + (n(7) % 12);
  const day = 1 + (n(84) % 31);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${year}-${pad(month, 2)}-${pad(Math.min(day, month === 2 ? 29 : 30), 2)}`;
  if (typeof value === 'string' && /^\d{4}-\d{2}(-[a-z0-9-]+)?$/.test(value)) return `${year}-${pad(month, 2)}${seed % 5 === 0 ? '-adhoc' : ''}`;
  if (typeof value === 'string' && /^\d+\.\d+$/.test(value)) return `${n(1) % 4}.${n(4) % 4}`;
  if (typeof value === 'string' && /^[+-]?\d+(wd|d|w|m)$/.test(value)) return `${seed % 2 ? '-' : '+'}${n(2) % 400}${['wd', 'd', 'w', 'm'][seed % 4]}`;
  if (typeof value === 'number') return [0, 1, n(1), n(1) * 1000, 999_999_999_999, 0.5][seed % 6];
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') return NASTY[seed % NASTY.length];
  return value;
}

/** Applies `mutations` to `files` (path → bytes), returning the new map. Pure and deterministic. */
export function applyMutations(files, mutations) {
  const out = new Map(files);
  for (const m of mutations) {
    const paths = [...out.keys()].sort();
    if (paths.length === 0) break;
    const path = paths[m.file % paths.length];
    const bytes = out.get(path);
    const text = Buffer.from(bytes).toString('utf8');
    const set = (t) => out.set(path, Buffer.from(t, 'utf8'));
    switch (m.kind) {
      case 'delete-key':
        set(editDoc(text, m.at, (doc, p) => doc.deleteIn(p)));
        break;
      case 'set-value':
        set(editDoc(text, m.at, (doc, p) => doc.setIn(p, doc.createNode(m.value))));
        break;
      case 'similar':
        set(
          editDoc(text, m.at, (doc, p) => {
            const current = doc.getIn(p);
            if (current === null || typeof current !== 'object') doc.setIn(p, similarValue(current, m.seed));
          }),
        );
        break;
      case 'hostile-value':
        set(editDoc(text, m.at, (doc, p) => doc.setIn(p, doc.createNode(m.value))));
        break;
      case 'deep': {
        const nested = m.flow
          ? `${'['.repeat(m.depth)}1${']'.repeat(m.depth)}`
          : Array.from({ length: m.depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1';
        set(`${text.replace(/\n?$/, '\n')}deep: ${m.flow ? nested : `\n${nested.replace(/^/gm, ' ')}`}\n`);
        break;
      }
      case 'hostile-key':
      case 'rename-key':
        set(
          editDoc(text, m.at, (doc, p) => {
            const parent = p.length > 1 ? doc.getIn(p.slice(0, -1), true) : doc.contents;
            const pair = isMap(parent) ? parent.items.find((i) => (i.key?.value ?? i.key) === p[p.length - 1]) : undefined;
            if (pair) pair.key = doc.createNode(m.name);
          }),
        );
        break;
      case 'truncate':
        out.set(path, bytes.subarray(0, Math.floor(bytes.length * m.fraction)));
        break;
      case 'bytes': {
        const at = Math.floor(bytes.length * m.fraction);
        out.set(path, Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at + m.bytes.length)]));
        break;
      }
      case 'text': {
        const at = Math.floor(text.length * m.fraction);
        set(text.slice(0, at) + m.text + text.slice(at + m.cut));
        break;
      }
      case 'line': {
        const lines = text.split('\n');
        const i = m.at % lines.length;
        if (m.op === 'delete') lines.splice(i, 1);
        else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]);
        else if (m.op === 'indent') lines[i] = `  ${lines[i]}`;
        else lines[i] = lines[i].replace(/^\s+/, '');
        set(lines.join('\n'));
        break;
      }
      case 'delete-file':
        out.delete(path);
        break;
      case 'empty-file':
        out.set(path, Buffer.alloc(0));
        break;
      case 'copy-file': {
        const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : 'releases';
        const copy = text.replace(/^id: .*$/m, `id: ${m.name}`);
        out.set(`${dir}/${m.name}.yaml`, Buffer.from(copy, 'utf8'));
        break;
      }
      default:
        throw new Error(`unknown mutation ${m.kind}`);
    }
  }
  return out;
}

/**
 * A command line: a command and options drawn from what secrel accepts, with values both sensible and not.
 * Bad usage may exit 2 with a message; it must never be an internal error.
 */
export const argvArb = fc
  .tuple(
    fc.constantFrom(
      ['validate'],
      ['check'],
      ['plan'],
      ['calendar'],
      ['impl-date'],
      ['rid', 'bump'],
      ['rid', 'baseline'],
      ['render'],
      ['diff'],
      ['init'],
      ['nonsense'],
      [],
    ),
    fc.array(
      fc.oneof(
        fc.constantFrom(
          '--release',
          '--as-of',
          '--from',
          '--to',
          '--format',
          '--lead-time',
          '--decision',
          '--system',
          '--documentation',
          '--self-governance',
          '--referral-end',
          '--covers',
          '--date',
          '--since',
          '--dry-run',
          '--check',
          '--staged',
          '--min-severity',
          '--ics',
          '--help',
          '--version',
          '--debug',
          '--',
          '-x',
        ),
        fc.constantFrom(
          '2020-06',
          '9999-12',
          '0000-01',
          '2020-06-25',
          '2021-02-29',
          '1899-12-31',
          '3000-01-01',
          'json',
          'github',
          'text',
          'xml',
          '12m',
          '20wd',
          '99999m',
          '0m',
          '-1m',
          'systems',
          'all',
          'rid',
          'notices',
          'site',
          'HEAD',
          'HEAD~999',
          '--output=/tmp/x',
          '2020',
          '1900..2999',
          '2999..1900',
          '2020-01-01..2019-01-01',
          'error',
          'info',
        ),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([command, rest]) => [...command, ...rest]);
