// Which release a new repository's example files describe: the first one a new modification can still join cleanly.
import { resolveConfig, type ResolvedConfig } from '../domain/config.js';
import { addDays, addMonths, diffDays, type IsoDate } from '../domain/dates.js';
import { decisionByDate } from '../domain/implementation.js';
import { releaseViews, type ReleaseView } from '../domain/releases.js';
import { DUE_SOON_DAYS } from '../domain/rules/deadline.js';

export interface ExampleRelease {
  release: ReleaseView;
  /** The next release after it: the example modification's fall-back. */
  fallback: ReleaseView;
  /** Go-live minus the example's 12-month lead time: the primary release's decision-by date (IMP-1). */
  decisionBy: IsoDate;
}

/** The example modification's lead time, in months. */
export const EXAMPLE_LEAD_MONTHS = 12;

const EMPTY = { modifications: new Set<string>(), releases: new Set<string>() };

/**
 * The first scheduled release (default cycle) whose earliest milestone is more than `DUE_SOON_DAYS`
 * after `asOf`, and the release after it. The very next release would be the obvious pick, but its
 * scope cut-off and 12-month notice have usually passed already, so a brand-new example would start
 * life with SCP-2 breaches and overdue notices; a new user's first `secrel plan` should be clean.
 */
export function exampleRelease(asOf: IsoDate, config: ResolvedConfig = resolveConfig()): ExampleRelease {
  const model = { config, modifications: [], releases: [], invalidIds: EMPTY };
  // The release 13 months out always qualifies, and the one after it is at most a year later.
  const views = releaseViews(model, { from: addDays(asOf, 1), to: addMonths(asOf, 36) });
  const index = views.findIndex((v) => v.milestones.every((m) => diffDays(asOf, m.date) > DUE_SOON_DAYS));
  const release = views[index];
  const fallback = views[index + 1];
  if (!release || !fallback) throw new Error(`no scheduled release after ${asOf} has all its milestones ahead`);
  return { release, fallback, decisionBy: decisionByDate(release.planned.date, EXAMPLE_LEAD_MONTHS) };
}
