// Test runner configuration: unit tests run on the TypeScript sources, end-to-end tests on the built CLI.
//
// Two projects. `dates` holds the tests whose answers involve dates or times (the domain, rendering, the
// reporters and the commands that print dates): `.ci/run` runs them under four TZ values, since every answer
// must be the same bytes in any zone. `once` holds the rest (validation, positions, security, crash safety, fuzzing, git),
// which no time zone can change: `.ci/run` runs them once. `npm test` runs both, once, in the short tier
// (test/helpers/tier.ts).
//
// Test files share their worker's module registry (`isolate: false`): importing the sources again for every
// file was 27 s of the suite's 89 (two workers), and no test relies on a fresh copy of a module. A file
// that replaces a module with `vi.mock` needs its own registry: it goes in ISOLATED, its own project
// (test/suite-isolation.test.ts checks that each one does).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export const DATE_TESTS = [
  'test/time-zone.test.ts',
  'test/cli-context.test.ts',
  'test/domain/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/cli/report/**/*.test.ts',
  'test/repo/write.test.ts',
  'test/e2e/{calendar,check,impl-date,init,plan,plan-*,render,render-*,rid}.test.ts',
  'test/browser/site.test.ts',
  'test/presets/**/*.test.ts',
];

/** Test files that mock a module (`vi.mock`): run with a registry of their own. */
export const ISOLATED = ['test/cli/internal-error.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default on two cores is one worker; most of a worker's time here is spent waiting on git,
    // child processes and Chromium, so two overlap well.
    maxWorkers: Math.max(2, availableParallelism()),
    isolate: false,
    projects: [
      { extends: true, test: { name: 'dates', include: DATE_TESTS, exclude: ISOLATED } },
      { extends: true, test: { name: 'once', include: ['test/**/*.test.ts'], exclude: [...DATE_TESTS, ...ISOLATED] } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
