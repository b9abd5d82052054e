// A small YAML writer for the benchmark generator: block mappings and lists, long text folded as real
// files write it, dates and versions quoted.
//
// Dates are quoted because the peer benchmark's ajv-cli reads YAML 1.1, where an unquoted 2020-06-25 is
// a timestamp and fails `type: string`: it would reject every file. secrel reads both forms the same.

const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.'()/–-]*$/;
const KEYWORDS = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  const s = String(value);
  return PLAIN.test(s) && !KEYWORDS.test(s) && !s.endsWith(' ') ? s : JSON.stringify(s);
}

/** Folds long prose at about 88 columns, as `>-`. */
function folded(text, indent) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 88 - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `>-\n${lines.map((l) => `${indent}${l}`).join('\n')}`;
}

function value(v, indent) {
  if (typeof v === 'string' && v.length > 80 && PLAIN.test(v)) return ` ${folded(v, `${indent}  `)}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return ' []';
    return `\n${v.map((item) => (item !== null && typeof item === 'object' ? `${indent}  -${mapping(item, `${indent}    `).replace(/^\s+/, ' ')}` : `${indent}  - ${scalar(item)}`)).join('\n')}`;
  }
  if (v !== null && typeof v === 'object') return `\n${mapping(v, `${indent}  `)}`;
  return ` ${scalar(v)}`;
}

/** Absent values and mappings left empty are not written (an empty `notices:` would read as null). */
function present(v) {
  if (v === undefined) return false;
  return v === null || typeof v !== 'object' || Array.isArray(v) || Object.values(v).some(present);
}

function mapping(obj, indent) {
  return Object.entries(obj)
    .filter(([, v]) => present(v))
    .map(([k, v]) => `${indent}${k}:${value(v, indent)}`)
    .join('\n');
}

/** A whole file: an optional comment header, then the mapping. */
export function toYaml(obj, comment) {
  const head = comment
    ? `${comment
        .split('\n')
        .map((l) => `# ${l}`.trimEnd())
        .join('\n')}\n`
    : '';
  return `${head}${mapping(obj, '')}\n`;
}
