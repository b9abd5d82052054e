// The helpers templates may use: dates and money in the documents' styles, ticks, lists in prose, counts.
// Every helper, if/unless/each/with included, refuses an argument that is missing from the view model.
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { formatLong, formatShort, formatWithWeekday, isValidIsoDate } from '../domain/dates.js';
import { formatMoney } from '../domain/money.js';

/** Where in a template something went wrong (Handlebars' `loc`: 1-based line, 0-based column). */
export interface TemplateLoc {
  start: { line: number; column: number };
}

/** A helper's complaint about its input; the engine adds the template file. */
export class HelperError extends Error {
  constructor(
    message: string,
    readonly loc: TemplateLoc | undefined,
  ) {
    super(message);
  }
}

/**
 * A helper's argument is not in the view model at all. Handlebars' strict mode checks `{{field}}` but not
 * the arguments of a helper or block helper (`{{#if field}}`, `{{money field}}`): without this, a typo
 * there would silently render nothing. The view models use null for "absent", never undefined.
 */
export class MissingField extends HelperError {
  constructor(
    loc: TemplateLoc | undefined,
    readonly helper: string,
    readonly paramIndex: number,
  ) {
    super(`an argument of {{${helper}}} is not in the view model`, loc);
  }
}

type Options = HelperOptions & { loc?: TemplateLoc };
const OWN_HELPERS = ['longDate', 'shortDate', 'weekdayDate', 'money', 'tick', 'prose', 'counted', 'plural'];

type Registry = { helpers: Record<string, HelperDelegate>; registerHelper(name: string, fn: HelperDelegate): void };

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function isoDate(helper: string, value: unknown, options: Options): string {
  if (!isValidIsoDate(value)) {
    throw new HelperError(`{{${helper}}} needs a date YYYY-MM-DD, got ${JSON.stringify(value)}; guard an optional date with {{#if}}`, options.loc);
  }
  return value;
}

/** "SECMP0053, SECMP0062 and MP079". */
export function prose(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "one Modification Proposal", "three Modification Proposals" (words up to twelve, then digits). */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? singular : plural}`;
}

/** Registers `fn` so that an argument missing from the view model is an error naming it. */
function strictHelper(hb: Registry, name: string, fn: HelperDelegate): void {
  hb.registerHelper(name, function strict(this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Options;
    const missing = args.slice(0, -1).findIndex((a) => a === undefined);
    if (missing >= 0 || (args.length < 2 && ['if', 'unless', 'each', 'with'].includes(name))) {
      throw new MissingField(options.loc, name, Math.max(0, missing));
    }
    return fn.apply(this, args as [unknown, HelperOptions]);
  });
}

export function registerHelpers(hb: Registry): void {
  hb.registerHelper('longDate', (value: unknown, options: Options) => formatLong(isoDate('longDate', value, options)));
  hb.registerHelper('shortDate', (value: unknown, options: Options) => formatShort(isoDate('shortDate', value, options)));
  hb.registerHelper('weekdayDate', (value: unknown, options: Options) => formatWithWeekday(isoDate('weekdayDate', value, options)));
  hb.registerHelper('money', (value: unknown, options: Options) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new HelperError(`{{money}} needs an amount in whole pence, got ${JSON.stringify(value)}; guard an optional amount with {{#if}}`, options.loc);
    }
    return formatMoney(value);
  });
  hb.registerHelper('tick', (value: unknown) => (value === true ? '✓' : ''));
  hb.registerHelper('prose', (value: unknown, options: Options) => {
    if (!Array.isArray(value)) throw new HelperError(`{{prose}} needs a list, got ${JSON.stringify(value)}`, options.loc);
    return prose(value.map(String));
  });
  hb.registerHelper('counted', (n: unknown, singular: unknown, ...rest: unknown[]) => {
    const options = rest.pop() as Options;
    if (typeof n !== 'number' || typeof singular !== 'string')
      throw new HelperError('{{counted}} needs a number and a noun, e.g. {{counted n "modification"}}', options.loc);
    const text = counted(n, singular, typeof rest[0] === 'string' ? rest[0] : undefined);
    return options.hash?.capital === true ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
  hb.registerHelper('plural', (n: unknown, one: unknown, many: unknown, options: Options) => {
    if (typeof n !== 'number') throw new HelperError(`{{plural}} needs a number first, got ${JSON.stringify(n)}`, options.loc);
    return n === 1 ? one : many;
  });
  for (const name of ['if', 'unless', 'each', 'with', ...OWN_HELPERS]) strictHelper(hb, name, hb.helpers[name]!);
}
