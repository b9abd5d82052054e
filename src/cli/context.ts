// What every command receives: the global options, where to write, and how to print paths and colours.
import { relative, resolve, sep } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { isValidIsoDate, type IsoDate } from '../domain/dates.js';
import { UsageError } from '../repo/errors.js';
import { londonToday } from './london-today.js';
import type { MemoRecorder } from './memo-recorder.js';
import { terminalSafe } from './report/terminal.js';

export type OutputFormat = 'text' | 'json' | 'github' | 'sarif' | 'markdown';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Waits until stdout has taken everything, or its reader went away (`| head`). */
  finish?(): Promise<void>;
}

/** The options every command takes, as commander hands them over (`--as-of` already checked by `dateArg`). */
export interface GlobalOptions {
  repo?: string;
  asOf?: IsoDate;
  format?: OutputFormat;
  color?: boolean;
  cache?: boolean;
  debug?: boolean;
}

export interface Context {
  io: Io;
  repoOption?: string;
  /** "Today" for every date-relative answer. */
  asOf: string;
  /** The real today in the UK (asOf too, unless `--as-of` gave another day): no record of a thing done can be after it. */
  today: string;
  format: OutputFormat;
  debug: boolean;
  /** Use the incremental cache of parsed files (false with `--no-cache`). */
  cache: boolean;
  chalk: ChalkInstance;
  /** A repository-relative path as the user should see it: relative to where they ran secrel. */
  displayPath(root: string, file: string): string;
  /** The run memo, when this command may be memoised (openRepository reads through it). */
  memo?: MemoRecorder;
}

/** What a command supports unless it says otherwise; SARIF and Markdown only where a command lists them. */
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];
/** The reports of findings (validate, check). */
export const FINDINGS_FORMATS: readonly OutputFormat[] = [...FORMATS, 'sarif', 'markdown'];

export function makeContext(io: Io, g: GlobalOptions, formats: readonly OutputFormat[] = FORMATS): Context {
  const format = g.format ?? 'text';
  if (!formats.includes(format)) throw new UsageError(`--format ${g.format} is not supported here`, `use one of: ${formats.join(', ')}`);
  const color = g.color !== false && io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb' && format === 'text';
  // Text for people (and CI logs) carries no control character or bidi override from the data; JSON
  // escapes its own (JSON.stringify), and stays byte for byte what programs expect.
  const safe = (s: string) => terminalSafe(s, color);
  const shown: Io = { ...io, stdout: format === 'json' ? io.stdout : (s) => io.stdout(safe(s)), stderr: (s) => io.stderr(safe(s)) };
  const today = londonToday();
  const ctx: Context = {
    io: shown,
    asOf: g.asOf ?? today,
    today,
    format,
    debug: g.debug === true,
    cache: g.cache !== false,
    chalk: new Chalk({ level: color ? 1 : 0 }),
    displayPath: (root, file) => {
      const rel = relative(io.cwd, resolve(root, file));
      return rel.split(sep).join('/');
    },
  };
  if (g.repo !== undefined) ctx.repoOption = g.repo;
  return ctx;
}

/** The years a date may have, in files (the schemas say the same) and in options. */
export const SUPPORTED_YEARS = { first: 1900, last: 2999 } as const;

/**
 * A date given as an option, checked: a real calendar date within SUPPORTED_YEARS, so that every offset
 * secrel applies to it (lead times, milestones, the plan window) stays a date; anything else is bad usage.
 */
function dateOption(option: string, value: unknown, example: string): string {
  if (!isValidIsoDate(value)) throw new UsageError(`${option} ${String(value)} is not a calendar date`, `write it as YYYY-MM-DD, e.g. ${option} ${example}`);
  const year = Number(value.slice(0, 4));
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new UsageError(
      `${option} ${value} is outside the years secrel plans for (${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last})`,
      `give a date such as ${option} ${example}`,
    );
  }
  return value;
}

/** Commander's parser of a date option (`.argParser(dateArg('--from', '2020-01-01'))`): checked once, as it is parsed. */
export function dateArg(option: string, example: string): (value: string) => IsoDate {
  return (value) => dateOption(option, value, example);
}

/** A release id given as an option (`--release 2020-06`), checked for the same years as dates. */
export function releaseIdOption(option: string, id: string): string {
  const year = Number(/^(\d{4})-\d{2}(?:-|$)/.exec(id)?.[1] ?? NaN);
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new UsageError(
      `${option} ${id} is outside the years secrel plans for (${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last})`,
      `release ids look like ${option} 2020-06 (the June 2020 SEC Release)`,
    );
  }
  return id;
}
