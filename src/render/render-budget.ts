// Bounds on one document's rendering, counted while it renders: nested `{{#each}}` multiply, so six levels
// over a few dozen items run for minutes and build gigabytes before any check of the finished text could
// see it. Every block helper's inner template is counted (block runs, and the characters each run adds
// that no block inside it did), and the block that goes past a bound ends the render with a finding at
// its line. The bounds are counts, not seconds: the same template ends at the same place on every machine.
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { HelperError, type TemplateLoc } from './helpers.js';

/** The most one document may render (a site page is well under a megabyte). */
export const MAX_OUTPUT_CHARS = 20_000_000;

/** The most block runs (`{{#each}}` items, `{{#if}}` branches …) one document may take (the largest page of a 10,000-modification site takes under 60,000). */
export const MAX_BLOCK_RUNS = 2_000_000;

type Registry = { helpers: Record<string, HelperDelegate>; registerHelper(name: string, fn: HelperDelegate): void };
type Program = ((context: unknown, options?: unknown) => string) & Record<string, unknown>;
type Options = HelperOptions & { loc?: TemplateLoc };

export interface RenderBudget {
  /** Starts a document afresh. */
  reset(): void;
}

/** Wraps every helper registered so far so that its blocks count against one budget; call after registering. */
export function installBudget(hb: Registry): RenderBudget {
  let runs = 0;
  let output = 0;
  // Characters that the blocks running now have seen come from blocks inside them.
  const inner: number[] = [];
  const count = (program: Program, loc: TemplateLoc | undefined): Program => {
    const counted = ((context: unknown, options?: unknown) => {
      if (++runs > MAX_BLOCK_RUNS)
        throw new HelperError(
          `blocks run more than ${MAX_BLOCK_RUNS.toLocaleString('en-GB')} times in one document (nested {{#each}} multiply); loop over less, or flatten the template`,
          loc,
        );
      inner.push(0);
      let text: string;
      try {
        text = program(context, options);
      } catch (err) {
        inner.pop();
        throw err;
      }
      const fromInner = inner.pop()!;
      output += text.length - fromInner;
      if (inner.length) inner[inner.length - 1]! += text.length;
      if (output > MAX_OUTPUT_CHARS)
        throw new HelperError(
          `renders more than ${MAX_OUTPUT_CHARS / 1_000_000} million characters in one document (nested {{#each}} multiply); loop over less, or flatten the template`,
          loc,
        );
      return text;
    }) as Program;
    return Object.assign(counted, program);
  };
  for (const [name, helper] of Object.entries(hb.helpers)) {
    hb.registerHelper(name, function budgeted(this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Options | undefined;
      if (typeof options?.fn === 'function') {
        const inverse = typeof options.inverse === 'function' ? count(options.inverse as Program, options.loc) : options.inverse;
        args[args.length - 1] = { ...options, fn: count(options.fn as Program, options.loc), inverse };
      }
      return (helper as (...a: unknown[]) => unknown).apply(this, args);
    });
  }
  return {
    reset() {
      runs = 0;
      output = 0;
      inner.length = 0;
    },
  };
}
