// The CLI entry: parse the command line, run the command, return the exit code (the launcher exits).
import { buildProgram, handleError } from './program.js';
import type { Io } from './context.js';

export function processIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    return handleError(err, io, argv.includes('--debug'));
  }
  return code;
}
