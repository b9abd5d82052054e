// What to say of a release id that names no release (REF): why not, and the release that was surely meant. A
// day typed where a release id belongs (`2029-02-30`), a month the cycle has no release in (`2028-07`).
import { listReleases, type PlannedRelease } from './calendar.js';
import { addMonths, formatLong, isValidIsoDate } from './dates.js';
import { releaseInputs } from './releases.js';
import type { RepoModel } from './repository.js';

const RELEASE_ID = /^(\d{4})-(\d{2})(?:-(.+))?$/;

/** `release X does not exist: …`, with the likely release and how to make one of that month. */
export function unknownReleaseWords(model: RepoModel, id: string): string {
  const folder = model.config.paths.releases;
  const head = `release \`${id}\` does not exist: it has no file in ${folder}/`;
  const match = RELEASE_ID.exec(id);
  const month = match ? `${match[1]}-${match[2]}-01` : undefined;
  if (!match || !month || !isValidIsoDate(month)) return `${head} and the release cycle schedules no release that month`;
  const around = listReleases({ cycle: model.config.cycle, files: releaseInputs(model), from: addMonths(month, -6), to: addMonths(month, 7) }).releases;
  const named = (r: PlannedRelease) => `\`${r.id}\` (the ${r.name}, ${formatLong(r.date)})`;
  const same = around.find((r) => r.id === `${match[1]}-${match[2]}`);
  if (match[3] !== undefined && same) {
    // A suffix names a second release of the month, which only its own file creates.
    if (/^\d{1,2}$/.test(match[3])) return `${head}: a day of the month is not part of a release id. Did you mean ${named(same)}?`;
    return `${head}: no file creates a release \`${id}\`. Did you mean ${named(same)}? A second release that month needs a file of its own, ${folder}/${id}.yaml`;
  }
  const before = around.filter((r) => r.date < month).at(-1);
  const after = around.find((r) => r.date >= month);
  const near = [before, after].filter((r): r is PlannedRelease => r !== undefined).map(named);
  return (
    `${head} and the release cycle schedules no release in ${formatLong(month).replace(/^1 /, '')}` +
    `${near.length ? `: the nearest ${near.length === 1 ? 'is' : 'are'} ${near.join(' and ')}` : ''}; ` +
    `for an ad-hoc release that month, create ${folder}/${id}.yaml with \`adhoc: true\`, \`date\` and \`type\``
  );
}
