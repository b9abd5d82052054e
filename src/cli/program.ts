// The commander program: global options, one definition per command, lazy loading of each action.
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../repo/errors.js';
import { dateArg, makeContext, type Context, type GlobalOptions, type Io, type OutputFormat } from './context.js';
import { COMMANDS } from './commands/index.js';
import { VERSION } from '../generated/version.js';
import type { MemoRecorder } from './memo-recorder.js';

export { VERSION };

/** A command's action: its options (the command's own `…Options` interface, declared beside its definition) in, an exit code out. */
export interface ActionModule<Options> {
  action(ctx: Context, options: Options): Promise<number>;
}

/**
 * Runs a command's action (loaded only now, so other commands' dependencies are never loaded) with the
 * options commander parsed; `tsc` checks they are the ones the action takes.
 */
export type Run = <Options>(
  cmd: Command,
  load: () => Promise<ActionModule<Options>>,
  options: Options,
  formats?: readonly OutputFormat[],
  /** The command's output follows from its repository's files, its options and the day alone: it may be memoised (src/repo/run-memo.ts). */
  memo?: boolean,
) => Promise<void>;

export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * `onRun` hears which command runs (`rid bump`), so an internal error can say where it happened; `argv`
 * (the whole command line, as main gets it): define just the command it names; `recorder`: the real
 * process's run memo, which a command that may be memoised is allowed to fill.
 */
export function buildProgram(
  io: Io,
  setExit: (code: number) => void,
  onRun?: (command: string) => void,
  argv?: readonly string[],
  recorder?: MemoRecorder,
): Command {
  const program = new Command('secrel')
    .description('Plan and govern Smart Energy Code (SEC) Releases from a git repository of YAML files.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--repo <dir>', 'the release repository (default: found from the current folder upwards)')
    .addOption(
      new Option('--as-of <date>', "today's date for every date-relative answer, YYYY-MM-DD (default: today in the UK)").argParser(
        dateArg('--as-of', '2020-01-17'),
      ),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github', 'sarif', 'markdown']).default('text'))
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--no-cache', 'read every file afresh, neither using nor updating the cache (see `secrel cache clear`)')
    .option('--debug', 'print stack traces of internal errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText(
      'after',
      examples([
        'secrel plan --repo fixtures/sec-2020 --as-of 2020-01-17',
        'secrel validate --staged',
        'secrel impl-date --lead-time 12m --system --release 2020-06',
        'secrel check --min-severity warning --format github',
      ]) + '\nExit codes: 0 no errors, 1 errors found in the data, 2 bad usage or an internal failure.\n',
    );

  const run: Run = async (cmd, load, options, formats, memo) => {
    onRun?.(commandName(cmd));
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const ctx = makeContext(io, g, formats);
    if (memo && recorder && ctx.cache) {
      recorder.allow({ ...(g.repo === undefined ? {} : { repoOption: g.repo }), today: ctx.today });
      ctx.memo = recorder;
    }
    const mod = await load();
    setExit(await mod.action(ctx, options));
  };
  // Only the command asked for is defined (a pre-commit run builds one command's options, not thirteen);
  // every one when none is named or the name is not a command, for the help and "did you mean".
  const wanted = argv === undefined ? undefined : commandIn(argv.slice(2));
  const defined = COMMANDS.some(([name]) => name === wanted) ? COMMANDS.filter(([name]) => name === wanted) : COMMANDS;
  for (const [, define] of defined) {
    const cmd = define(program, run);
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }
  pointToHelp(program);
  return program;
}

/** After a usage error (an unknown command or option, a missing argument), where to read what is allowed. */
function pointToHelp(cmd: Command): void {
  const what = cmd.commands.length > 0 ? 'the commands' : 'the options, with examples';
  cmd.showHelpAfterError(`(\`${['secrel', commandName(cmd)].filter(Boolean).join(' ')} --help\` lists ${what})`);
  cmd.commands.forEach(pointToHelp);
}

/** The global options that take a value as the next word (`--repo DIR`), so that the value is not read as the command. */
const GLOBAL_VALUES = new Set(['--repo', '--as-of', '--format']);

/** The first word after `secrel` that is neither an option nor a global option's value: the command's name. */
function commandIn(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return undefined;
    if (GLOBAL_VALUES.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** `rid bump`, not `bump`: the words a user types after `secrel`. */
function commandName(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Turns whatever stopped a command into an exit code and a clear message on stderr: the usage error's own
 * words and hint, or for anything unexpected one line saying what failed and how to see more (--debug
 * adds the stack trace). Never a bare stack.
 */
export function handleError(err: unknown, io: Io, debug: boolean, command?: string): number {
  if (err instanceof CommanderError) {
    // Help asked for (--help, `secrel help`) is a success; help shown because no command was given
    // (`secrel`, `secrel cache`) is bad usage, as commander itself says with its exit code.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    if (err.code !== 'commander.help') return 2;
    if (err.exitCode === 0) return 0;
    io.stderr('secrel: no command given: use one of the commands listed above\n');
    return 2;
  }
  if (err instanceof UsageError) {
    io.stderr(`secrel: ${err.message}\n${err.hint ? `  ${err.hint}\n` : ''}`);
    return 2;
  }
  const e = err as (Error & { code?: unknown; syscall?: unknown }) | undefined;
  const message = oneLine(typeof e?.message === 'string' ? e.message : String(err));
  const where = command ? ` in \`secrel ${command}\`` : '';
  // An error of the file system or the OS (a folder that cannot be written, a full disk) is not a bug:
  // its own message ("EACCES: permission denied, open 'out/x.md'") says what to fix.
  const system = typeof e?.code === 'string' && typeof e.syscall === 'string';
  const what = system ? `secrel: ${message}${where}` : `secrel: internal error${where}: ${message}`;
  io.stderr(`${what}; ${debug ? 'stack trace:' : 'run again with --debug for the stack trace'}\n`);
  if (debug) io.stderr(`${e?.stack ?? String(err)}\n`);
  return 2;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
