// Types for scripts/load-main.mjs: the built CLI's main(argv, io), run in-process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}
export type Main = (argv: readonly string[], io: CliIo) => Promise<number>;
/** The CLI's `main(argv, io)` from the bundle bin/secrel.js launches. */
export declare function loadMain(): Promise<Main>;
