// What `secrel impl-date` is asked, checked before anything is read, so bad usage always exits 2: the lead
// time (required, in months or Working Days) and the options that go with its form.
import { parseReleaseId } from '../domain/cycle.js';
import { parseLeadTime } from '../domain/implementation.js';
import type { ImplementationRequest } from '../domain/implementation-dates.js';
import { UsageError } from '../repo/errors.js';
import type { ImplDateOptions } from './commands/impl-date.js';

/** The domain's request, and the lead time as the user wrote it (the JSON report echoes it). */
export interface ImplDateRequest extends ImplementationRequest {
  leadTimeText: string;
}

// Beyond these a lead time is a typo, and the search for releases would run past the year 9999.
const MAX_MONTHS = 120;
const MAX_WORKING_DAYS = 2000;

export function implDateRequest(args: ImplDateOptions): ImplDateRequest {
  const text = args.leadTime;
  const forms = '--lead-time 12m (months before go-live) or --lead-time 20wd (Working Days following decision)';
  if (text === undefined) throw new UsageError('impl-date needs a lead time', `add ${forms}`);
  const leadTime = parseLeadTime(text);
  if (!leadTime) throw new UsageError(`--lead-time ${text} is not a lead time`, `write a whole number then m or wd: ${forms}`);
  const max = leadTime.unit === 'months' ? MAX_MONTHS : MAX_WORKING_DAYS;
  if (leadTime.amount > max)
    throw new UsageError(
      `--lead-time ${text} is longer than ${max}${leadTime.unit === 'months' ? 'm' : 'wd'}`,
      `a lead time is at most ${MAX_MONTHS}m or ${MAX_WORKING_DAYS}wd; check the number`,
    );
  if (args.system === true && args.documentation === true) {
    throw new UsageError(
      '--system and --documentation contradict each other',
      'give --system for a DCC-System-impacting modification (System Releases only), --documentation for a documentation-only one',
    );
  }
  const { release, decision, referralEnd } = args;
  if (release !== undefined && !parseReleaseId(release))
    throw new UsageError(
      `--release ${release} is not a release ID`,
      'write YYYY-MM (2020-06), or YYYY-MM-suffix for a second release in a month (2022-07-mp200)',
    );
  const request: ImplDateRequest = { leadTime, leadTimeText: text, systemImpact: args.system === true };
  if (decision) request.decision = decision;
  if (leadTime.unit === 'months') {
    if (args.selfGovernance === true || referralEnd)
      throw new UsageError(
        '--self-governance and --referral-end apply to a lead time in Working Days',
        'use --lead-time 20wd (for example), or leave them out: a months lead time counts back from go-live',
      );
    if (release) request.release = release;
  } else {
    if (release)
      throw new UsageError(
        '--release applies to a lead time in months',
        'a Working Days date counts from the decision: give --decision D (or --self-governance --referral-end D)',
      );
    if (args.selfGovernance === true || referralEnd) request.selfGovernance = referralEnd ? { referralWindowEnd: referralEnd } : {};
  }
  return request;
}
