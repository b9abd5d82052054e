// Runs the BUILT CLI in this process (main(argv, io) from the bundle bin/secrel.js launches), for tests that
// run hundreds of commands: the same code and output as `secrel …`, without starting Node each time.
import { loadMain, type Main } from '../../scripts/load-main.mjs';
import { ROOT, type CliResult } from './cli.js';

let mainPromise: Promise<Main> | undefined;

export async function secrelInProcess(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const main = await (mainPromise ??= loadMain());
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    isTTY: false,
    env: { NO_COLOR: '1', ...opts.env },
    cwd: opts.cwd ?? ROOT,
  };
  const exitCode = await main(['node', 'secrel', ...args], io);
  // The real CLI's output ends where the process ends; the text reporters end every line with \n.
  return { stdout: stdout.replace(/\n$/, ''), stderr: stderr.replace(/\n$/, ''), exitCode };
}
