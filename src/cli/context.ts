// What every command receives: the global options, where to write, and how to print paths and colours.
import { relative, resolve, sep } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { isValidIsoDate } from '../domain/dates.js';
import { UsageError } from '../repo/errors.js';

export type OutputFormat = 'text' | 'json' | 'github';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface GlobalOptions {
  repo?: string;
  asOf?: string;
  format?: string;
  color?: boolean;
  debug?: boolean;
}

export interface Context {
  io: Io;
  repoOption?: string;
  /** "Today" for every date-relative answer. */
  asOf: string;
  format: OutputFormat;
  debug: boolean;
  chalk: ChalkInstance;
  /** A repository-relative path as the user should see it: relative to where they ran secrel. */
  displayPath(root: string, file: string): string;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export function makeContext(io: Io, g: GlobalOptions, formats: readonly OutputFormat[] = FORMATS): Context {
  const format = (g.format ?? 'text') as OutputFormat;
  if (!formats.includes(format)) throw new UsageError(`--format ${g.format} is not supported here`, `use one of: ${formats.join(', ')}`);
  if (g.asOf !== undefined && !isValidIsoDate(g.asOf)) throw new UsageError(`--as-of ${g.asOf} is not a calendar date`, 'write it as YYYY-MM-DD, e.g. --as-of 2020-01-17');
  const color = g.color !== false && io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb' && format === 'text';
  const ctx: Context = {
    io,
    asOf: g.asOf ?? londonToday(),
    format,
    debug: g.debug === true,
    chalk: new Chalk({ level: color ? 1 : 0 }),
    displayPath: (root, file) => {
      const rel = relative(io.cwd, resolve(root, file));
      return rel.split(sep).join('/');
    },
  };
  if (g.repo !== undefined) ctx.repoOption = g.repo;
  return ctx;
}

/** Today's date in the UK, where the SEC's calendar runs, whatever the machine's TZ. */
export function londonToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
