// The checks that run on a repository's data once its files are read, in one list each: those every
// command that opens the repository gets (`openedChecks`), and validate's whole list (`validateChecks`),
// which is what the lean copy of the cache must answer (VALIDATE_READS, validate-reads.ts).
// test/domain/validate-reads.test.ts runs `validateChecks` itself, so a check added here that reads a
// field the lean copy drops fails there.
import type { IsoDate } from './dates.js';
import { backdatedJoins } from './backdated-joins.js';
import { farAheadReleases } from './far-ahead.js';
import type { Finding } from './findings.js';
import { lostRecords, type EarlierFile, type Revisions } from './kept-records.js';
import { recordedAfterToday } from './recorded-after.js';
import { referenceFindings } from './references.js';
import type { RepoModel } from './repository.js';
import { baselinedScopeChecks, ridRecordFindings, type RidCheck } from './rules/rid.js';
import { timelineFindings } from './timeline-refs.js';

/**
 * References between files, the timetables' references, dates recorded after the later of `today` and
 * `asOf`, and releases named decades after it.
 */
export function openedChecks(model: RepoModel, today: IsoDate, asOf: IsoDate): Finding[] {
  return [...referenceFindings(model), ...timelineFindings(model), ...recordedAfterToday(model, today, asOf), ...farAheadReleases(model, today, asOf)];
}

export interface ValidateCheckOptions {
  today: IsoDate;
  asOf: IsoDate;
  /** What an earlier revision (HEAD, for --staged) held, whose records must not be lost; `[]` for none. */
  earlier: readonly EarlierFile[];
  revisions: Revisions;
}

export interface ValidateChecks {
  /** Every finding, in order: `openedChecks`', RID-1's record, RID-2's, the lost records, then additions back-dated past a cut-off. */
  findings: Finding[];
  /** The RID-2 checks among them, with the files each is about (a finding in a release file may be about a modification). */
  rid: RidCheck[];
}

/** What `secrel validate` checks beyond each file's own YAML and schema, from the loaded data alone (no git history). */
export function validateChecks(model: RepoModel, o: ValidateCheckOptions): ValidateChecks {
  const rid = baselinedScopeChecks(model);
  return {
    rid,
    findings: [
      ...openedChecks(model, o.today, o.asOf),
      ...ridRecordFindings(model.releases),
      ...rid.map((c) => c.finding),
      ...lostRecords(o.earlier, model, o.revisions),
      ...backdatedJoins(o.earlier, model, o.asOf),
    ],
  };
}
