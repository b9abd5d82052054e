// Every finding `secrel check` reports (and `report pr` compares, and `rid baseline` warns of): reading, references, every rule.
import type { IsoDate } from './dates.js';
import type { Finding } from './findings.js';
import type { RepoModel } from './repository.js';
import { runRules } from './rules/index.js';

/** The findings of reading the files (with references and timelines), then every policy rule's as of `asOf`. */
export function everyFinding(repo: RepoModel & { findings: readonly Finding[] }, asOf: IsoDate): Finding[] {
  return [...repo.findings, ...runRules(repo, { asOf })];
}
