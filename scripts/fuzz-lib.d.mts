// Types for scripts/fuzz-lib.mjs, so the tests (TypeScript) can share the fuzzing harness and the in-process runner.
import type fc from 'fast-check';

import type { Main } from './load-main.mjs';

export type { CliIo, Main } from './load-main.mjs';
export { loadMain } from './load-main.mjs';
export interface Problem {
  command: string;
  problem: string;
  exit?: number;
  stderr?: string;
}
export type Mutation = { kind: string; [key: string]: unknown };

export declare const ROOT: string;
export declare const EXAMPLE: string;
export declare const COMMANDS: readonly (readonly string[])[];
export declare const valueArb: fc.Arbitrary<unknown>;
export declare const mutationArb: fc.Arbitrary<Mutation>;
export declare const caseArb: fc.Arbitrary<Mutation[]>;
export declare const argvArb: fc.Arbitrary<string[]>;
export declare function readTree(dir: string): Map<string, Buffer>;
export declare function writeTree(dir: string, files: ReadonlyMap<string, Uint8Array>): void;
export declare function similarValue(value: unknown, seed: number): unknown;
export declare function applyMutations(files: ReadonlyMap<string, Uint8Array>, mutations: readonly Mutation[]): Map<string, Buffer>;
/** Starts watching; the result gives (and clears) what was caught, and `restore()` stops watching. */
export declare function watchProcess(): (() => string[]) & { restore(): void };
export declare function runCommands(
  main: Main,
  dir: string,
  files: ReadonlyMap<string, Uint8Array>,
  commands?: readonly (readonly string[])[],
): Promise<Problem[]>;
export declare function runCase(
  main: Main,
  dir: string,
  original: ReadonlyMap<string, Uint8Array>,
  mutations: readonly Mutation[],
  commands?: readonly (readonly string[])[],
): Promise<Problem[]>;
export declare function describeFailure(mutations: readonly Mutation[], problems: readonly Problem[]): string;
