// Checks a repository's template override before it is compiled: a template may read the view model's
// fields and call secrel's helpers, nothing else. Handlebars already denies prototype properties at run
// time (they render as blanks); this turns every attempt into an error at its line, and refuses the
// built-in helpers that reach outside the document (`log` prints to the console).
import type Handlebars from 'handlebars';
import { TemplateError } from './template-errors.js';

/** Names that lead from a plain object into JavaScript itself: Object.prototype's, and `prototype`. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Handlebars' own helpers that are not for templates: console output and internal fallbacks. */
const REFUSED_HELPERS: ReadonlySet<string> = new Set(['log', 'helperMissing', 'blockHelperMissing']);

type Hb = Pick<typeof Handlebars, 'parse'>;
type Node = { type?: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

/** Blocks (`{{#each}}`, `{{#if}}` …) nested deeper than this are refused: nested loops multiply the output. */
export const MAX_BLOCK_DEPTH = 6;

/**
 * Throws a TemplateError at the first thing in `source` that is not plain data access or a helper, a
 * decorator other than `{{#*inline}}`, a partial that includes itself, or blocks nested too deeply.
 * `partial` is the template's own partial name (`rid-scope` for partials/rid-scope.md).
 */
export function guardTemplate(hb: Hb, file: string, source: string, partial?: string): void {
  let ast: unknown;
  try {
    ast = hb.parse(source);
  } catch {
    return; // compiling reports the syntax error with its line
  }
  const fail = (node: Node, detail: string): never => {
    throw new TemplateError(file, node.loc?.start.line, node.loc ? node.loc.start.column + 1 : undefined, detail);
  };
  const inlines: string[] = partial === undefined ? [] : [partial];
  let depth = 0;
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as Node;
    if (node.type === 'Decorator' || node.type === 'DecoratorBlock') {
      const name = (node.path as Node | undefined)?.original;
      if (name !== 'inline' || node.type === 'Decorator')
        fail(node, `the decorator {{*${String(name)}}} is not available in secrel templates (only {{#*inline "name"}} partials are)`);
      const inlineName = (node.params as Node[] | undefined)?.[0]?.value;
      inlines.push(String(inlineName));
      visit(node.program);
      inlines.pop();
      return;
    }
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = (node.name as Node | undefined)?.original;
      if (typeof name === 'string' && inlines.includes(name))
        fail(node, `the partial "${name}" includes itself, which would never end; include another partial`);
    }
    if (node.type === 'BlockStatement') {
      depth++;
      if (depth > MAX_BLOCK_DEPTH)
        fail(node, `blocks are nested more than ${MAX_BLOCK_DEPTH} levels deep; nested loops multiply the output: flatten the template`);
      for (const [key, child] of Object.entries(node)) if (key !== 'loc') visit(child);
      depth--;
      return;
    }
    if (node.type === 'PathExpression') {
      const bad = (node.parts as string[]).find((p) => PROTOTYPE_NAMES.has(p));
      if (bad) fail(node, `"${String(node.original)}" reaches into JavaScript objects (${bad}); a template may only read the view model's fields`);
    }
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const name = (node.path as Node | undefined)?.original;
      if (typeof name === 'string' && REFUSED_HELPERS.has(name)) fail(node, `{{${name}}} is not available in secrel templates`);
      if (name === 'lookup') {
        for (const p of (node.params as Node[] | undefined) ?? []) {
          if (p.type === 'StringLiteral' && PROTOTYPE_NAMES.has(String(p.value)))
            fail(node, `{{lookup}} of "${String(p.value)}" reaches into JavaScript objects; a template may only read the view model's fields`);
        }
      }
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') visit(child);
  };
  visit(ast);
}
