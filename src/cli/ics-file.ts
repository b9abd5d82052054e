// `secrel calendar --ics FILE`: the releases' milestones and the Working Days implementations as an
// iCalendar file, written all or nothing, with a usage error that says why a path cannot be written.
import { basename, dirname, resolve } from 'node:path';
import { feedItems } from '../domain/feed.js';
import { releasesToIcs, uidDomainFor } from '../domain/ics.js';
import { listedMilestones, type ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import type { WorkingDaysImplementation } from '../domain/working-days-date.js';
import { writeFileAtomic } from '../repo/atomic.js';
import { UsageError } from '../repo/errors.js';
import type { Context } from './context.js';
import { sweepLeftovers } from './leftover-sweep.js';
import { plural } from './report/findings.js';

export interface IcsContent {
  views: readonly ReleaseView[];
  /** Working Days implementations going live in the range (IMP-3). */
  own: readonly WorkingDaysImplementation[];
  model: RepoModel;
  /** The repository's folder (its name is the UID domain when the config gives none); undefined with no repository. */
  root: string | undefined;
}

export async function writeIcsFile(ctx: Context, file: string, { views, own, model, root }: IcsContent): Promise<void> {
  const path = resolve(ctx.io.cwd, file);
  const uidDomain = uidDomainFor(model.config.uidDomain, root === undefined ? undefined : basename(root));
  const ics = releasesToIcs(feedItems(model, views), { codeName: model.config.codeName, uidDomain, implementations: own, holidays: model.config.holidays });
  try {
    await writeFileAtomic(path, ics);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`--ics ${file}: its folder does not exist`, 'create the folder first, or give a path in an existing one');
    if (code === 'EISDIR') throw new UsageError(`--ics ${file} is a folder`, 'give a file name, e.g. --ics sec-releases.ics');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new UsageError(`--ics ${file}: not allowed to write there`, 'choose a folder you can write to');
    throw err;
  }
  await sweepLeftovers(ctx, ctx.io.cwd, [dirname(path)], { dryRun: false, command: 'calendar --ics', of: path });
  const events = views.reduce((n, v) => n + listedMilestones(v).length, 0) + own.length;
  const modifications = own.length > 0 ? ` and ${plural(own.length, 'Working Days modification')}` : '';
  ctx.io.stderr(`Wrote ${plural(events, 'event')} for ${plural(views.length, 'release')}${modifications} to ${file}\n`);
}
