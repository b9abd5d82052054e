// What a release file holds that its RID shows, beyond dates and costs, compared between two revisions: the
// Technical Specification versions it makes effective (SCP-5), its go-live acceptance criteria (GL-1, GL-3),
// its timetable events and its risks (scope-diff.ts adds them to a release's changes).
import { timelineId } from './milestones.js';
import type { AcceptanceCriterion, Release } from './model.js';
import type { Change, CriterionRecord, TechSpecTerms } from './scope-change.js';

type TechSpec = NonNullable<Release['techSpecs']>[number];
type TimelineEntry = NonNullable<Release['timeline']>[number];
type Risk = NonNullable<Release['risks']>[number];

/** The release content changes between `was` and `now`, in the order the RID shows them. */
export function releaseContentChanges(was: Release | undefined, now: Release | undefined): Change[] {
  return [
    ...techSpecChanges(was?.techSpecs ?? [], now?.techSpecs ?? []),
    ...timelineChanges(was?.timeline ?? [], now?.timeline ?? []),
    ...riskChanges(was?.risks ?? [], now?.risks ?? []),
    ...((was?.acceptance?.set ?? 'standard') !== (now?.acceptance?.set ?? 'standard')
      ? [{ kind: 'acceptance-set', from: was?.acceptance?.set ?? 'standard', to: now?.acceptance?.set ?? 'standard' } as const]
      : []),
    ...criteriaChanges(was?.acceptance?.criteria ?? [], now?.acceptance?.criteria ?? []),
  ];
}

/** Keyed lists compared: each key's entry on both sides, in the later side's order, then what left. */
function paired<T>(was: readonly T[], now: readonly T[], key: (x: T) => string): [string, T | undefined, T | undefined][] {
  const before = new Map(was.map((x) => [key(x), x]));
  const after = new Map(now.map((x) => [key(x), x]));
  const keys = [...new Set([...after.keys(), ...before.keys()])];
  return keys.map((k) => [k, before.get(k), after.get(k)]);
}

const same = (a: object | undefined, b: object | undefined) => JSON.stringify(a) === JSON.stringify(b);

function terms(t: TechSpec | undefined): TechSpecTerms | undefined {
  if (!t) return undefined;
  return {
    ...(t.validFrom ? { validFrom: t.validFrom } : {}),
    ...(t.previousVersion ? { previousVersion: t.previousVersion } : {}),
    ...(t.previousValidTo ? { previousValidTo: t.previousValidTo } : {}),
  };
}

function techSpecChanges(was: readonly TechSpec[], now: readonly TechSpec[]): Change[] {
  return paired(was, now, (t) => `${t.document} ${t.version}`).flatMap(([, a, b]): Change[] => {
    const from = terms(a);
    const to = terms(b);
    if (a && b && same(from, to)) return [];
    const { document, version } = (b ?? a)!;
    return [{ kind: 'tech-spec', document, version, from, to }];
  });
}

function timelineChanges(was: readonly TimelineEntry[], now: readonly TimelineEntry[]): Change[] {
  return paired(was, now, timelineId).flatMap(([, a, b]): Change[] => {
    if (a && b && same(a, b)) return [];
    const event = (b ?? a)!.event;
    const when = (t: TimelineEntry | undefined) => t?.date ?? (t?.offset ? `${t.offset} from ${t.from ?? 'go-live'}` : undefined);
    return [{ kind: 'timeline', event, from: a ? { when: when(a) } : undefined, to: b ? { when: when(b) } : undefined }];
  });
}

function riskChanges(was: readonly Risk[], now: readonly Risk[]): Change[] {
  return paired(was, now, (r) => r.summary).flatMap(([summary, a, b]): Change[] =>
    a && b && same(a, b) ? [] : [{ kind: 'risk', summary, change: !a ? 'added' : !b ? 'removed' : 'changed' }],
  );
}

function record(c: AcceptanceCriterion | undefined): CriterionRecord | undefined {
  if (!c) return undefined;
  return {
    met: c.met ?? null,
    ...(c.reviewedBy ? { reviewedBy: c.reviewedBy } : {}),
    ...(c.date ? { date: c.date } : {}),
    ...(c.evidence ? { evidence: c.evidence } : {}),
    ...(c.text ? { text: c.text } : {}),
  };
}

/** Criteria whose record changed the same way are one change ("OP1–OP9 met, reviewed by …"), in the file's order. */
function criteriaChanges(was: readonly AcceptanceCriterion[], now: readonly AcceptanceCriterion[]): Change[] {
  const groups = new Map<string, Extract<Change, { kind: 'criteria' }>>();
  for (const [id, a, b] of paired(was, now, (c) => c.id)) {
    const from = record(a);
    const to = record(b);
    if (a && b && same(from, to)) continue;
    const key = JSON.stringify([from ?? null, to ?? null]);
    const group = groups.get(key);
    if (group) group.ids.push(id);
    else groups.set(key, { kind: 'criteria', ids: [id], from, to });
  }
  return [...groups.values()];
}
