// Reference checks (REF): ids match file names, no duplicates, every named release exists and
// fall-backs come after primaries. Also turns the calendar's problems with release files into findings.
import { listReleases, type CalendarProblemCode } from './calendar.js';
import { codeFindings } from './code-checks.js';
import { dependenciesOf } from './dependencies.js';
import { releaseFinder, releaseInputs } from './releases.js';
import type { Finding } from './findings.js';
import { closest } from './text.js';
import { formatLong } from './dates.js';
import { unknownReleaseWords } from './release-ref-words.js';
import { fileNameId, findingAt, type Entity, type PathSegment, type RepoModel } from './repository.js';

export function referenceFindings(model: RepoModel): readonly Finding[] {
  const m = memoOf(model);
  const [modificationIds, releaseRefs] = modificationParts(model);
  return (m.all ??= [
    ...modificationIds,
    ...idFindings(model.releases, 'release'),
    ...idFindings(model.changeRequests ?? [], 'change request'),
    ...releaseRefs,
    ...dependencyRefFindings(model),
    ...calendarFindings(model),
    ...codeFindings(model),
  ]);
}

/**
 * The REF findings in modification files, the part of referenceFindings that RID-2 needs to know which
 * modifications have an unknown place in the scope (the rest is about releases, or is not REF).
 */
export function modificationRefFindings(model: RepoModel): readonly Finding[] {
  return modificationParts(model).flat();
}

/** The modifications' id findings and their release references' findings, made once per model. */
function modificationParts(model: RepoModel): readonly [Finding[], Finding[]] {
  return (memoOf(model).modifications ??= [idFindings(model.modifications, 'modification'), releaseRefFindings(model)]);
}

interface Memo {
  inputs: readonly unknown[];
  modifications?: [Finding[], Finding[]];
  all?: Finding[];
}

/**
 * Each model's findings, made once: a run asks for them more than once (the repository's findings, then
 * RID-2; plan again), and at 10,000 modifications each time costs 20 ms. Kept while the model holds the
 * same lists and config; a model given others (an assumption, a test) is checked afresh.
 */
const memos = new WeakMap<RepoModel, Memo>();

function memoOf(model: RepoModel): Memo {
  const inputs = [model.modifications, model.releases, model.changeRequests, model.config, model.invalidIds];
  const known = memos.get(model);
  if (known && known.inputs.every((x, i) => x === inputs[i])) return known;
  const fresh: Memo = { inputs };
  memos.set(model, fresh);
  return fresh;
}

function idFindings(entities: readonly Entity<unknown>[], kind: string): Finding[] {
  const out: Finding[] = [];
  const about = (id: string) => (kind === 'modification' || kind === 'release' ? { [kind]: id } : {});
  const seen = new Map<string, Entity<unknown>>();
  // `DCP 421` and `DCP421`, `MP079` and `mp079`: one modification written two ways (a preset's ids may have a space).
  const alike = new Map<string, Entity<unknown>>();
  const spelling = (id: string) => (/\s/.test(id) ? id.replace(/\s+/g, '') : id).toUpperCase();
  for (const e of entities) {
    const fileId = fileNameId(e.file);
    if (e.id !== fileId) {
      out.push(
        findingAt(
          e,
          ['id'],
          'REF',
          'error',
          `the ${kind} id \`${e.id}\` differs from the file name \`${fileId}\`; rename the file to ${e.id}.yaml or correct the id`,
          about(e.id),
        ),
      );
    }
    const first = seen.get(e.id);
    const twin = alike.get(spelling(e.id));
    if (first)
      out.push(findingAt(e, ['id'], 'REF', 'error', `${kind} \`${e.id}\` is already defined in ${first.file}; each id belongs to one file`, about(e.id)));
    else if (twin)
      out.push(
        findingAt(
          e,
          ['id'],
          'REF',
          'error',
          `${kind} \`${e.id}\` is \`${twin.id}\` (${twin.file}) written differently, so one ${kind} would count twice; keep one file and one spelling`,
          about(e.id),
        ),
      );
    if (!first) seen.set(e.id, e);
    if (!twin) alike.set(spelling(e.id), e);
  }
  return out;
}

