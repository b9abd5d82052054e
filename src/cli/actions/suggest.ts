// Runs `secrel suggest`: reads the repository and the proposal, asks the domain for the earliest release, prints it.
import type { Dependency } from '../../domain/dependencies.js';
import { dependenciesOf } from '../../domain/dependencies.js';
import type { Impact } from '../../domain/impact.js';
import { parseLeadTime } from '../../domain/implementation.js';
import type { DependencyNeed, TechSpec } from '../../domain/model.js';
import { proposalOf, suggest, type Proposal } from '../../domain/suggest.js';
import { closest } from '../../domain/text.js';
import { UsageError } from '../../repo/errors.js';
import type { Repository } from '../../repo/load.js';
import type { SuggestOptions } from '../commands/suggest.js';
import type { Context } from '../context.js';
import { openRepository } from '../open.js';
import { stopOnBrokenConfig } from '../config-broken.js';
import { warnNotLoaded } from '../print.js';
import { formatSuggestionText } from '../report/suggest-text.js';

const SPECS: readonly TechSpec[] = ['DUIS', 'GBCS', 'TS'];
const NEEDS: readonly DependencyNeed[] = ['before-development', 'before-testing', 'before-go-live'];

export async function action(ctx: Context, args: SuggestOptions): Promise<number> {
  const given = (['system', 'userSystems', 'documentation'] as const).filter((k) => args[k] === true);
  if (given.length > 1)
    throw new UsageError(`${given.map(flag).join(' and ')} contradict each other`, 'give one of --system, --user-systems and --documentation');
  if (args.leadTime !== undefined && !parseLeadTime(args.leadTime))
    throw new UsageError(
      `--lead-time ${args.leadTime} is not a lead time`,
      'write it like 12m (months before go-live) or 20wd (Working Days following decision)',
    );
  const { decision } = args;
  const techSpecs =
    args.techSpecs === undefined
      ? undefined
      : args.techSpecs
          .split(',')
          .map((t) => t.trim().toUpperCase())
          .map((t) => {
            const spec = SPECS.find((s) => s === t);
            if (!spec) throw new UsageError(`--tech-specs ${args.techSpecs}: ${t} is not DUIS, GBCS or TS`, 'e.g. --tech-specs GBCS,DUIS');
            return spec;
          });
  const depends = args.depends?.map(dependencyOption);
  const repo = await openRepository(ctx);
  const stopped = await stopOnBrokenConfig(ctx, repo);
  if (stopped !== undefined) return stopped;
  const proposal = proposalFor(repo, args, { asOf: ctx.asOf, decision, techSpecs, depends });
  const result = suggest(repo, proposal, ctx.asOf);
  await warnNotLoaded(ctx, repo, repo.findings);
  if (ctx.format === 'json') ctx.io.stdout(`${JSON.stringify({ asOf: ctx.asOf, ...result }, null, 2)}\n`);
  else ctx.io.stdout(formatSuggestionText(result, ctx.asOf, ctx.chalk));
  return result.earliest ? 0 : 1;
}

function proposalFor(repo: Repository, args: SuggestOptions, o: { asOf: string; decision?: string; techSpecs?: TechSpec[]; depends?: Dependency[] }): Proposal {
  if (args.id !== undefined) {
    const m = repo.modifications.find((x) => x.id === args.id);
    if (!m) {
      const guess = closest(
        args.id,
        repo.modifications.map((x) => x.id),
      );
      throw new UsageError(
        `no modification ${args.id} in ${repo.config.paths.modifications}/`,
        guess ? `did you mean ${guess}?` : 'give a modification id, or describe the proposal with --lead-time and --system',
      );
    }
    const p = proposalOf(m, o.depends ?? dependenciesOf(m.data), o.asOf, o.decision);
    const impact = impactOption(args);
    return {
      ...p,
      ...(args.leadTime !== undefined ? { leadTime: args.leadTime } : {}),
      ...(impact ? { impact } : {}),
      ...(o.techSpecs ? { techSpecs: o.techSpecs } : {}),
    };
  }
  if (args.leadTime === undefined)
    throw new UsageError(
      'suggest needs a modification id, or a proposal described with --lead-time',
      'e.g. secrel suggest MP078, or secrel suggest --lead-time 9m --system',
    );
  return {
    id: 'PROPOSAL',
    recorded: false,
    impact: impactOption(args) ?? 'none',
    leadTime: args.leadTime,
    techSpecs: o.techSpecs ?? [],
    ...(o.decision ? { decision: o.decision } : {}),
    dependsOn: o.depends ?? [],
  };
}

function impactOption(args: SuggestOptions): Impact | undefined {
  return args.system ? 'dcc' : args.userSystems ? 'user' : args.documentation ? 'none' : undefined;
}

function flag(k: 'system' | 'userSystems' | 'documentation'): string {
  return k === 'userSystems' ? '--user-systems' : `--${k}`;
}

/** `CR1047`, `CR1047:before-development`, `CR1047:before-development:9m`. */
function dependencyOption(text: string): Dependency {
  const [id = '', needed, lead, ...rest] = text.split(':');
  const hint = 'write ID[:before-development|before-testing|before-go-live[:LEAD]], e.g. --depends CR1047:before-development:9m';
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id) || rest.length > 0) throw new UsageError(`--depends ${text} is not a dependency`, hint);
  const need = needed === undefined ? 'before-go-live' : NEEDS.find((n) => n === needed);
  if (!need) throw new UsageError(`--depends ${text}: ${needed} is not when a dependency is needed`, hint);
  if (lead !== undefined && !/^\d{1,3}(m|w|d)$/.test(lead)) throw new UsageError(`--depends ${text}: ${lead} is not a lead like 9m, 6w or 30d`, hint);
  return { id, kind: /^CR/i.test(id) ? 'change-request' : 'modification', needed: need, ...(lead ? { lead } : {}), path: [] };
}
