// The program defines only the command the command line names (a pre-commit `validate` builds one
// command's options, not thirteen), and every command when it names none, or a word that is not one.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { buildProgram } from '../../src/cli/program.js';
import { secrel } from '../helpers/cli.js';

const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {}, cwd: process.cwd() };
const defined = (...args: string[]) => buildProgram(io, () => undefined, undefined, ['node', 'secrel', ...args]).commands.map((c) => c.name());
const ALL = COMMANDS.map(([name]) => name);

describe('the program', () => {
  it('defines just the command named, wherever the global options put it', () => {
    expect(defined('validate', '--staged')).toEqual(['validate']);
    expect(defined('--repo', 'plan', '--as-of', '2020-01-17', '--format', 'json', 'check')).toEqual(['check']);
    expect(defined('--no-color', 'rid', 'bump', '--dry-run')).toEqual(['rid']);
  });

  it('defines every command for the help, a typo and anything after --', () => {
    expect(defined()).toEqual(ALL);
    expect(defined('--help')).toEqual(ALL);
    expect(defined('valdate')).toEqual(ALL);
    expect(defined('help', 'validate')).toEqual(ALL);
    expect(defined('--', 'validate')).toEqual(ALL);
  });

  it('names every command it defines in COMMANDS, as the help lists them', async () => {
    expect(buildProgram(io, () => undefined).commands.map((c) => c.name())).toEqual(ALL);
    const help = await secrel(['--help']);
    for (const name of ALL) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const typo = await secrel(['valdate']);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toMatch(/unknown command .valdate.\n\(Did you mean validate\?\)/);
  });

  it('after a usage error, names the help that lists what is allowed there', async () => {
    const cases: [string[], string][] = [
      [['bogus'], "error: unknown command 'bogus'\n(`secrel --help` lists the commands)"],
      [['cache', 'bogus'], "error: unknown command 'bogus'\n(`secrel cache --help` lists the commands)"],
      [['rid', 'bump', '--bogus'], "error: unknown option '--bogus'\n(`secrel rid bump --help` lists the options, with examples)"],
    ];
    for (const [args, stderr] of cases) {
      const r = await secrel(args);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(stderr);
    }
  });
});
