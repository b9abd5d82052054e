// The commander program: global options, one definition per command, lazy loading of each action.
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../repo/errors.js';
import { makeContext, type Context, type GlobalOptions, type Io, type OutputFormat } from './context.js';
import { COMMANDS } from './commands/index.js';

export const VERSION = '0.1.0';

export type ActionModule = { action(ctx: Context, args: Record<string, unknown>): Promise<number> };

/** Runs a command's action (loaded only now, so other commands' dependencies are never loaded). */
export type Run = (cmd: Command, load: () => Promise<ActionModule>, args: Record<string, unknown>, formats?: readonly OutputFormat[]) => Promise<void>;

export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('secrel')
    .description('Plan and govern Smart Energy Code (SEC) Releases from a git repository of YAML files.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--repo <dir>', 'the release repository (default: found from the current folder upwards)')
    .option('--as-of <date>', "today's date for every date-relative answer, YYYY-MM-DD (default: today in the UK)")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--debug', 'print stack traces of internal errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText('after', examples([
      'secrel plan --repo fixtures/sec-2020 --as-of 2020-01-17',
      'secrel validate --staged',
      'secrel impl-date --lead-time 12m --system --release 2020-06',
      'secrel check --min-severity warning --format github',
    ]) + '\nExit codes: 0 no errors, 1 errors found in the data, 2 bad usage or an internal failure.\n');

  const run: Run = async (cmd, load, args, formats) => {
    const ctx = makeContext(io, cmd.optsWithGlobals() as GlobalOptions, formats);
    const mod = await load();
    setExit(await mod.action(ctx, args));
  };
  for (const define of COMMANDS) {
    const cmd = define(program, run);
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }
  return program;
}

/** Turns whatever stopped a command into an exit code and one clear line on stderr. */
export function handleError(err: unknown, io: Io, debug: boolean): number {
  if (err instanceof CommanderError) {
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
  }
  if (err instanceof UsageError) {
    io.stderr(`secrel: ${err.message}\n${err.hint ? `  ${err.hint}\n` : ''}`);
    return 2;
  }
  const e = err as Error;
  io.stderr(`secrel: internal error: ${e?.message ?? String(err)}\n`);
  io.stderr(debug ? `${e?.stack ?? ''}\n` : '  run again with --debug to see the stack trace, and report it with the command you ran\n');
  return 2;
}
