// The release a command line names (`--release ID`): one lookup and one message for every command.
import { findRelease, type PlannedRelease } from '../domain/calendar.js';
import type { Release } from '../domain/model.js';
import { releaseInputs, unknownRelease } from '../domain/releases.js';
import type { Entity, RepoModel } from '../domain/repository.js';
import { UsageError } from '../repo/errors.js';
import { releaseIdOption } from './context.js';

/** A release file or a release the cycle schedules; anything else is a usage error (exit 2). */
export function releaseOption(model: Pick<RepoModel, 'releases' | 'config'>, id: string, option = '--release'): PlannedRelease {
  releaseIdOption(option, id);
  const found = findRelease(id, { cycle: model.config.cycle, files: releaseInputs(model) });
  if (found) return found;
  const { reason, hint } = unknownRelease(model, id);
  throw new UsageError(`there is no release ${id} (${option}): ${reason}`, hint);
}

/** As `releaseOption`, for a command that edits the release's file: a release with no file yet is a usage error too. */
export function releaseFileOption(model: Pick<RepoModel, 'releases' | 'config'>, id: string, option = '--release'): Entity<Release> {
  const planned = releaseOption(model, id, option);
  const entity = model.releases.find((r) => r.id === planned.id);
  if (entity) return entity;
  const folder = model.config.paths.releases;
  throw new UsageError(`${option} ${id}: the ${planned.name} has no release file yet`, `create ${folder}/${id}.yaml first (\`secrel validate\` checks it)`);
}
