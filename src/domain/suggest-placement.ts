// `secrel suggest`'s model of each candidate: the repository with the proposal in it (a described one as an
// in-memory modification), out of every release while candidates are judged, or placed in one of them.
import { applyAssumptions } from './assumptions.js';
import type { IsoDate } from './dates.js';
import type { Modification } from './model.js';
import type { Entity, RepoModel } from './repository.js';
import type { Proposal } from './suggest.js';

/** The repository with the proposal in it (a described one as an in-memory modification), placed in `release`. */
export function withProposal(model: RepoModel, p: Proposal, release: string | undefined, asOf: IsoDate): RepoModel {
  const withIt = p.recorded
    ? model
    : {
        ...model,
        modifications: [
          ...model.modifications,
          {
            id: p.id,
            file: `${model.config.paths.modifications}/${p.id}.yaml`,
            data: {
              id: p.id,
              title: 'The proposal being planned',
              systemImpact: p.impact,
              techSpecs: p.techSpecs,
              ...(p.leadTime ? { leadTime: p.leadTime } : {}),
              dependsOn: p.dependsOn.map((d) => ({ id: d.id, kind: d.kind, needed: d.needed, ...(d.lead ? { lead: d.lead } : {}) })),
              ...(p.decision ? { decision: { expected: p.decision } } : {}),
            },
          } satisfies Entity<Modification>,
        ],
      };
  if (release === undefined) {
    // Out of every release while the candidates are judged, so its current target does not count against them.
    return { ...withIt, modifications: withIt.modifications.map((m) => (m.id === p.id ? { ...m, data: unplaced(m.data) } : m)) };
  }
  if (p.current?.release === release) return withIt;
  return applyAssumptions(withIt, [{ text: `${p.id}=release:${release}`, target: 'modification', id: p.id, set: { release, addedToScope: asOf } }]);
}

function unplaced(d: Modification): Modification {
  const { parts: _parts, implementation, ...rest } = d;
  if (!implementation) return rest;
  const { release: _release, fallback: _fallback, ...impl } = implementation;
  return { ...rest, implementation: impl };
}
