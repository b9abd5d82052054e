// Turns whatever a template throws into one error naming the template file, line, column and field.
//
// Handlebars says `"foo" not defined in [object Object] - 12:4` and loses the file; a helper or a strict
// block helper knows only its position. The template's own source, parsed again only on this error
// path, gives back the whole expression at that position (`scope.approved`, not just `approved`).
import type Handlebars from 'handlebars';
import { HelperError, MissingField } from './helpers.js';

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
    readonly field?: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${detail}`);
  }
}

interface Source {
  file: string;
  source: string;
}

type Hb = Pick<typeof Handlebars, 'parse'>;
type Node = { type?: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

export function toTemplateError(err: unknown, t: Source, hb: Hb, partials: readonly string[]): Error {
  if (err instanceof TemplateError) return err;
  if (err instanceof MissingField && err.loc) {
    const { line, column } = err.loc.start;
    const call = nodeAt(hb, t.source, line, column, ['BlockStatement', 'MustacheStatement', 'SubExpression']);
    const field = expression((call?.params as Node[] | undefined)?.[err.paramIndex]);
    const block = call?.type === 'BlockStatement' ? '#' : '';
    return new TemplateError(
      t.file,
      line,
      column + 1,
      `${field ? `"${field}"` : 'an argument'}, given to {{${block}${err.helper}}}, is not in the view model (strict mode: a missing field is an error, never a blank); check its spelling`,
      field,
    );
  }
  if (err instanceof HelperError) {
    const line = err.loc?.start.line;
    const column = err.loc ? err.loc.start.column + 1 : undefined;
    return new TemplateError(t.file, line, column, err.message);
  }
  const e = err as Error & { lineNumber?: number; column?: number };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const strict = /^"(.+)" not defined in /.exec(message);
  if (strict && e.lineNumber !== undefined) {
    const column = e.column ?? 0;
    const path = expression(nodeAt(hb, t.source, e.lineNumber, column, ['PathExpression'])) ?? strict[1]!;
    return new TemplateError(
      t.file,
      e.lineNumber,
      column + 1,
      `"${path}" is not in the view model (strict mode: a missing field is an error, never a blank); check its spelling`,
      path,
    );
  }
  // Strict mode asks `name in value`, which JavaScript refuses for text and numbers: `{{release.name.length}}`.
  const into = /^Cannot use 'in' operator to search for '(.+)' in /.exec(message);
  if (into && err instanceof TypeError) {
    const node = findPath(hb, t.source, into[1]!);
    const path = expression(node) ?? into[1]!;
    return new TemplateError(
      t.file,
      node?.loc?.start.line,
      node?.loc ? node.loc.start.column + 1 : undefined,
      `"${path}" asks for a field of a value that is text or a number, which has none; check the path`,
      path,
    );
  }
  const partial = /^The partial (.+) could not be found/.exec(message);
  if (partial) {
    return new TemplateError(t.file, undefined, undefined, `the partial "${partial[1]}" does not exist; partials: ${partials.join(', ')}`);
  }
  const parse = /Parse error on line (\d+)/.exec(message);
  if (parse) return new TemplateError(t.file, Number(parse[1]), undefined, `cannot parse the template: ${oneLine(message)}`);
  if (e?.lineNumber !== undefined) {
    return new TemplateError(t.file, e.lineNumber, (e.column ?? 0) + 1, oneLine(message.replace(/ - \d+:\d+$/, '')));
  }
  return err instanceof Error ? err : new Error(message);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The expression as written: `scope.approved`, `@index`, `"literal"`. */
function expression(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (typeof node.original === 'string') return node.original;
  if (node.original !== undefined) return String(node.original);
  return undefined;
}

/** The first path expression that reads `name` below its first part (where a value could be text). */
function findPath(hb: Hb, source: string, name: string): Node | undefined {
  return findNode(hb, source, (n) => n.type === 'PathExpression' && (n.parts as string[]).slice(1).includes(name));
}

function nodeAt(hb: Hb, source: string, line: number, column: number, types: readonly string[]): Node | undefined {
  return findNode(hb, source, (n) => n.type !== undefined && types.includes(n.type) && n.loc?.start.line === line && n.loc.start.column === column);
}

function findNode(hb: Hb, source: string, match: (node: Node) => boolean): Node | undefined {
  let ast: unknown;
  try {
    ast = hb.parse(source);
  } catch {
    return undefined;
  }
  let found: Node | undefined;
  const visit = (value: unknown): void => {
    if (found || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    const node = value as Node;
    if (match(node)) {
      found = node;
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') visit(child);
  };
  visit(ast);
  return found;
}
