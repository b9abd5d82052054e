// The template engine: the built-in templates (precompiled at build time) and a repository's overrides
// (compiled on first use), Handlebars in strict mode, and errors that name the template file and line.
import Handlebars from 'handlebars';
import { TEMPLATES } from '../generated/templates.js';
import { markdownSafe, plainData } from './escape.js';
import { registerHelpers } from './helpers.js';
import { codeVocabulary, type CodeVocabulary } from './vocabulary.js';
import { MAX_OUTPUT_CHARS, installBudget } from './render-budget.js';
import { TemplateError, toTemplateError } from './template-errors.js';
import { includeGraph, refuseCycles } from './partial-cycles.js';
import { guardTemplate } from './template-guard.js';

export { TemplateError } from './template-errors.js';

/** One template: its name (`rid.md`, `partials/rid-scope.md`), the file it came from, its source. */
export interface TemplateFile {
  name: string;
  /** As the user should see it in a message: `templates/rid.md.hbs`. */
  file: string;
  source: string;
  /** Precompiled spec (built-in templates only). */
  spec?: object;
}

export interface Engine {
  /**
   * Renders a template with a view model; Markdown templates get a Markdown-escaped copy of it. The text is
   * tidied (line endings, trailing spaces) unless `tidy` is false: for a draft pass that is read, not written.
   */
  render(name: string, view: object, options?: { tidy?: boolean }): string;
  /**
   * An HTML page whose list is too long to hold as one string (the register of 20,000 rows): the page with
   * `list.partial` (which loops over `view[list.key]`) left out, then that partial over `list.size` items at
   * a time, each part tidied as the whole page would be. Joined, the parts are the bytes `render` gives;
   * a page that does not include the partial exactly once is rendered whole, as one part.
   */
  renderInParts(name: string, view: object, list: { partial: string; key: string; size: number }): TextParts;
  /** Names of the templates the repository overrides. */
  readonly overridden: readonly string[];
  /** Override files that replace nothing (a misspelt name): neither a built-in template nor a partial. */
  readonly unused: readonly string[];
}

/**
 * Text in parts, to be written one after another (see Engine.renderInParts). Each part is made when it is
 * read, and made again on every reading, so a long page never lives whole, nor as all its parts at once.
 */
export type TextParts = Iterable<string>;

/** Parts that `make` gives, again on every reading (a generator function alone could be read only once). */
export function textParts(make: () => Generator<string>): TextParts {
  return { [Symbol.iterator]: make };
}

const PARTIALS = 'partials/';

/** Where the parts go, in the page rendered without them: NUL never reaches a page (control characters are refused). */
const PARTS_MARK = '\u0000parts\u0000';

/** Markdown templates have a `.md` part in their file name (`rid.md`, `partials/rid-scope.md`). */
export function isMarkdownTemplate(name: string): boolean {
  return /\.md(\.|$)/.test(name.slice(name.lastIndexOf('/') + 1));
}

const SEC_VOCABULARY = codeVocabulary({ code: 'sec', codeName: 'SEC', codeFullName: 'Smart Energy Code' });

export function builtInTemplates(): TemplateFile[] {
  return Object.entries(TEMPLATES).map(([name, t]) => ({ name, file: t.file, source: t.source, spec: t.spec }));
}

