// Partials that include each other round a cycle (a includes b, b includes a) never end: Handlebars runs
// until the stack overflows. The includes written in the templates (`{{> name}}`, the built-in templates'
// too, since an override can close a cycle through one) form a graph; a template of the repository that
// lies on a cycle is refused at its include, before anything renders. A template that includes itself
// directly is refused by template-guard.ts with its own message.
import type Handlebars from 'handlebars';
import { TemplateError } from './template-errors.js';

type Hb = Pick<typeof Handlebars, 'parse'>;
type Node = { type?: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

interface Source {
  /** The partial's name (`rid-scope.md`), or undefined for a document template. */
  partial: string | undefined;
  file: string;
  source: string;
}

interface Edge {
  from: string;
  to: string;
  /** The name as the template writes it. */
  name: string;
  file: string;
  line: number;
  column: number;
}

// A registered partial is a node by its name; an inline partial by `name@file`; a document by `@file`.
const inlineId = (name: string, file: string) => `${name}@${file}`;
const ownId = (t: Source) => t.partial ?? `@${t.file}`;

/** The include graph of `templates`: node → the includes written in it. */
export function includeGraph(hb: Hb, templates: readonly Source[]): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const t of templates) {
    let ast: unknown;
    try {
      ast = hb.parse(t.source);
    } catch {
      continue; // compiling reports the syntax error with its line
    }
    const inlines = new Set<string>();
    collect(ast, (n) => {
      if (n.type === 'DecoratorBlock' && (n.path as Node | undefined)?.original === 'inline') inlines.add(String((n.params as Node[] | undefined)?.[0]?.value));
    });
    const add = (from: string, n: Node) => {
      const name = (n.name as Node | undefined)?.original;
      if (typeof name !== 'string' || (n.name as Node).type !== 'PathExpression') return; // a computed name: not known before rendering
      const edge = {
        from,
        to: inlines.has(name) ? inlineId(name, t.file) : name,
        name,
        file: t.file,
        line: n.loc?.start.line ?? 1,
        column: (n.loc?.start.column ?? 0) + 1,
      };
      graph.set(from, [...(graph.get(from) ?? []), edge]);
    };
    const walk = (value: unknown, from: string): void => {
      if (value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) return value.forEach((v) => walk(v, from));
      const node = value as Node;
      if (node.type === 'DecoratorBlock' && (node.path as Node | undefined)?.original === 'inline') {
        return walk(node.program, inlineId(String((node.params as Node[] | undefined)?.[0]?.value), t.file));
      }
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') add(from, node);
      for (const [key, child] of Object.entries(node)) if (key !== 'loc') walk(child, from);
    };
    walk(ast, ownId(t));
  }
  return graph;
}

/** Throws a TemplateError at the first include written in `t` that leads round a cycle back to `t`. */
export function refuseCycles(graph: ReadonlyMap<string, readonly Edge[]>, t: Source): void {
  const own = [...graph.keys()].filter((id) => id === ownId(t) || id.endsWith(`@${t.file}`));
  for (const from of own) {
    for (const edge of graph.get(from) ?? []) {
      if (edge.to === from) continue; // including itself: template-guard.ts says so
      const back = pathBetween(graph, edge.to, from);
      if (!back) continue;
      const chain = [from, ...[edge, ...back].map((e) => e.to)].map(label).join(' → ');
      throw new TemplateError(
        t.file,
        edge.line,
        edge.column,
        `including "${edge.name}" leads back to "${label(from)}" (${chain}), so rendering would never end; break the cycle`,
      );
    }
  }
}

/** A node as a template names it: the partial's name, or the document's file. */
function label(id: string): string {
  return id.startsWith('@') ? id.slice(1) : id.includes('@') ? id.slice(0, id.indexOf('@')) : id;
}

/** The includes from `start` to `goal`, shortest first (breadth-first), or undefined when none lead there. */
function pathBetween(graph: ReadonlyMap<string, readonly Edge[]>, start: string, goal: string): Edge[] | undefined {
  const via = new Map<string, Edge | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift()!;
    for (const edge of graph.get(id) ?? []) {
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      if (edge.to === goal) {
        const path: Edge[] = [];
        for (let e = edge; ; e = via.get(e.from)!) {
          path.unshift(e);
          if (e.from === start) return path;
        }
      }
      queue.push(edge.to);
    }
  }
  return undefined;
}

function collect(value: unknown, visit: (node: Node) => void): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v) => collect(v, visit));
  visit(value as Node);
  for (const [key, child] of Object.entries(value as Node)) if (key !== 'loc') collect(child, visit);
}
