// A release named decades ahead is a typing slip (2082-06 for 2028-06): the cycle schedules a release in
// every year, so the reference resolves, every check passes, and the modification silently drops out of
// every plan, notice and RID of the next few years. No SEC release is planned more than a few years ahead;
// one more than FAR_YEARS after the later of today and --as-of is a warning at the reference, with the
// year its digits most likely meant.
import { compare, formatLong, type IsoDate } from './dates.js';
import type { Finding } from './findings.js';
import { findingAt, type Entity, type PathSegment, type RepoModel } from './repository.js';
import { dotted } from './rules/support.js';

/** More years ahead than any real plan reaches (the SEC plans two or three). */
export const FAR_YEARS = 10;

/** A warning for each release named more than FAR_YEARS after the later of `today` and `asOf`. */
export function farAheadReleases(model: RepoModel, today: IsoDate, asOf: IsoDate = today): Finding[] {
  const from = compare(asOf, today) > 0 ? asOf : today;
  const year = Number(from.slice(0, 4));
  const limit = year + FAR_YEARS;
  const after = from === today ? `today (${formatLong(today)})` : `--as-of (${formatLong(asOf)})`;
  // A release id is `YYYY-MM` with an optional suffix: one after `${limit}-13` (no month 13) is in a later year.
  const bound = `${limit}-13`;
  const out: Finding[] = [];
  const check = (e: Entity<unknown>, path: PathSegment[], id: unknown, about: Record<string, string>) => {
    if (typeof id !== 'string' || id <= bound) return;
    const meant = likelyYear(id.slice(0, 4), year, limit);
    const guess = meant ? ` (\`${meant}${id.slice(4)}\`?)` : '';
    const where = path.length === 0 ? `the release id \`${id}\`` : `${dotted(path)} names release \`${id}\`, which`;
    out.push(
      findingAt(
        e,
        path.length === 0 ? ['id'] : path,
        'REF',
        'warning',
        `${where} goes live in ${id.slice(0, 4)}, ${Number(id.slice(0, 4)) - year} years after ${after}: no release is planned that far ahead, so it is most likely a typing error${guess}; correct the year`,
        about,
      ),
    );
  };
  for (const m of model.modifications) {
    const about = { modification: m.id };
    const impl = m.data.implementation;
    check(m, ['implementation', 'release'], impl?.release, about);
    check(m, ['implementation', 'fallback'], impl?.fallback, about);
    m.data.parts?.forEach((p, i) => check(m, ['parts', i, 'release'], p.release, about));
  }
  for (const r of model.releases) check(r, [], r.id, { release: r.id });
  for (const c of model.changeRequests ?? []) c.data.releases?.forEach((id, i) => check(c, ['releases', i], id, {}));
  return out;
}

/** The year a slip of two neighbouring digits made `written` from, between `from` and `limit`: 2082 → 2028. */
function likelyYear(written: string, from: number, limit: number): string | undefined {
  const candidates: number[] = [];
  for (let i = 0; i + 1 < written.length; i++) {
    const swapped = `${written.slice(0, i)}${written[i + 1]}${written[i]}${written.slice(i + 2)}`;
    const y = Number(swapped);
    if (y >= from - FAR_YEARS && y <= limit) candidates.push(y);
  }
  candidates.sort((a, b) => Math.abs(a - from) - Math.abs(b - from));
  return candidates[0]?.toString();
}