/** `vocabulary`: the code's words, `@code` in every template (see vocabulary.ts); the SEC's by default. */
export function createEngine(overrides: readonly TemplateFile[] = [], vocabulary: CodeVocabulary = SEC_VOCABULARY): Engine {
  const hb = Handlebars.create();
  registerHelpers(hb as unknown as Parameters<typeof registerHelpers>[0]);
  // `{{log}}` writes to the console: never part of a document, and it would corrupt --format json.
  hb.unregisterHelper('log');
  const budget = installBudget(hb as unknown as Parameters<typeof installBudget>[0]);
  const all = new Map<string, TemplateFile>(builtInTemplates().map((t) => [t.name, t]));
  const builtInNames = new Set(all.keys());
  for (const o of overrides) all.set(o.name, o);

  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  // Which template includes which: built when the first override is compiled (see partial-cycles.ts).
  let graph: ReturnType<typeof includeGraph> | undefined;
  const templateFn = (name: string): Handlebars.TemplateDelegate => {
    const cached = compiled.get(name);
    if (cached) return cached;
    const t = all.get(name);
    if (!t) throw new Error(`no template named ${name}`);
    // A repository's override is checked first: it may read the view model and call helpers, no more.
    if (!t.spec) {
      const partial = name.startsWith(PARTIALS) ? name.slice(PARTIALS.length) : undefined;
      guardTemplate(hb, t.file, t.source, partial);
      refuseCycles(
        (graph ??= includeGraph(
          hb,
          [...all].map(([n, f]) => ({ partial: n.startsWith(PARTIALS) ? n.slice(PARTIALS.length) : undefined, file: f.file, source: f.source })),
        )),
        { partial, file: t.file, source: t.source },
      );
    }
    const fn = t.spec ? hb.template(t.spec as TemplateSpecification) : hb.compile(t.source, { strict: true, noEscape: isMarkdownTemplate(name) });
    // Errors are converted by the innermost template they pass through, so a partial's error names the partial.
    const wrapped: Handlebars.TemplateDelegate = (context, options) => {
      try {
        const out = fn(context, options);
        if (out.length > MAX_OUTPUT_CHARS)
          throw new TemplateError(
            t.file,
            undefined,
            undefined,
            `renders more than ${MAX_OUTPUT_CHARS / 1_000_000} million characters in one document; loop over less, or flatten the template`,
          );
        return out;
      } catch (err) {
        // Partials that include each other round a cycle end in a stack overflow: say so, not "call stack".
        if (err instanceof RangeError && /call stack/i.test(err.message))
          throw new TemplateError(
            t.file,
            undefined,
            undefined,
            'includes partials that include each other without end (or nests them too deeply); break the cycle',
          );
        throw toTemplateError(
          err,
          t,
          hb,
          [...all.keys()].filter((n) => n.startsWith(PARTIALS)).map((n) => n.slice(PARTIALS.length)),
        );
      }
    };
    compiled.set(name, wrapped);
    return wrapped;
  };
  for (const name of all.keys()) {
    if (name.startsWith(PARTIALS))
      hb.registerPartial(name.slice(PARTIALS.length), ((context: unknown, options: Handlebars.RuntimeOptions) =>
        templateFn(name)(context, options)) as unknown as Handlebars.Template);
  }

  // One memo per kind of copy, for the engine's life (a command's): see CopyMemo.
  const memo = { markdown: new WeakMap<object, unknown>(), plain: new WeakMap<object, unknown>() };
  /** One template over a safe copy of the view (Markdown-escaped for Markdown), untidied; `partials` replace some for this run. */
  const words = { markdown: { code: markdownSafe(vocabulary) }, plain: { code: vocabulary } };
  const run = (name: string, view: object, partials?: Record<string, () => string>): string => {
    const markdown = isMarkdownTemplate(name);
    const data = markdown ? markdownSafe(view, memo.markdown) : plainData(view, memo.plain);
    budget.reset();
    return templateFn(name)(data, {
      data: markdown ? words.markdown : words.plain,
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      ...(partials ? { partials } : {}),
    });
  };
  return {
    render(name, view, options = {}) {
      const out = run(name, view);
      if (options.tidy === false) return out;
      return isMarkdownTemplate(name) ? tidyMarkdown(out) : tidyText(out);
    },
    renderInParts(name, view, { partial, key, size }) {
      if (isMarkdownTemplate(name)) throw new Error(`renderInParts is for HTML pages, not ${name}`);
      const page = tidyText(run(name, { ...view, [key]: [] }, { [partial]: () => PARTS_MARK }));
      const at = page.indexOf(PARTS_MARK);
      if (at < 0 || page.indexOf(PARTS_MARK, at + 1) >= 0) return [tidyText(run(name, view))];
      const items = (view as Record<string, unknown>)[key] as readonly unknown[];
      return textParts(function* () {
        yield page.slice(0, at);
        for (let i = 0; i < items.length; i += size) yield tidyLines(run(PARTIALS + partial, { ...view, [key]: items.slice(i, i + size) }));
        yield page.slice(at + PARTS_MARK.length);
      });
    },
    overridden: overrides.filter((o) => builtInNames.has(o.name)).map((o) => o.name),
    unused: overrides.filter((o) => !builtInNames.has(o.name) && !o.name.startsWith(PARTIALS)).map((o) => o.file),
  };
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** LF endings, no trailing spaces, one newline at the end. */
function tidyText(text: string): string {
  // The same as replace(/[ \t]+$/gm, '') and replace(/\n+$/, ''), in half the time on a large RID: the
  // lookahead names the line ends `$` stands for, and the final newlines are counted, not matched.
  let t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  t = t.replace(/[ \t]+(?=[\n\r\u2028\u2029]|$)/g, '');
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 10) end--;
  return `${t.slice(0, end)}\n`;
}

/** As tidyText for text that is not the end of a document: every line that ends in it loses its trailing spaces. */
function tidyLines(text: string): string {
  const t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return t.replace(/[ \t]+(?=[\n\u2028\u2029])/g, '');
}

/** As tidyText, and at most one blank line in a row, so templates can space their blocks freely. */
function tidyMarkdown(text: string): string {
  return tidyText(text)
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '');
}
