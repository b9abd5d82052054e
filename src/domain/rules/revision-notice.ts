// IMP-6's notice to Parties: "The Panel will inform Parties of the Authority's decision as soon as reasonably
// practical." The Policy sets no number of days, so no day can be missed: from the day the revision is recorded
// (and has happened by as-of) until `notified` records the notice, the latest revision is a warning, never an
// error. A recorded notice dated before the Authority agreed the revision cannot be right: an error.
import { compare, isValidIsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import type { Modification } from '../model.js';
import type { Entity } from '../repository.js';
import { revisionNotices, type Revision } from '../revision-notices.js';
import type { RuleContext } from './context.js';
import { fieldFinding, long } from './support.js';

export function revisionNoticeFindings(ctx: RuleContext, m: Entity<Modification>): Finding[] {
  const out: Finding[] = [];
  for (const { revision: r, index, latest, notified } of revisionNotices(m.data)) {
    const path = ['implementation', 'revisions', index, 'notified'];
    const field = `implementation.revisions[${index}].notified`;
    const ids = { modification: m.id, release: isValidIsoDate(r.to) ? m.data.implementation?.release : r.to };
    const agreed = `the Authority agreed on ${long(r.date)} to move ${m.id} from ${where(ctx, r.from)} to ${where(ctx, r.to)}`;
    if (notified !== undefined && compare(notified, r.date) < 0) {
      out.push(
        fieldFinding(
          m,
          path,
          'IMP-6',
          'error',
          `${field} says the notice of the revised implementation date went out on ${long(notified)}, but ${agreed}: ` +
            'Parties cannot be told of a decision before it is made. Correct it to the day the notice was issued',
          ids,
        ),
      );
      continue;
    }
    // A revision dated after as-of had not happened that day; one issued after as-of had not gone out yet.
    if (!latest || compare(r.date, ctx.asOf) > 0 || (notified !== undefined && compare(notified, ctx.asOf) <= 0)) continue;
    const recordedLater = notified === undefined ? '' : ` (${field} records ${long(notified)}, after ${long(ctx.asOf)}, so it counts as not issued yet)`;
    out.push(
      fieldFinding(
        m,
        path,
        'IMP-6',
        'warning',
        `${capital(agreed)}, which supersedes the date it had, and no notice of it to Parties is recorded${recordedLater}: the Panel informs Parties ` +
          "of the Authority's decision as soon as reasonably practical. Issue the notice (`secrel render notices` drafts it with the new release's notices) " +
          `and record the day it went out in ${field}`,
        ids,
      ),
    );
  }
  return out;
}

/** 'the November 2028 SEC Release (2 November 2028)', or a date on its own (a Working Days implementation date). */
function where(ctx: RuleContext, to: Revision['to']): string {
  if (isValidIsoDate(to)) return long(to);
  const release = ctx.planned(to);
  return release ? `the ${release.name} (${long(release.date)})` : to;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
