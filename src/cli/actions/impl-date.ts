// Runs `secrel impl-date`: the Policy's implementation-date wording (IMP-1..5) for a lead time, from the
// repository's releases (moved dates included) or, outside one, the default cycle.
import { implementationDates } from '../../domain/implementation-dates.js';
import { noValidDate } from '../../domain/decision-window.js';
import { UsageError } from '../../repo/errors.js';
import type { ImplDateOptions } from '../commands/impl-date.js';
import type { Context } from '../context.js';
import { implDateRequest } from '../impl-date-request.js';
import { openReleaseModel } from '../open.js';
import { releaseOption } from '../release-option.js';
import { formatImplDateJson } from '../report/impl-date-json.js';
import { formatImplDateText } from '../report/impl-date-text.js';

export async function action(ctx: Context, opts: ImplDateOptions): Promise<number> {
  const request = implDateRequest(opts);
  const opened = await openReleaseModel(ctx);
  if (opened.exit !== undefined) return opened.exit;
  if (request.release !== undefined) releaseOption(opened.model, request.release);
  const result = implementationDates(opened.model, request, ctx.asOf);
  const notEligible = result.problems.find((p) => p.code === 'release-not-eligible');
  if (notEligible)
    throw new UsageError(notEligible.message, 'name another release, or leave out --release for the earliest that fits (`secrel calendar` lists them)');
  if (ctx.format === 'json') ctx.io.stdout(formatImplDateJson(request, result));
  else {
    const { stdout, stderr } = formatImplDateText(request, result);
    if (stdout) ctx.io.stdout(stdout);
    if (stderr) ctx.io.stderr(stderr);
  }
  return noValidDate(result) ? 1 : 0;
}
