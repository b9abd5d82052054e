// `secrel impl-date --format json`: the lead time as given, the wording, the options or the date, and the problems.
import type { ImplementationOption, ImplementationResult } from '../../domain/implementation.js';
import type { ImplDateRequest } from '../impl-date-request.js';

function optionJson(o: ImplementationOption | undefined): object | undefined {
  if (!o) return undefined;
  return {
    release: o.release.id,
    name: o.release.name,
    date: o.date,
    decisionBy: o.decisionBy,
    ...(o.decisionAfter ? { decisionAfter: o.decisionAfter } : {}),
  };
}

export function formatImplDateJson(req: ImplDateRequest, r: ImplementationResult): string {
  const problems = r.problems.map(({ rule, severity, message }) => ({ rule, severity, message }));
  const json =
    r.form === 'months'
      ? {
          leadTime: req.leadTimeText,
          form: 'months',
          systemImpact: req.systemImpact,
          lines: r.lines,
          primary: optionJson(r.primary),
          fallback: optionJson(r.fallback),
          ...(req.decision ? { decision: { date: req.decision, window: r.verdict?.window ?? 'none' } } : {}),
          problems,
        }
      : {
          leadTime: req.leadTimeText,
          form: 'working-days',
          workingDays: r.workingDays,
          lines: r.lines,
          ...(r.start ? { start: r.start } : {}),
          ...(r.date ? { date: r.date } : {}),
          problems,
        };
  return `${JSON.stringify(json, null, 2)}\n`;
}
