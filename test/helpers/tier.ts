// The two tiers of the suite. `npm test` runs the short tier: every test file, with the slow kinds (fuzzing,
// the browser, installs) cut to a sample that still runs each kind of check. `.ci/run` runs the full tier
// (SECREL_TESTS=full): every fuzz case and browser test. Use `itFull` for a slow test that adds depth, not
// a new kind of check, and `byTier(short, full)` for a count of random cases.
import { it } from 'vitest';

export const FULL = process.env.SECREL_TESTS === 'full';

/** `short` in `npm test`, `full` in `.ci/run`. */
export const byTier = <T>(short: T, full: T): T => (FULL ? full : short);

/** A test that runs only in the full tier (`.ci/run`, or `SECREL_TESTS=full npx vitest run …`). */
export const itFull = FULL ? it : it.skip;
