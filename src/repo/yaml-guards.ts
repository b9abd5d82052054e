// The fast reader's guards: which texts js-yaml may read (it is about eight times quicker than the full
// reader) and which must go the full way, because the two readers could build different data from them
// or one of them could recurse too deeply. Each is checked against a plain reference by a property test.
/**
 * Anything where the two readers could build different data goes the full way: directives, tags, anchors
 * and aliases, tabs; keys that are not plain text (`[a, b]: x`, `{a: 1}: x`, `? x`, in block or flow
 * style), which js-yaml would quietly turn into "a,b" or "[object Object]"; null keys (`~: x`, `null: x`,
 * `: x`), which js-yaml names "null" and the full reader ""; and an empty entry of a compact nested list
 * (`- -`), which js-yaml nests differently; and a quoted text that goes on over more lines, whose
 * indentation js-yaml does not check; and a number that may be in hexadecimal or octal (`0x1F`, `0o17`), which
 * the full reader refuses; and a `#` straight after a bracket, comma or quote (`{…}#`), which js-yaml takes
 * for a comment and the full reader refuses. The differential test (test/repo/yaml-readers.test.ts) and
 * `npm run fuzz` compare the two readers on generated documents.
 */
export function needsFullParse(text: string): boolean {
  if (FULL_PARSE_ANYWHERE.test(text)) return true;
  return OTHER_BREAKS.test(text) ? someLineStartMatches(text) : someNewlineLineMatches(text);
}

