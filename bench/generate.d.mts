// Types for bench/generate.mjs, so a test (TypeScript) can call the generator directly.
/** The day every generated repository is seen as of. */
export declare const AS_OF: string;
/** Writes a synthetic repository into `dir` (replacing it); the same seed gives the same bytes. */
export declare function generateRepository(
  dir: string,
  options?: { modifications?: number; releases?: number; seed?: number },
): { releases: string[]; asOf: string };
