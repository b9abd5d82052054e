// The CLI entry: parse the command line, run the command, return the exit code (the launcher exits).
import { buildProgram, handleError } from './program.js';
import type { Io } from './context.js';
import { memoRecorder } from './memo-recorder.js';

/**
 * The real process's io. When the reader of stdout goes away (`secrel plan | head -1`), the rest of the
 * output is dropped quietly (an EPIPE is no error), and the exit code stays the command's own: `secrel
 * validate | head -1` on a repository with errors still fails the pipeline under `set -o pipefail`.
 */
export function processIo(): Io {
  let readerGone = false;
  const quiet = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') readerGone = true;
  };
  // Without a listener, a write to a closed pipe is an uncaught 'error' event: a crash with a stack.
  process.stdout.on('error', quiet);
  process.stderr.on('error', quiet);
  return {
    stdout: (s) => void (readerGone || process.stdout.write(s)),
    stderr: (s) => void process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    // The EPIPE of the last write arrives as an event after it: wait for the write to settle, then ask.
    finish: () =>
      new Promise((resolve) => {
        if (readerGone || process.stdout.destroyed) resolve();
        else process.stdout.write('', () => setImmediate(resolve));
      }),
  };
}

/**
 * Runs the command line; `given`: an io other than the process's (the tests'), whose runs are not memoised
 * (only the real process is answered from the memo: src/cli/replay.ts).
 */
export async function main(argv: readonly string[], given?: Io): Promise<number> {
  let code = 0;
  let command: string | undefined;
  const recorder = given ? undefined : memoRecorder(argv, processIo());
  const io = given ?? recorder!.io;
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    (name) => {
      command = name;
    },
    argv,
    recorder,
  );
  try {
    await program.parseAsync([...argv]);
    recorder?.save(code);
  } catch (err) {
    code = handleError(err, io, argv.includes('--debug'), command);
  }
  await io.finish?.();
  return code;
}