// The patterns in two parts, for speed: as one multi-line pattern, every alternative was tried at every
// character (a seventh of a cold run). Those that hold only at the start of a line are tried there alone
// (sticky); JavaScript's `^` with the m flag starts a line after \n, \r, U+2028 and U+2029, so do these.
const FULL_PARSE_ANYWHERE = /\t|[\s[{,][&*!]|[[{,]\s*(?:[[{?]|:(?:[\s,\]}]|$))|[\s[{,?](?:~|null|Null|NULL)\s*:(?:\s|$)|[\s[{,:]0[xo][\da-fA-F]|[\]}"',[{]#/m;
const FULL_PARSE_AT_LINE_START =
  /%|[&*!]|(?:~|null|Null|NULL)\s*:(?:\s|$)| *(?:[[{]|\?(?:\s|$))|[ -]*(?:[[{].*[\]}] *:(?:\s|$)|\?(?:\s|$))|[ -]*:(?:\s|$)|[ -]*-[ ]*(?:#.*)?$| *(?:- +)*(?:[^\s#'"][^#\n]*?: +)?(?:"(?:[^"\\\n]|\\.)*|'(?:[^'\n]|'')*)$/my;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const OTHER_BREAKS = /[\r\u2028\u2029]/;

/** The line-start pattern tried at every line's start, whatever breaks the lines. */
function someLineStartMatches(text: string): boolean {
  for (let start = 0; ;) {
    FULL_PARSE_AT_LINE_START.lastIndex = start;
    if (FULL_PARSE_AT_LINE_START.test(text)) return true;
    LINE_BREAK.lastIndex = start;
    if (!LINE_BREAK.test(text)) return false;
    start = LINE_BREAK.lastIndex;
  }
}

/**
 * The same for a text whose only line break is \n (nearly every file), trying the pattern only on the
 * lines it could match: nearly every line is `key: value` or `- value` with no quote, which no
 * alternative matches. Each alternative needs, after the line's spaces and dashes, one of `%&*!~[{?:#`,
 * `n` or `N` (null), or the line's end; or else a quote on the line. This halves the guard's time in a
 * cold run; the property test (test/repo/full-parse-patterns.test.ts) holds it to the one pattern.
 */
function someNewlineLineMatches(text: string): boolean {
  // The next `"` and `'` at or after the line's start (-1: none left), found with indexOf as lines pass them.
  let dq = text.indexOf('"');
  let sq = text.indexOf("'");
  for (let start = 0; start <= text.length;) {
    let eol = text.indexOf('\n', start);
    if (eol < 0) eol = text.length;
    if (dq >= 0 && dq < start) dq = text.indexOf('"', start);
    if (sq >= 0 && sq < start) sq = text.indexOf("'", start);
    let i = start;
    while (i < eol && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x2d)) i++;
    if (i === eol || MIGHT_START.has(text.charCodeAt(i)) || (dq >= 0 && dq < eol) || (sq >= 0 && sq < eol)) {
      FULL_PARSE_AT_LINE_START.lastIndex = start;
      if (FULL_PARSE_AT_LINE_START.test(text)) return true;
    }
    start = eol + 1;
  }
  return false;
}

const MIGHT_START = new Set([...'%&*!~[{?:#nN'].map((c) => c.charCodeAt(0)));

/**
 * Whether a text may hold a value cut short by a comment (`title: GBCS #2 readiness`, comment-cut.ts): a
 * word, spaces, then `#` with no space after it. Nearly no file has one, so nearly none is read twice.
 */
export function mayCutAtComment(text: string): boolean {
  return /[^\s#][ \t]+#[^\s#]/.test(text);
}

/**
 * Mappings and lists may nest this deep. Both readers recurse, so past a depth that depends on the
 * stack left when they are called they fail with "Maximum call stack size exceeded" at a place that
 * varies from run to run; no secrel file needs more than a handful of levels, so deeper is refused
 * before either reader runs, the same way every time.
 */
export const MAX_NESTING = 64;

/**
 * Whether a text could nest deeper than MAX_NESTING, counted generously and cheaply: a block level
 * needs one more column of indentation or one more `- `/`? ` on its line, a flow level one `[` or `{`.
 * Only such texts are measured exactly (by the full reader's syntax tree, which does not recurse).
 */
export function mightNestTooDeeply(text: string): boolean {
  const brackets = count(text, '[') + count(text, '{');
  if (brackets >= MAX_NESTING) return true;
  // The deepest block level: the longest run of ` ?:-` that starts a line (the text's start, or after a
  // \n). Deeper than allowed only if some line's run reaches `need`; the character at need - 1 rules
  // out nearly every line at once (indentation is short), so only the rest are read in full.
  const need = MAX_NESTING - brackets;
  for (let start = 0; start >= 0; start = next(text, start)) {
    if (start + need > text.length || !isLead(text.charCodeAt(start + need - 1))) continue;
    let i = start;
    while (i < start + need && isLead(text.charCodeAt(i))) i++;
    if (i === start + need) return true;
  }
  return false;
}

/** How often `ch` occurs in `text` (indexOf skips the rest fast). */
function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** The start of the line after the one at `start`, or -1 at the last line. */
function next(text: string, start: number): number {
  const eol = text.indexOf('\n', start);
  return eol < 0 ? -1 : eol + 1;
}

/** ` `, `?`, `:` or `-`: what a block level may add to a line's start. */
const isLead = (c: number) => c === 0x20 || c === 0x3f || c === 0x3a || c === 0x2d;

/**
 * Whether a flow collection (`[…]`, `{…}`) goes on over more than one line: js-yaml does not check how the
 * lines after the first are indented, the full reader does. Counted roughly (brackets in quotes count
 * too), which only ever sends a file the full way when it need not. Only lines with an opening bracket
 * can: each is found with indexOf, then counted from its start to its line break; a comment (a `#` at
 * the text's start or after a space) ends the count.
 */
export function flowSpansLines(text: string): boolean {
  for (let at = firstOpener(text, 0); at >= 0;) {
    const start = text.lastIndexOf('\n', at) + 1;
    const eol = text.indexOf('\n', at);
    if (eol < 0) return false;
    let open = 0;
    for (let i = start; i < eol; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) open++;
      else if (c === 0x5d || c === 0x7d) open--;
      else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20)) break;
    }
    if (open > 0) return true;
    at = firstOpener(text, eol + 1);
  }
  return false;
}

/** The first `[` or `{` at or after `from`, or -1. */
function firstOpener(text: string, from: number): number {
  const square = text.indexOf('[', from);
  const curly = text.indexOf('{', from);
  return square < 0 ? curly : curly < 0 ? square : Math.min(square, curly);
}