function releaseRefFindings(model: RepoModel): Finding[] {
  const out: Finding[] = [];
  // Indexed once: a lookup per reference would scan every release file for every modification.
  const find = releaseFinder(model);
  const known = (id: string) => model.invalidIds.releases.has(id) || find(id) !== undefined;
  for (const m of model.modifications) {
    // Only the unknown ones are listed: nearly every reference names a release that exists.
    const refs: { path: PathSegment[]; id: string }[] = [];
    const impl = m.data.implementation;
    if (impl?.release && !known(impl.release)) refs.push({ path: ['implementation', 'release'], id: impl.release });
    if (impl?.fallback && !known(impl.fallback)) refs.push({ path: ['implementation', 'fallback'], id: impl.fallback });
    const parts = m.data.parts;
    if (parts) parts.forEach((p, i) => p.release && !known(p.release) && refs.push({ path: ['parts', i, 'release'], id: p.release }));
    for (const ref of refs) {
      out.push(
        findingAt(
          m,
          ref.path,
          'REF',
          'error',
          model.releases.some((r) => r.id === ref.id)
            ? `release \`${ref.id}\` has no date: its file (${model.config.paths.releases}/${ref.id}.yaml) gives none and the release cycle schedules no release that month (see the CAL finding in that file)`
            : unknownReleaseWords(model, ref.id),
          { modification: m.id, release: ref.id },
        ),
      );
    }
    out.push(...partFindings(m));
    if (impl?.release && impl.fallback && known(impl.release) && known(impl.fallback)) {
      const primary = find(impl.release);
      const fallback = find(impl.fallback);
      if (primary && fallback && fallback.date <= primary.date) {
        out.push(
          findingAt(
            m,
            ['implementation', 'fallback'],
            'REF',
            'error',
            fallback.id === primary.id
              ? `the fall-back release is ${fallback.id}, the primary release itself: set implementation.fallback to a later release, or remove it`
              : `the fall-back release ${fallback.id} (${formatLong(fallback.date)}) must go live after the primary release ${primary.id} (${formatLong(primary.date)}): ` +
                  'set implementation.fallback to a later release, or remove it',
            { modification: m.id, release: fallback.id },
          ),
        );
      }
    }
  }
  return out;
}

/**
 * A `dependsOn` entry naming a modification the repository does not have (renamed, or a typo): DEP-1 could
 * never tell when it is done. Not among modificationRefFindings: the modification's own place in the scope
 * is known. An id whose file failed to load is left to that file's errors (DEP-1 says to fix them).
 */
function dependencyRefFindings(model: RepoModel): Finding[] {
  const out: Finding[] = [];
  const ids = model.modifications.map((m) => m.id);
  const known = new Set(ids);
  const folder = model.config.paths.modifications;
  for (const m of model.modifications) {
    for (const dep of dependenciesOf(m.data)) {
      if (dep.kind !== 'modification' || known.has(dep.id) || model.invalidIds.modifications.has(dep.id)) continue;
      const guess = closest(
        dep.id,
        ids.filter((id) => id !== m.id),
      );
      const fix = guess
        ? `did you mean \`${guess}\`?`
        : `add ${folder}/${dep.id}.yaml if it is a modification of this code, else correct the id or remove it (a DCC Change Request whose id does not start CR is \`{ id: ${dep.id}, kind: change-request }\`)`;
      out.push(
        findingAt(m, dep.path, 'REF', 'error', `${m.id} depends on modification \`${dep.id}\`, which does not exist: it has no file in ${folder}/; ${fix}`, {
          modification: m.id,
        }),
      );
    }
  }
  return out;
}

/** SCP-6: each part numbered once, and parts name the releases (a whole-modification release beside them is ignored). */
function partFindings(m: RepoModel['modifications'][number]): Finding[] {
  const parts = m.data.parts;
  if (!parts) return [];
  const out: Finding[] = [];
  const first = new Map<number, number>();
  parts.forEach((p, i) => {
    const seen = first.get(p.part);
    if (seen === undefined) first.set(p.part, i);
    else {
      out.push(
        findingAt(
          m,
          ['parts', i, 'part'],
          'SCP-6',
          'error',
          `part ${p.part} of ${m.id} is listed twice (parts[${seen}] and parts[${i}]): ` +
            `scope items are \`${m.id}#<part>\`, so one would hide the other; number each part once`,
          { modification: m.id, release: p.release },
        ),
      );
    }
  });
  const release = m.data.implementation?.release;
  if (parts.length > 0 && release !== undefined) {
    out.push(
      findingAt(
        m,
        ['implementation', 'release'],
        'SCP-6',
        'error',
        `${m.id} is delivered in parts, each with its own release, so implementation.release (${release}) is ignored: ` +
          `remove it (the parts name their releases), or remove parts if it is delivered whole`,
        { modification: m.id, release },
      ),
    );
  }
  return out;
}

const PROBLEM_FIELD: Record<CalendarProblemCode, PathSegment[]> = {
  'bad-id': ['id'],
  'bad-date': ['date'],
  'missing-date': ['id'],
  'missing-type': ['adhoc'],
  'duplicate-id': ['id'],
  'off-cycle': ['id'],
  'month-mismatch': ['date'],
};

/** Release files the calendar cannot place, or places with a caveat (off-cycle, month mismatch). */
function calendarFindings(model: RepoModel): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(model.releases.map((r) => [r.id, r]));
  // Problems are reported for every file whatever the range; a one-day range keeps the cycle loop short.
  const { problems } = listReleases({ cycle: model.config.cycle, files: releaseInputs(model), from: '2000-01-01', to: '2000-01-01' });
  for (const p of problems) {
    const r = byId.get(p.releaseId);
    if (!r || p.code === 'duplicate-id') continue;
    out.push(findingAt(r, PROBLEM_FIELD[p.code], p.rule, p.severity, p.message, { release: r.id }));
  }
  return out;
}
