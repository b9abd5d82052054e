// CAP-1: a release holds no more than the config's capacity allows (system-impacting modifications, DCC cost).
import { compare } from '../dates.js';
import { capacityUse } from '../capacity.js';
import type { Finding } from '../findings.js';
import type { Rule } from './context.js';
import { fieldFinding } from './support.js';

export const releaseCapacity: Rule = {
  id: 'CAP-1',
  title: 'a release holds no more than its capacity',
  check(ctx) {
    const capacity = ctx.model.config.capacity;
    if (capacity.systemModifications === undefined && capacity.dccCost === undefined) return [];
    const out: Finding[] = [];
    for (const [id, scope] of ctx.scope) {
      const release = ctx.planned(id);
      if (!release || release.cancelled || compare(release.date, ctx.asOf) < 0) continue;
      const { over } = capacityUse(capacity, scope);
      if (over.length === 0) continue;
      const message = `The ${release.name} is over capacity: ${over.join('; ')}. Move a modification to a later release or raise the limit in secrel.config.yaml`;
      const file = ctx.fileOf(id);
      // On the release file; a release without one: on the last modification in its scope (the one that tipped it).
      if (file) out.push(fieldFinding(file.entity, ['id'], 'CAP-1', 'warning', message, { release: id }));
      else {
        const last = scope[scope.length - 1]!;
        out.push(fieldFinding(last.modification, last.releasePath, 'CAP-1', 'warning', message, { release: id, modification: last.modification.id }));
      }
    }
    return out;
  },
};

export const CAPACITY_RULES: readonly Rule[] = [releaseCapacity];
